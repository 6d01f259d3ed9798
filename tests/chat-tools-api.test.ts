import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { GET as passGet, POST as passPost } from "@/app/api/backends/[id]/v1/[...path]/route";
import { POST as chatRoute } from "@/app/api/chat/route";
import { readChatEvents, type ChatEvent } from "@/lib/chat/events";
import { EXAMPLE_TOOLS } from "@/lib/chat/tool-examples";

import { useConfig } from "./support/config";
import { serveRoutes } from "./support/route-server";
import { chunkJson, startScriptedUpstream, writePieces, type ScriptedUpstream } from "./support/scripted-upstream";

// Tool calling end to end: /api/chat against a stand-in vLLM that checks the follow-up's
// tool_call_id, against the simulator, and the pass-through with the openai SDK.

let upstream: ScriptedUpstream;
let app: { url: string; close(): Promise<void> };
const passthrough = "/api/backends/[id]/v1/[...path]";
const tip = {
  name: "calculate_tip",
  description: "Tip for a bill",
  parameters: { type: "object", properties: { bill_total: { type: "number" }, tip_percentage: { type: "number" } } },
};

beforeAll(async () => {
  upstream = await startScriptedUpstream();
  useConfig({
    simulator: { tokensPerSecond: 5000 },
    backends: [
      { id: "vllm", label: "Stand-in vLLM", kind: "chat", family: "nemotron-vl", baseUrl: `${upstream.url}/v1`, model: "nemo" },
      { id: "reason2", label: "Reason2", kind: "chat", family: "cosmos-reason2", baseUrl: `${upstream.url}/v1`, model: "r2" },
    ],
  });
  app = await serveRoutes([
    { method: "POST", pattern: "/api/chat", handler: chatRoute },
    { method: "GET", pattern: passthrough, handler: passGet as never },
    { method: "POST", pattern: passthrough, handler: passPost as never },
  ]);
});
afterAll(async () => {
  await app.close();
  await upstream.close();
});
beforeEach(() => {
  upstream.requests.length = 0;
});

async function chat(body: unknown): Promise<{ status: number; events: ChatEvent[]; json: unknown }> {
  const response = await fetch(`${app.url}/api/chat`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.headers.get("content-type")?.startsWith("text/event-stream"))
    return { status: response.status, events: [], json: await response.json() };
  const events: ChatEvent[] = [];
  for await (const event of readChatEvents(response.body!)) events.push(event);
  return { status: response.status, events, json: null };
}

const sse = (lines: string[]) => Buffer.from(lines.map((line) => `data: ${line}\n\n`).join("") + "data: [DONE]\n\n");

/** Answers a first turn with a call in fragments; a follow-up only when each tool message answers a call the history made. */
function standInVllm(): void {
  upstream.handle((_req, res, raw) => {
    const body = JSON.parse(raw) as {
      messages: { role: string; tool_call_id?: string; tool_calls?: { id: string }[]; content: unknown }[];
    };
    const made = new Set(body.messages.flatMap((message) => (message.tool_calls ?? []).map((call) => call.id)));
    const results = body.messages.filter((message) => message.role === "tool");
    if (results.some((message) => !message.tool_call_id || !made.has(message.tool_call_id))) {
      res
        .writeHead(400, { "Content-Type": "application/json" })
        .end(JSON.stringify({ error: { message: "tool_call_id does not match any tool call", type: "BadRequestError", code: 400 } }));
      return;
    }
    if (results.length > 0) {
      void writePieces(res, [
        sse([chunkJson({ role: "assistant", content: "" }), chunkJson({ content: `The tip is ${String(results[0]!.content)}.` }, "stop")]),
      ]);
      return;
    }
    const bytes = sse([
      chunkJson({ role: "assistant", content: "" }),
      chunkJson({ content: "<think>\nNeed the tip tool.\n</think>\n\n" }),
      chunkJson({
        tool_calls: [
          { index: 0, id: "chatcmpl-tool-abc", type: "function", function: { name: "calculate_tip", arguments: '{"bill_total": 5' } },
        ],
      }),
      chunkJson({ tool_calls: [{ index: 0, function: { arguments: '0, "tip_percentage": 15}' } }] }),
      chunkJson({}, "tool_calls"),
    ]);
    // Cut the bytes inside the second call fragment too, as a network read may.
    void writePieces(res, [bytes.subarray(0, 400), bytes.subarray(400)]);
  });
}

