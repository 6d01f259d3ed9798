import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { POST as chatRoute } from "@/app/api/chat/route";
import { REASONING_PROMPT_SUFFIX } from "@/lib/backends/families";
import { readChatEvents, type ChatEvent } from "@/lib/chat/events";

import { useConfig } from "./support/config";
import { serveRoutes } from "./support/route-server";
import { cutAt, sseBody, startScriptedUpstream, writePieces, type ScriptedUpstream } from "./support/scripted-upstream";

const KEY = "nvapi-test-secret-0123456789";
let upstream: ScriptedUpstream;
let app: { url: string; close(): Promise<void> };

beforeAll(async () => {
  upstream = await startScriptedUpstream();
  process.env.TEST_NIM_KEY = KEY;
  useConfig({
    backends: [
      {
        id: "nim",
        label: "Test NIM",
        kind: "chat",
        family: "cosmos-reason2",
        baseUrl: `${upstream.url}/v1`,
        model: "test-model",
        apiKeyEnv: "TEST_NIM_KEY",
      },
      { id: "nemotron", label: "Test Nemotron", kind: "chat", family: "nemotron-vl", baseUrl: `${upstream.url}/v1`, model: "nemo" },
      { id: "stally", label: "Stalls", kind: "chat", family: "generic", baseUrl: `${upstream.url}/v1`, model: "m", idleTimeoutMs: 1000 },
      { id: "down", label: "Down", kind: "chat", family: "generic", baseUrl: "http://127.0.0.1:9/v1", model: "m" },
    ],
  });
  app = await serveRoutes([{ method: "POST", pattern: "/api/chat", handler: chatRoute }]);
});
afterAll(async () => {
  await app.close();
  await upstream.close();
});
beforeEach(() => {
  upstream.requests.length = 0;
});

async function chat(body: unknown, signal?: AbortSignal): Promise<{ response: Response; raw: string; events: ChatEvent[] }> {
  const response = await fetch(`${app.url}/api/chat`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    signal,
  });
  if (!response.headers.get("content-type")?.startsWith("text/event-stream")) {
    return { response, raw: await response.text(), events: [] };
  }
  const events: ChatEvent[] = [];
  const [forEvents, forRaw] = response.body!.tee();
  const rawPromise = new Response(forRaw).text();
  for await (const event of readChatEvents(forEvents)) events.push(event);
  return { response, raw: await rawPromise, events };
}

const ask = (backend = "nim", reasoning = true) => ({
  backend,
  reasoning,
  messages: [{ role: "user", content: "Where is the cup?" }],
});

function done(events: ChatEvent[]) {
  const last = events.at(-1);
  if (last?.type !== "done") throw new Error(`expected done, got ${JSON.stringify(last)}`);
  return last;
}

