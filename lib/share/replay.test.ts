import { describe, expect, it } from "vitest";

import type { AssistantTurn, Turn } from "@/lib/chat/conversation";
import { planReplay, QUESTION_PAUSE_MS, replayTurns } from "@/lib/share/replay";

const reply = (extra: Partial<AssistantTurn>): AssistantTurn => ({
  kind: "assistant",
  id: "a",
  state: "done",
  backendId: "sim",
  backendLabel: "Sim",
  model: null,
  reasoningRequested: true,
  reasoning: "Thinking hard.",
  answer: "The cup is on the left.",
  startedAt: 0,
  thinkStartedAt: 0,
  thinkEndedAt: 500,
  endedAt: 4000,
  usage: null,
  metrics: { ttftMs: 100, ttfaMs: 500, totalMs: 4000, tokensPerSecond: 10 },
  finishReason: "stop",
  error: null,
  ...extra,
});

const question: Turn = { kind: "user", id: "u", text: "Where is the cup?", media: [] };
const timed = reply({
  timings: {
    think: [
      [100, 7],
      [500, 7],
    ],
    answer: [
      [1000, 3],
      [4000, 20],
    ],
  },
});

describe("replay", () => {
  const turns = [question, timed];
  const plan = planReplay(turns);

  it("lasts as long as the recording, after a pause for the question", () => {
    expect(plan.totalMs).toBe(QUESTION_PAUSE_MS + 4000);
  });

  it("shows the question first, then the reply as it had streamed", () => {
    expect(replayTurns(turns, plan, 0, 0)).toEqual([question]);
    const early = replayTurns(turns, plan, QUESTION_PAUSE_MS + 300, 0)[1] as AssistantTurn;
    expect(early.state).toBe("streaming");
    expect(early.reasoning).toBe("Thinking");
    expect(early.answer).toBe("");
    const middle = replayTurns(turns, plan, QUESTION_PAUSE_MS + 2000, 0)[1] as AssistantTurn;
    expect(middle.reasoning).toBe("Thinking hard.");
    expect(middle.answer).toBe("The");
    expect(middle.metrics).toBeNull();
  });

  it("ends on the turn exactly as recorded", () => {
    expect(replayTurns(turns, plan, plan.totalMs, 0)).toEqual(turns);
  });

  it("streams turns without times at a steady pace", () => {
    const old = reply({ reasoning: "", answer: "x".repeat(320) });
    const steady = planReplay([question, old]);
    expect(steady.totalMs).toBe(QUESTION_PAUSE_MS + 2000);
    const half = replayTurns([question, old], steady, QUESTION_PAUSE_MS + 1000, 0)[1] as AssistantTurn;
    expect(half.answer).toHaveLength(160);
  });
});
