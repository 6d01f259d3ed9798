import { describe, expect, it } from "vitest";

import { conversationReducer, type AssistantTurn, type Turn } from "@/lib/chat/conversation";
import type { ChatEvent } from "@/lib/chat/events";
import { recordChunk, type TurnTimings } from "@/lib/chat/timings";
import { snapshotToTurns, turnsToSnapshot } from "@/lib/conversations/data";
import { thinkingLine } from "@/lib/share/export/markdown";
import { planReplay, QUESTION_PAUSE_MS, replayTurns } from "@/lib/share/replay";

// "Thought for N s" is one figure wherever a recorded turn is shown: live, restored, and replayed.

const T0 = 1_000_000;
const metrics = { ttftMs: 1150, ttfaMs: 4320, totalMs: 6050, tokensPerSecond: 20 };
// The browser's arrival times (ms after the turn started); the server timed its side a little apart.
const stream: [number, ChatEvent][] = [
  [1200, { type: "reasoning", text: "The cup " }],
  [2500, { type: "reasoning", text: "is left." }],
  [4300, { type: "answer", text: "Left, " }],
  [6000, { type: "answer", text: "by the plate." }],
  [6100, { type: "done", finishReason: "stop", reasoning: "The cup is left.", answer: "Left, by the plate.", metrics }],
];

/** The turn as the playground drives it: events into the reducer, timings noted as text arrives. */
function liveTurns(): Turn[] {
  const assistant = { id: "a", backendId: "sim", backendLabel: "Sim", model: "m", reasoningRequested: true, at: T0 };
  let turns = conversationReducer([], { type: "send", user: { id: "u", text: "Where is the cup?" }, assistant });
  let timings: TurnTimings = {};
  for (const [at, event] of stream) {
    if (event.type === "reasoning" || event.type === "answer")
      timings = recordChunk(timings, event.type === "reasoning" ? "think" : "answer", at, event.text.length);
    turns = conversationReducer(turns, { type: "event", turnId: "a", event, at: T0 + at });
  }
  return conversationReducer(turns, { type: "timings", turnId: "a", timings });
}

const reply = (turns: readonly Turn[]) => turns[1] as AssistantTurn;
const thoughtMs = (turn: AssistantTurn) => (turn.thinkEndedAt ?? NaN) - (turn.thinkStartedAt ?? NaN);

describe("the thinking figure in a replay", () => {
  const live = liveTurns();
  const liveFigure = thoughtMs(reply(live));
  const restored = snapshotToTurns(turnsToSnapshot(live));

  it("is first reasoning to first answer live, and the same once saved and restored", () => {
    expect(liveFigure).toBe(3100);
    expect(thoughtMs(reply(restored))).toBe(liveFigure);
    expect(thinkingLine(turnsToSnapshot(live)[1]!)).toBe("Thought for 3.1 s");
  });

  for (const [name, turns] of [
    ["a share", restored],
    ["presentation mode", live],
  ] as const) {
    describe(`of ${name}`, () => {
      const plan = planReplay(turns);
      const now = 50_000;
      const at = (local: number) => reply(replayTurns(turns, plan, QUESTION_PAUSE_MS + local, now));

      it("shows no clock before the reasoning arrives", () => {
        expect(at(1000).thinkStartedAt).toBeNull();
      });

      it("counts from when thinking started, not from the turn's start", () => {
        const thinking = at(2000);
        expect(thinking.thinkEndedAt).toBeNull();
        expect(now - thinking.thinkStartedAt!).toBe(800);
        expect(at(4299).thinkEndedAt).toBeNull();
      });

      it("stops on the live figure once the answer begins, and keeps it to the end", () => {
        expect(thoughtMs(at(4300))).toBe(liveFigure);
        expect(thoughtMs(at(5500))).toBe(liveFigure);
        expect(thoughtMs(reply(replayTurns(turns, plan, plan.totalMs, now)))).toBe(liveFigure);
      });
    });
  }

  it("shows the recorded figure for a turn recorded without times", () => {
    const untimed = restored.map((turn) => (turn.kind === "assistant" ? { ...turn, timings: undefined } : turn));
    const plan = planReplay(untimed);
    const end = reply(replayTurns(untimed, plan, plan.totalMs - 1, 0));
    expect(end.answer).not.toBe("");
    expect(thoughtMs(end)).toBe(liveFigure);
  });
});