describe("POST /api/chat", () => {
  it("streams start, reasoning, answer, usage and done with metrics", async () => {
    upstream.handle((_req, res) =>
      writePieces(res, [sseBody([{ content: "<think>\nThe cup is red.\n</think>\n\n<answer>\nOn the left.\n</answer>" }])]),
    );
    const { response, events } = await chat(ask());
    expect(response.status).toBe(200);
    expect(events[0]).toMatchObject({ type: "start", backend: "nim", model: "test-model" });
    expect(events.some((e) => e.type === "reasoning")).toBe(true);
    expect(events.some((e) => e.type === "answer")).toBe(true);
    expect(events).toContainEqual({ type: "usage", promptTokens: 12, completionTokens: 34 });
    const final = done(events);
    expect(final).toMatchObject({ finishReason: "stop", reasoning: "The cup is red.", answer: "On the left." });
    expect(final.metrics.totalMs).toBeGreaterThan(0);
    expect(final.metrics.ttftMs).not.toBeNull();
  });

  it("sends the family's reasoning switch, sampling and the key upstream — and never the key back", async () => {
    upstream.handle((_req, res) => writePieces(res, [sseBody([{ content: "ok" }])]));
    const { raw } = await chat(ask());
    const sent = upstream.requests[0]!;
    expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
    const body = JSON.parse(sent.body);
    expect(body.messages.at(-1).content).toContain(REASONING_PROMPT_SUFFIX);
    expect(body).toMatchObject({ stream: true, stream_options: { include_usage: true }, temperature: 0.6, top_k: 20 });
    expect(raw).not.toContain(KEY);
  });

  it("splits right however the bytes are cut, multi-byte characters included", async () => {
    const bytes = sseBody([{ content: "<think>\nÉtat 🙂 ok\n</think>\n\n<answer>\n東京 — yes\n</answer>" }]);
    const offsets = [...Array(bytes.length).keys()].filter((i) => i % 7 === 3);
    for (const offset of offsets.slice(0, 40)) {
      upstream.handle((_req, res) => writePieces(res, cutAt(bytes, [offset, offset + 1, offset + 5]), 0));
      const final = done((await chat(ask())).events);
      expect(final.reasoning).toBe("État 🙂 ok");
      expect(final.answer).toBe("東京 — yes");
    }
  });

  it("reads reasoning from the reasoning field of newer vLLM and reasoning_content of older", async () => {
    for (const field of ["reasoning", "reasoning_content"]) {
      upstream.handle((_req, res) => writePieces(res, [sseBody([{ [field]: "Thinking hard." }, { content: "Answer." }])]));
      const final = done((await chat(ask())).events);
      expect(final).toMatchObject({ reasoning: "Thinking hard.", answer: "Answer." });
    }
  });

  it("keeps reasoning when </think> never arrives (max tokens)", async () => {
    upstream.handle((_req, res) => writePieces(res, [sseBody([{ content: "<think>\nStill going" }], "length")]));
    const final = done((await chat(ask())).events);
    expect(final).toMatchObject({ finishReason: "length", reasoning: "Still going", answer: "" });
  });

  it("passes a NIM's 400 message through as an error event", async () => {
    upstream.handle((_req, res) => {
      res.writeHead(400, { "Content-Type": "application/json" }).end(JSON.stringify({ detail: "fps 8 is above the video's own 4" }));
    });
    const { events } = await chat(ask());
    expect(events.at(-1)).toMatchObject({ type: "error", code: "upstream_rejected", status: 400 });
    expect((events.at(-1) as { message: string }).message).toContain("fps 8 is above the video's own 4");
  });

  it("turns a mid-stream error into an error event", async () => {
    upstream.handle((_req, res) =>
      writePieces(res, [
        Buffer.from(
          `data: {"choices":[{"index":0,"delta":{"content":"Hal"}}]}\n\ndata: {"error":{"message":"CUDA out of memory","code":500}}\n\ndata: [DONE]\n\n`,
        ),
      ]),
    );
    const { events } = await chat(ask(undefined, false));
    expect(events).toContainEqual({ type: "answer", text: "Hal" });
    expect(events.at(-1)).toMatchObject({ type: "error", code: "upstream_error" });
    expect((events.at(-1) as { message: string }).message).toContain("CUDA out of memory");
  });

  it("uses one id per request: the start event's requestId, the X-Request-Id header and the log line", async () => {
    upstream.handle((_req, res) => void res.writeHead(500, { "Content-Type": "application/json" }).end('{"detail":"engine crashed"}'));
    const logged: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.join(" ")));
    try {
      const { response, events } = await chat(ask());
      const start = events[0] as Extract<ChatEvent, { type: "start" }>;
      expect(start.type).toBe("start");
      expect(response.headers.get("x-request-id")).toBe(start.requestId);
      expect(events.at(-1)).toMatchObject({ type: "error", code: "upstream_error" });
      expect(logged).toEqual([expect.stringContaining(`${start.requestId} upstream_error: Backend 'nim' failed (500): engine crashed`)]);
    } finally {
      spy.mockRestore();
    }
    const refused = await fetch(`${app.url}/api/chat`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect((await refused.json()).error.errorId).toBe(refused.headers.get("x-request-id"));
  });

  it("says which URL is unreachable and that the NIM may not be running", async () => {
    const { events } = await chat(ask("down"));
    expect(events.at(-1)).toMatchObject({ type: "error", code: "backend_unreachable", status: 502 });
    expect((events.at(-1) as { message: string }).message).toMatch(/127\.0\.0\.1:9\/v1.*NIM container running/);
  });

  it("ends a stalled stream after the idle timeout", async () => {
    upstream.handle((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      res.write(`data: {"choices":[{"index":0,"delta":{"content":"Hel"}}]}\n\n`);
    });
    const { events } = await chat(ask("stally", false));
    expect(events.at(-1)).toMatchObject({ type: "error", code: "upstream_timeout", status: 504 });
  });

  it("aborts the upstream request when the browser goes away", async () => {
    upstream.handle(async (_req, res) => {
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      for (let i = 0; i < 200 && !res.destroyed; i++) {
        res.write(`data: {"choices":[{"index":0,"delta":{"content":"word "}}]}\n\n`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      res.end();
    });
    const before = upstream.closedEarly;
    const controller = new AbortController();
    const response = await fetch(`${app.url}/api/chat`, {
      method: "POST",
      body: JSON.stringify(ask("nim", false)),
      headers: { "Content-Type": "application/json" },
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    await reader.read();
    controller.abort();
    await expect.poll(() => upstream.closedEarly, { timeout: 2000 }).toBe(before + 1);
  });

  it("refuses Nemotron reasoning with a video before calling upstream", async () => {
    const { response, raw } = await chat({
      backend: "nemotron",
      reasoning: true,
      messages: [
        {
          role: "user",
          content: [
            { type: "video_url", url: "https://example.com/a.mp4" },
            { type: "text", text: "What happens?" },
          ],
        },
      ],
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(raw).error.code).toBe("unsupported_combination");
    expect(upstream.requests).toHaveLength(0);
  });

  it("leaves an earlier video over the per-prompt limit out, says so, and sends the rest", async () => {
    upstream.handle((_req, res) => writePieces(res, [sseBody([{ content: "ok" }])]));
    const video = (name: string) => ({ type: "video_url", url: `https://example.com/${name}.mp4` });
    const { response, events } = await chat({
      backend: "nim",
      messages: [
        { role: "user", content: [video("first"), { type: "text", text: "What happens?" }] },
        { role: "assistant", content: "A car turns." },
        { role: "user", content: [video("second"), { type: "text", text: "And here?" }] },
      ],
    });
    expect(response.status).toBe(200);
    expect(events[1]).toEqual({
      type: "notice",
      code: "media_omitted",
      message: "1 earlier video was left out of this request: Cosmos Reason2 takes at most 1 video per prompt, earlier turns included.",
    });
    const sent = JSON.parse(upstream.requests[0]!.body) as { messages: { content: unknown }[] };
    expect(sent.messages[0]!.content).toEqual([
      { type: "text", text: "[earlier video omitted: at most 1 video per prompt]" },
      { type: "text", text: "What happens?" },
    ]);
    expect(JSON.stringify(sent)).not.toContain("first.mp4");
    expect(done(events).answer).toBe("ok");
  });

  it("refuses one message over the per-prompt limit with a 400 naming it", async () => {
    const images = Array.from({ length: 5 }, (_, i) => ({ type: "image_url", url: `https://example.com/${i}.png` }));
    const { response, raw } = await chat({
      backend: "nemotron",
      messages: [{ role: "user", content: [...images, { type: "text", text: "Compare." }] }],
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(raw).error.message).toContain("takes at most 4 images per prompt; this message has 5");
    expect(upstream.requests).toHaveLength(0);
  });

  it("answers 4xx JSON errors naming the problem for bad input", async () => {
    const badJson = await fetch(`${app.url}/api/chat`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{nope" });
    expect(badJson.status).toBe(400);
    expect((await badJson.json()).error.code).toBe("bad_request");
    // Plain text is what a page elsewhere can post without asking: refused before it is read.
    const plain = await fetch(`${app.url}/api/chat`, {
      method: "POST",
      body: JSON.stringify({ backend: "nim", messages: [{ role: "user", content: "hi" }] }),
    });
    expect(plain.status).toBe(415);
    expect((await plain.json()).error.code).toBe("unsupported_media");

    const invalid = await chat({ backend: "nim", messages: [], params: { temperature: 9 } });
    expect(invalid.response.status).toBe(400);
    expect(JSON.parse(invalid.raw).error.message).toMatch(/messages.*params\.temperature|params\.temperature.*messages/s);

    const unknown = await chat({ backend: "nope", messages: [{ role: "user", content: "hi" }] });
    expect(unknown.response.status).toBe(404);
    expect(JSON.parse(unknown.raw).error.code).toBe("backend_not_found");
  });
});
