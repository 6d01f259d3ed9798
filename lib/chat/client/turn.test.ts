import { describe, expect, it, vi } from "vitest";

import { startChatTurn } from "@/lib/chat/client/turn";
import { encodeChatEvent, type ChatEvent } from "@/lib/chat/events";

const body = { backend: "sim", messages: [{ role: "user" as const, content: "Hi" }] };
const metrics = { ttftMs: 1, ttfaMs: 2, totalMs: 3, tokensPerSecond: 4 };
const done: ChatEvent = { type: "done", finishReason: "stop", reasoning: "", answer: "Hello there.", metrics };

/** A response whose stream stays open until the request is aborted, as a real one does. */
function openStream(events: ChatEvent[], close: boolean): typeof fetch {
  return async (_url, init) => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const event of events) controller.enqueue(new TextEncoder().encode(encodeChatEvent(event)));
        if (close) controller.close();
        init?.signal?.addEventListener("abort", () => controller.error(new DOMException("Aborted", "AbortError")));
      },
    });
    return new Response(stream, { headers: { "content-type": "text/event-stream" } });
  };
}

function setup(fetchImpl: typeof fetch) {
  const delivered: ChatEvent[] = [];
  const stops: number[] = [];
  const frames: (() => void)[] = [];
  const turn = startChatTurn({
    body,
    fetchImpl,
    onEvent: (event) => delivered.push(event),
    onStopped: (at) => stops.push(at),
    schedule: (callback) => {
      frames.push(callback);
      return () => frames.splice(frames.indexOf(callback), 1);
    },
  });
  return { turn, delivered, stops, frames };
}

const answer = (text: string): ChatEvent => ({ type: "answer", text });

describe("startChatTurn", () => {
  it("delivers the text deltas of a frame merged, then the events after them in order", async () => {
    const { turn, delivered, stops } = setup(openStream([answer("Hel"), answer("lo "), answer("there."), done], true));
    expect(await turn.done).toBe("done");
    expect(delivered).toEqual([answer("Hello there."), done]);
    expect(stops).toEqual([]);
  });

  it("keeps the text that arrived when stopped and reports the stop once", async () => {
    const { turn, delivered, stops, frames } = setup(openStream([answer("Hal"), answer("f")], false));
    await vi.waitFor(() => expect(frames).toHaveLength(1));
    turn.stop();
    expect(delivered).toEqual([answer("Half")]);
    expect(stops).toHaveLength(1);
    expect(await turn.done).toBe("stopped");
    expect(stops).toHaveLength(1);
  });

  it("delivers nothing more once abandoned", async () => {
    const { turn, delivered, stops, frames } = setup(openStream([answer("Gone")], false));
    await vi.waitFor(() => expect(frames).toHaveLength(1));
    turn.abandon();
    expect(await turn.done).toBe("stopped");
    expect(delivered).toEqual([]);
    expect(stops).toEqual([]);
  });
});
