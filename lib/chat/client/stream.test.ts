import { describe, expect, it } from "vitest";

import { runChatTurn } from "@/lib/chat/client/stream";
import { encodeChatEvent, type ChatEvent } from "@/lib/chat/events";

const body = { backend: "sim", messages: [{ role: "user" as const, content: "Hi" }], reasoning: true, params: {}, media: {} };

function sseResponse(chunks: string[], init?: ResponseInit): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(stream, { status: 200, headers: { "content-type": "text/event-stream" }, ...init });
}

async function run(fetchImpl: typeof fetch, signal = new AbortController().signal) {
  const seen: ChatEvent[] = [];
  const outcome = await runChatTurn({ body, signal, onEvent: (e) => seen.push(e), fetchImpl });
  return { outcome, seen };
}

describe("runChatTurn", () => {
  it("posts the body as JSON and reports every event up to done", async () => {
    let sent: RequestInit | undefined;
    const done: ChatEvent = {
      type: "done",
      finishReason: "stop",
      reasoning: "r",
      answer: "a",
      metrics: { ttftMs: 1, ttfaMs: 2, totalMs: 3, tokensPerSecond: 4 },
    };
    const text = encodeChatEvent({ type: "reasoning", text: "r" }) + encodeChatEvent({ type: "answer", text: "a" }) + encodeChatEvent(done);
    const { outcome, seen } = await run(async (_url, init) => {
      sent = init;
      return sseResponse([text.slice(0, 17), text.slice(17)]);
    });
    expect(outcome).toBe("done");
    expect(seen.map((e) => e.type)).toEqual(["reasoning", "answer", "done"]);
    expect(sent?.method).toBe("POST");
    expect(JSON.parse(String(sent?.body))).toEqual(body);
  });

  it("turns a JSON error response into an error event with the server's sentence", async () => {
    const { outcome, seen } = await run(async () =>
      Response.json({ error: { code: "backend_unreachable", message: "Backend 'x' is not reachable." } }, { status: 502 }),
    );
    expect(outcome).toBe("error");
    expect(seen).toEqual([{ type: "error", code: "backend_unreachable", message: "Backend 'x' is not reachable.", status: 502 }]);
  });

  it("reports a stream that ends without done as an error", async () => {
    const { outcome, seen } = await run(async () => sseResponse([encodeChatEvent({ type: "answer", text: "Hal" })]));
    expect(outcome).toBe("error");
    expect(seen.at(-1)).toMatchObject({ type: "error", code: "upstream_error" });
  });

  it("reports a network failure as an error event", async () => {
    const { outcome, seen } = await run(async () => {
      throw new TypeError("Failed to fetch");
    });
    expect(outcome).toBe("error");
    expect(seen[0]).toMatchObject({ type: "error", message: expect.stringContaining("Failed to fetch") });
  });

  it("returns stopped, without an error event, when aborted mid-stream", async () => {
    const controller = new AbortController();
    const encoder = new TextEncoder();
    const fetchImpl: typeof fetch = async (_url, init) => {
      const stream = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(encoder.encode(encodeChatEvent({ type: "answer", text: "Part" })));
          init?.signal?.addEventListener("abort", () => c.error(new DOMException("Aborted", "AbortError")));
        },
      });
      return new Response(stream, { status: 200 });
    };
    const seen: ChatEvent[] = [];
    const outcome = await runChatTurn({
      body,
      signal: controller.signal,
      fetchImpl,
      onEvent: (e) => {
        seen.push(e);
        controller.abort();
      },
    });
    expect(outcome).toBe("stopped");
    expect(seen.map((e) => e.type)).toEqual(["answer"]);
  });
});