describe("tool calling through /api/chat", () => {
  it("round-trips call → result → answer against a vLLM that checks tool_call_id", async () => {
    standInVllm();
    const user = { role: "user", content: "Tip on a $50 bill at 15%?" };
    const first = await chat({
      backend: "vllm",
      reasoning: true,
      tools: [tip],
      toolChoice: "auto",
      parallelToolCalls: false,
      messages: [user],
    });
    const sent = JSON.parse(upstream.requests[0]!.body);
    expect(sent.tools).toEqual([{ type: "function", function: tip }]);
    expect(sent).toMatchObject({ tool_choice: "auto", parallel_tool_calls: false });
    const call = { id: "chatcmpl-tool-abc", name: "calculate_tip", arguments: '{"bill_total": 50, "tip_percentage": 15}' };
    expect(first.events).toContainEqual({ type: "tool_call", index: 0, ...call });
    const done = first.events.at(-1);
    expect(done).toMatchObject({
      type: "done",
      finishReason: "tool_calls",
      reasoning: "Need the tip tool.",
      answer: "",
      toolCalls: [{ index: 0, ...call }],
    });

    const second = await chat({
      backend: "vllm",
      tools: [tip],
      messages: [user, { role: "assistant", content: "", toolCalls: [call] }, { role: "tool", toolCallId: call.id, content: "7.5" }],
    });
    expect(second.events.at(-1)).toMatchObject({ type: "done", finishReason: "stop", answer: "The tip is 7.5." });
    const followUp = JSON.parse(upstream.requests[1]!.body);
    expect(followUp.messages.slice(-2)).toEqual([
      {
        role: "assistant",
        content: null,
        tool_calls: [{ id: call.id, type: "function", function: { name: call.name, arguments: call.arguments } }],
      },
      { role: "tool", tool_call_id: call.id, content: "7.5" },
    ]);
  });

  it("shows malformed arguments as they came, flagged", async () => {
    upstream.handle(
      (_req, res) =>
        void writePieces(res, [
          sse([
            chunkJson(
              { tool_calls: [{ index: 0, id: "x", type: "function", function: { name: "calculate_tip", arguments: '{"bill_total": ' } }] },
              "length",
            ),
          ]),
        ]),
    );
    const { events } = await chat({ backend: "vllm", tools: [tip], messages: [{ role: "user", content: "Tip?" }] });
    const call = events.find((event) => event.type === "tool_call");
    expect(call).toMatchObject({ arguments: '{"bill_total": ', malformed: expect.stringMatching(/not valid JSON/) });
    expect(events.at(-1)).toMatchObject({ type: "done", finishReason: "length" });
  });

  it("refuses what vLLM would, before anything is sent, with a sentence to act on", async () => {
    const orphan = await chat({
      backend: "vllm",
      messages: [
        { role: "user", content: "x" },
        { role: "tool", toolCallId: "nope", content: "1" },
      ],
    });
    expect(orphan.status).toBe(400);
    expect(JSON.stringify(orphan.json)).toContain("No earlier assistant message made the call 'nope'");
    const unsupported = await chat({ backend: "reason2", tools: [tip], messages: [{ role: "user", content: "x" }] });
    expect(unsupported).toMatchObject({ status: 400, json: { error: { code: "unsupported_combination" } } });
    expect(upstream.requests).toHaveLength(0);
  });

  it("round-trips on the simulated Nemotron: a call that fits the schema, then an answer using the result", async () => {
    const user = { role: "user", content: "Look up the pose of the red cup." };
    const first = await chat({ backend: "sim-nemotron-vl", tools: EXAMPLE_TOOLS, messages: [user] });
    const done = first.events.at(-1);
    if (done?.type !== "done") throw new Error(`expected done, got ${JSON.stringify(done)}`);
    expect(done.finishReason).toBe("tool_calls");
    const call = done.toolCalls![0]!;
    expect(call.name).toBe("look_up_object_pose");
    expect(JSON.parse(call.arguments)).toMatchObject({ object_name: "red cup" });
    const second = await chat({
      backend: "sim-nemotron-vl",
      tools: EXAMPLE_TOOLS,
      messages: [
        user,
        { role: "assistant", content: "", toolCalls: [call] },
        { role: "tool", toolCallId: call.id, content: "x=0.42 y=-0.13 z=0.90" },
      ],
    });
    expect(second.events.at(-1)).toMatchObject({
      type: "done",
      finishReason: "stop",
      answer: expect.stringContaining("x=0.42 y=-0.13 z=0.90"),
    });
  });
});

describe("tool calling through the pass-through, with the openai SDK", () => {
  it("forwards tools unchanged and streams the call back in the SDK's own shape", async () => {
    const client = new OpenAI({ baseURL: `${app.url}/api/backends/sim-nemotron-vl/v1`, apiKey: "unused" });
    const tools = EXAMPLE_TOOLS.map((tool) => ({ type: "function" as const, function: tool }));
    const stream = await client.chat.completions.create({
      model: "nvidia/nemotron-nano-12b-v2-vl",
      stream: true,
      tools,
      tool_choice: { type: "function", function: { name: "move_gripper" } },
      messages: [{ role: "user", content: "Move the gripper to the cup." }],
    });
    const parts: Record<number, { id?: string; name?: string; args: string }> = {};
    let fragments = 0;
    for await (const chunk of stream) {
      for (const delta of chunk.choices[0]?.delta.tool_calls ?? []) {
        fragments += 1;
        const part = (parts[delta.index] ??= { args: "" });
        part.id ??= delta.id;
        part.name ??= delta.function?.name;
        part.args += delta.function?.arguments ?? "";
      }
    }
    expect(fragments).toBeGreaterThan(1);
    expect(parts[0]).toMatchObject({ id: expect.stringMatching(/^chatcmpl-tool-/), name: "move_gripper" });
    expect(JSON.parse(parts[0]!.args).point_2d).toHaveLength(2);
  });

  it("sends the tool message with its tool_call_id to a vLLM that checks it", async () => {
    standInVllm();
    const client = new OpenAI({ baseURL: `${app.url}/api/backends/vllm/v1`, apiKey: "unused" });
    const completion = await client.chat.completions.create({
      model: "nemo",
      stream: true,
      tools: [{ type: "function", function: tip }],
      messages: [
        { role: "user", content: "Tip?" },
        {
          role: "assistant",
          content: null,
          tool_calls: [{ id: "chatcmpl-tool-abc", type: "function", function: { name: "calculate_tip", arguments: "{}" } }],
        },
        { role: "tool", tool_call_id: "chatcmpl-tool-abc", content: "7.5" },
      ],
    });
    let text = "";
    for await (const chunk of completion) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe("The tip is 7.5.");
    expect(JSON.parse(upstream.requests[0]!.body).messages[2]).toEqual({ role: "tool", tool_call_id: "chatcmpl-tool-abc", content: "7.5" });
  });
});
