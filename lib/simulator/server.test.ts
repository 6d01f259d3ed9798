import { readFileSync } from "node:fs";
import path from "node:path";
import OpenAI from "openai";
import type {
  ChatCompletionChunk,
  ChatCompletionCreateParamsStreaming,
  ChatCompletionMessageParam,
} from "openai/resources/chat/completions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startSimulator, type RunningSimulator } from "@/lib/simulator/server";
import {
  CRITIC_PROMPT,
  dataUrl,
  fencedJson,
  GROUNDING_PROMPT,
  image,
  TEMPORAL_PROMPT,
  TRAJECTORY_PROMPT,
  video,
  withReasoning,
} from "@/tests/support/simulator-fixtures";

let fast: RunningSimulator;
let slow: RunningSimulator;

beforeAll(async () => {
  [fast, slow] = await Promise.all([startSimulator({ tokensPerSecond: 5000 }), startSimulator({ tokensPerSecond: 40 })]);
});
afterAll(async () => {
  await Promise.all([fast.close(), slow.close()]);
});

const client = (sim: RunningSimulator, slug = "reason2-8b") =>
  new OpenAI({ baseURL: `${sim.url}/${slug}/v1`, apiKey: "sk-secret-never-echoed", maxRetries: 0 });

const ask = (text: string, media: object[] = []): ChatCompletionMessageParam[] => [
  { role: "system", content: "You are a helpful assistant." },
  { role: "user", content: [...media, { type: "text", text }] as ChatCompletionMessageParam["content"] } as ChatCompletionMessageParam,
];

async function collect(sim: RunningSimulator, params: Omit<ChatCompletionCreateParamsStreaming, "model" | "stream">, slug?: string) {
  const api = client(sim, slug);
  const model = (await api.models.list()).data[0]?.id ?? "";
  const chunks: ChatCompletionChunk[] = [];
  for await (const chunk of await api.chat.completions.create({ ...params, model, stream: true })) chunks.push(chunk);
  const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? "").join("");
  const finishReason = chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.finish_reason)).filter(Boolean);
  return { chunks, text, finishReason };
}

async function stats(sim: RunningSimulator): Promise<{ requests: number; aborted: number; completed: number }> {
  return (await (await fetch(`${sim.url}/__simulator/stats`)).json()) as { requests: number; aborted: number; completed: number };
}

describe("chat completions over the OpenAI SDK", () => {
  it("streams Cosmos reasoning as think and answer tags", async () => {
    const { chunks, text, finishReason } = await collect(fast, { messages: ask(withReasoning("What is on the table?"), [image]) });
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: "assistant", content: "" });
    expect(text).toMatch(/^<think>\n[\s\S]+the 64×48 image[\s\S]+\n<\/think>\n\n<answer>\n\(Simulated answer\)[\s\S]+\n<\/answer>$/);
    expect(finishReason).toEqual(["stop"]);
  });

  it("is deterministic per seed, and the non-streamed answer is the same text", async () => {
    const messages = ask(withReasoning("What happens next?"), [video]);
    const [a, b, c] = await Promise.all([5, 5, 6].map((seed) => collect(fast, { messages, seed })));
    expect(a?.text).toBe(b?.text);
    expect(a?.text).not.toBe(c?.text);
    const whole = await client(fast).chat.completions.create({ model: "nvidia/cosmos-reason2-8b", messages, seed: 5 });
    expect(whole.choices[0]?.message.content).toBe(a?.text);
    expect(whole.usage?.completion_tokens).toBeGreaterThan(0);
  });

  it("sends a usage chunk with choices [] only when include_usage is set", async () => {
    const withUsage = await collect(fast, { messages: ask("Hi"), stream_options: { include_usage: true } });
    const last = withUsage.chunks.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage?.total_tokens).toBe((last?.usage?.prompt_tokens ?? 0) + (last?.usage?.completion_tokens ?? 0));
    const without = await collect(fast, { messages: ask("Hi") });
    expect(without.chunks.some((chunk) => chunk.usage)).toBe(false);
  });

  it("answers each prompt kind in its format", async () => {
    const answer = async (text: string, media: object[]) => {
      const { text: content } = await collect(fast, { messages: ask(text, media), seed: 3 });
      return content.includes("</think>") ? (content.split("</think>\n\n")[1] ?? "") : content;
    };
    // Places come only for a bundled sample: the robot-arm still.
    const still = {
      type: "image_url",
      image_url: { url: dataUrl("image/png", readFileSync(path.resolve("public/samples/robot-arm.png"))) },
    };
    const trajectory = fencedJson(await answer(TRAJECTORY_PROMPT, [still])) as { point_2d: number[] }[];
    expect(trajectory.length).toBeGreaterThan(1);
    expect(trajectory.every((point) => point.point_2d.length === 2)).toBe(true);
    const boxes = fencedJson(await answer(GROUNDING_PROMPT.replace("red cup", "red cube"), [still])) as {
      bbox_2d: number[];
      label: string;
    }[];
    expect(boxes[0]?.label).toBe("red cube");
    const events = fencedJson(await answer(TEMPORAL_PROMPT, [video])) as { start: string; end: string }[];
    expect(events[0]?.start).toMatch(/^\d\d:\d\d\.\d\d$/);
    expect(await answer(CRITIC_PROMPT, [video])).toMatch(/^(Approve|Reject)$/);
  });

  it("cuts at max_tokens with finish_reason length", async () => {
    const { text, finishReason } = await collect(fast, { messages: ask(withReasoning("Why?")), max_tokens: 8 });
    expect(finishReason).toEqual(["length"]);
    expect(text.startsWith("<th")).toBe(true);
    expect(text).not.toContain("</think>");
  });

  it("thinks for Nemotron with the /think system prompt", async () => {
    const messages: ChatCompletionMessageParam[] = [{ role: "system", content: "/think" }, ...ask("Describe it.", [image]).slice(1)];
    const { text } = await collect(fast, { messages }, "nemotron-vl");
    expect(text).toMatch(/^<think>\n[\s\S]+\n<\/think>\n\n\(Simulated answer\)/);
  });

  it("answers 404 in the vLLM shape for a model it does not serve", async () => {
    const error = await client(fast)
      .chat.completions.create({ model: "nvidia/other", messages: ask("Hi") })
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect((error as InstanceType<typeof OpenAI.NotFoundError>).message).toContain("The model `nvidia/other` does not exist.");
  });
});

