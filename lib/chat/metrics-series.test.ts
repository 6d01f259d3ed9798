import { describe, expect, it } from "vitest";

import { conversationReducer, type Turn } from "@/lib/chat/conversation";
import type { ChatEvent } from "@/lib/chat/events";
import { axisScale, compareSeries, niceStep, pointCount, sessionSeries } from "@/lib/chat/metrics-series";

const done = (totalMs: number, tokensPerSecond: number | null = 40): ChatEvent => ({
  type: "done",
  finishReason: "stop",
  reasoning: "",
  answer: "ok",
  metrics: { ttftMs: 50, ttfaMs: 60, totalMs, tokensPerSecond },
});

function exchange(turns: Turn[], id: string, backendId: string, end: ChatEvent | "stop" | null, at = 0): Turn[] {
  let next = conversationReducer(turns, {
    type: "send",
    user: { id: `u-${id}`, text: "Q" },
    assistant: { id, backendId, backendLabel: backendId.toUpperCase(), model: null, reasoningRequested: false, at },
  });
  if (end === "stop") next = conversationReducer(next, { type: "stop", turnId: id, at: at + 1 });
  else if (end) {
    next = conversationReducer(next, { type: "event", turnId: id, event: { type: "usage", promptTokens: 12, completionTokens: 34 }, at });
    next = conversationReducer(next, { type: "event", turnId: id, event: end, at: at + 1 });
  }
  return next;
}

describe("sessionSeries", () => {
  it("groups finished replies by backend, each at the exchange it answered, skipping unmeasured ones", () => {
    let turns: Turn[] = [];
    turns = exchange(turns, "a", "one", done(1000));
    turns = exchange(turns, "b", "two", done(2000, null));
    turns = exchange(turns, "c", "one", "stop");
    turns = exchange(turns, "d", "one", { type: "error", code: "upstream_error", message: "no", status: 502 });
    turns = exchange(turns, "e", "one", done(3000));
    const series = sessionSeries(turns);
    expect(series.map((s) => [s.key, s.label, s.points.map((p) => p.exchange)])).toEqual([
      ["one", "ONE", [1, 5]],
      ["two", "TWO", [2]],
    ]);
    expect(series[0]!.points[0]).toEqual({
      exchange: 1,
      turnId: "a",
      ttftMs: 50,
      ttfaMs: 60,
      totalMs: 1000,
      tokensPerSecond: 40,
      promptTokens: 12,
      completionTokens: 34,
    });
    expect(series[1]!.points[0]!.tokensPerSecond).toBeNull();
    expect(pointCount(series)).toBe(3);
  });
});

describe("compareSeries", () => {
  it("makes one numbered series per column, even for the same backend twice", () => {
    const left = exchange(exchange([], "a", "one", done(1000)), "b", "one", done(1200));
    const right = exchange([], "c", "one", null);
    const series = compareSeries([
      { id: "L", label: "One", turns: left },
      { id: "R", label: "One", turns: right },
    ]);
    expect(series.map((s) => [s.key, s.label, s.points.length])).toEqual([
      ["L", "1 · One", 2],
      ["R", "2 · One", 0],
    ]);
  });
});

describe("axis scale", () => {
  it("rounds steps to 1, 2, 2.5 or 5 × 10ⁿ and covers the largest value", () => {
    expect([0.3, 1, 1.2, 2.2, 4, 7, 12, 1250].map(niceStep)).toEqual([0.5, 1, 2, 2.5, 5, 10, 20, 2000]);
    expect(axisScale(4900)).toEqual({ max: 6000, ticks: [0, 2000, 4000, 6000] });
    expect(axisScale(42.2)).toEqual({ max: 60, ticks: [0, 20, 40, 60] });
    expect(axisScale(0)).toEqual({ max: 1, ticks: [0, 1] });
  });
});
