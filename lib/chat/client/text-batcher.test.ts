import { describe, expect, it } from "vitest";

import { batchTextEvents } from "@/lib/chat/client/text-batcher";
import type { ChatEvent } from "@/lib/chat/events";

function setup() {
  const delivered: [ChatEvent, number][] = [];
  const frames: (() => void)[] = [];
  const batcher = batchTextEvents(
    (event, at) => delivered.push([event, at]),
    (callback) => {
      frames.push(callback);
      return () => frames.splice(frames.indexOf(callback), 1);
    },
  );
  const frame = () => frames.splice(0).forEach((callback) => callback());
  return { batcher, delivered, frames, frame };
}

describe("batchTextEvents", () => {
  it("delivers the text of a frame merged by kind, in order, with the time of the first", () => {
    const { batcher, delivered, frames, frame } = setup();
    batcher.push({ type: "reasoning", text: "Let " }, 1);
    batcher.push({ type: "reasoning", text: "me think." }, 2);
    batcher.push({ type: "answer", text: "Yes" }, 3);
    batcher.push({ type: "answer", text: "." }, 4);
    expect(delivered).toEqual([]);
    expect(frames).toHaveLength(1);
    frame();
    expect(delivered).toEqual([
      [{ type: "reasoning", text: "Let me think." }, 1],
      [{ type: "answer", text: "Yes." }, 3],
    ]);
    batcher.push({ type: "answer", text: " More" }, 5);
    frame();
    expect(delivered.at(-1)).toEqual([{ type: "answer", text: " More" }, 5]);
  });

  it("delivers waiting text before any other event, which passes at once", () => {
    const { batcher, delivered, frames } = setup();
    const usage: ChatEvent = { type: "usage", promptTokens: 1, completionTokens: 2 };
    batcher.push({ type: "answer", text: "A" }, 1);
    batcher.push(usage, 2);
    expect(delivered).toEqual([
      [{ type: "answer", text: "A" }, 1],
      [usage, 2],
    ]);
    expect(frames).toHaveLength(0);
  });

  it("flushes on demand (Stop keeps what arrived) and cancels without delivering", () => {
    const { batcher, delivered, frames } = setup();
    batcher.push({ type: "answer", text: "kept" }, 1);
    batcher.flush();
    expect(delivered).toEqual([[{ type: "answer", text: "kept" }, 1]]);
    batcher.push({ type: "answer", text: "dropped" }, 2);
    batcher.cancel();
    expect(frames).toHaveLength(0);
    batcher.flush();
    expect(delivered).toHaveLength(1);
  });
});