describe("pacing and aborts", () => {
  it("paces tokens at the configured rate", async () => {
    const startedAt = performance.now();
    const { chunks } = await collect(slow, { messages: ask(withReasoning("Why?")), max_tokens: 40 });
    const elapsed = performance.now() - startedAt;
    expect(chunks.length).toBeGreaterThan(10);
    expect(elapsed).toBeGreaterThan(500);
    expect(elapsed).toBeLessThan(5000);
  });

  it("stops generating when the client goes away", async () => {
    const before = await stats(slow);
    const stream = await client(slow).chat.completions.create({
      model: "nvidia/cosmos-reason2-8b",
      messages: ask(withReasoning("What is on the table?")),
      stream: true,
    });
    let received = 0;
    for await (const chunk of stream) {
      expect(chunk.object).toBe("chat.completion.chunk");
      if (++received === 3) break;
    }
    let after = await stats(slow);
    for (let tries = 0; after.aborted === before.aborted && tries < 40; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      after = await stats(slow);
    }
    expect(after.aborted).toBe(before.aborted + 1);
    expect(after.completed).toBe(before.completed);
  });
});

describe("HTTP surface", () => {
  it("serves models, health and metadata at /v1 and /{slug}/v1", async () => {
    const root = (await (await fetch(`${fast.url}/v1/models`)).json()) as { object: string; data: { id: string; owned_by: string }[] };
    expect(root).toMatchObject({ object: "list", data: [{ id: "nvidia/cosmos-reason2-8b", owned_by: "simulator" }] });
    const nemotron = (await (await fetch(`${fast.url}/nemotron-vl/v1/models`)).json()) as { data: { id: string }[] };
    expect(nemotron.data[0]?.id).toBe("nvidia/nemotron-nano-12b-v2-vl");
    expect(await (await fetch(`${fast.url}/reason2-2b/v1/health/ready`)).json()).toEqual({
      object: "health.response",
      message: "Service is ready.",
    });
    expect((await fetch(`${fast.url}/v1/health/live`)).status).toBe(200);
    expect(JSON.stringify(await (await fetch(`${fast.url}/v1/metadata`)).json())).toContain("simulated");
    expect(JSON.stringify(await (await fetch(`${fast.url}/v1/version`)).json())).toContain("simulated");
  });

  it("answers JSON errors for bad JSON, missing messages and unknown paths", async () => {
    const post = (body: string) =>
      fetch(`${fast.url}/v1/chat/completions`, { method: "POST", headers: { "Content-Type": "application/json" }, body });
    const badJson = await post("{not json");
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({ error: { type: "BadRequestError", param: null, code: 400 } });
    expect((await post(JSON.stringify({ model: "nvidia/cosmos-reason2-8b" }))).status).toBe(400);
    const unknown = await fetch(`${fast.url}/v2/nothing`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { type: "NotFoundError", code: 404 } });
    expect((await fetch(`${fast.url}/unknown-slug/v1/models`)).status).toBe(404);
  });

  it("streams bytes that decode to the same text, with no-cache headers", async () => {
    const response = await fetch(`${fast.url}/v1/chat/completions`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: "Bearer sk-secret-never-echoed" },
      body: JSON.stringify({ messages: ask("Tell me — briefly — what you see."), stream: true, seed: 2 }),
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("content-encoding")).toBeNull();
    const raw = await response.text();
    expect(raw).not.toContain("sk-secret");
    const content = raw
      .split("\n\n")
      .filter((line) => line.startsWith("data: {"))
      .map((line) => (JSON.parse(line.slice(6)) as ChatCompletionChunk).choices[0]?.delta.content ?? "")
      .join("");
    expect(content).toContain("—");
    expect(content).toMatch(/^\(Simulated answer\)/);
  });
});
