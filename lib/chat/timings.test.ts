import { describe, expect, it } from "vitest";

import { conversationReducer, type AssistantTurn } from "@/lib/chat/conversation";
import { charsAt, MAX_MARKS, recordChunk, type TurnTimings } from "@/lib/chat/timings";
import { assistantTurn } from "@/tests/support/turns";

const turn = assistantTurn({
  id: "t1",
  state: "streaming",
  backendId: "sim",
  backendLabel: "Sim",
  reasoningRequested: true,
  startedAt: 1000,
  endedAt: null,
  finishReason: null,
});

describe("recording timings", () => {
  it("keeps think and answer batches apart, in ms since the turn started, and lands on the turn even once it is done", () => {
    let timings = recordChunk(undefined, "think", 200, 4);
    timings = recordChunk(timings, "think", 300, 4);
    timings = recordChunk(timings, "answer", 900, 6);
    expect(timings).toEqual({
      think: [
        [200, 4],
        [300, 4],
      ],
      answer: [[900, 6]],
    });
    const [done] = conversationReducer([{ ...turn, state: "done" }], { type: "timings", turnId: "t1", timings });
    expect((done as AssistantTurn).timings).toEqual(timings);
  });

  it("stays small on a long reply, keeping every character and the last time", () => {
    let timings: TurnTimings | undefined;
    for (let i = 1; i <= 5000; i++) timings = recordChunk(timings, "answer", i * 10, 3);
    const marks = timings?.answer ?? [];
    expect(marks.length).toBeLessThanOrEqual(MAX_MARKS);
    expect(marks.reduce((sum, [, chars]) => sum + chars, 0)).toBe(15_000);
    expect(marks.at(-1)?.[0]).toBe(50_000);
    expect(marks.every(([at], i) => i === 0 || at >= marks[i - 1]![0])).toBe(true);
  });

  it("ignores empty batches", () => {
    expect(recordChunk(undefined, "think", 5, 0)).toEqual({});
  });
});

describe("charsAt", () => {
  const marks: [number, number][] = [
    [1000, 10],
    [3000, 10],
  ];
  it("shows nothing before the first batch and everything after the last", () => {
    expect(charsAt(marks, 20, 500)).toBe(0);
    expect(charsAt(marks, 20, 1000)).toBe(10);
    expect(charsAt(marks, 20, 3000)).toBe(20);
  });
  it("holds through a stall and grows into the next batch just before it", () => {
    expect(charsAt(marks, 20, 2000)).toBe(10);
    expect(charsAt(marks, 20, 2875)).toBe(15);
  });
  it("scales to the final text when it differs from what streamed", () => {
    expect(charsAt(marks, 40, 1000)).toBe(20);
  });
});
