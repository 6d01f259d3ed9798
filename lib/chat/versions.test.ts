import { describe, expect, it } from "vitest";

import type { AssistantTurn, NewAssistantTurn, Turn } from "@/lib/chat/conversation";
import { chatReducer } from "@/lib/chat/versions";

const assistant = (id: string): NewAssistantTurn => ({
  id,
  backendId: "b",
  backendLabel: "B",
  model: null,
  reasoningRequested: false,
  at: 0,
});

function answer(turns: Turn[], id: string, text: string): Turn[] {
  const done = chatReducer(turns, {
    type: "event",
    turnId: id,
    event: {
      type: "done",
      finishReason: "stop",
      reasoning: "",
      answer: text,
      metrics: { ttftMs: 1, ttfaMs: 1, totalMs: 2, tokensPerSecond: 1 },
    },
    at: 5,
  });
  return done;
}

const last = (turns: Turn[]) => turns.at(-1) as AssistantTurn;

describe("reply versions", () => {
  let turns: Turn[] = [];
  turns = chatReducer(turns, { type: "send", user: { id: "u1", text: "Where is the cup?" }, assistant: assistant("a1") });
  turns = answer(turns, "a1", "On the left.");

  it("Regenerate keeps the earlier reply as version 1 of 2", () => {
    let next = chatReducer(turns, { type: "regenerate", assistant: assistant("a2") });
    next = answer(next, "a2", "Left side, by the plate.");
    expect(next).toHaveLength(2);
    expect(last(next)).toMatchObject({ answer: "Left side, by the plate.", versionIndex: 1 });
    expect(last(next).versions?.map((v) => v.answer)).toEqual(["On the left."]);

    const back = chatReducer(next, { type: "version", turnId: "a2", index: 0 });
    expect(last(back)).toMatchObject({ id: "a2", answer: "On the left.", versionIndex: 0 });
    expect(last(back).versions?.map((v) => v.answer)).toEqual(["Left side, by the plate."]);
    const again = chatReducer(back, { type: "version", turnId: "a2", index: 1 });
    expect(last(again)).toMatchObject({ answer: "Left side, by the plate.", versionIndex: 1 });
  });

  it("Edit resends the rewritten message and keeps the old exchange, whose message comes back with it", () => {
    let next = chatReducer(turns, { type: "edit", text: "Where is the plate?", assistant: assistant("a2") });
    next = answer(next, "a2", "In the middle.");
    expect(next.map((t) => (t.kind === "user" ? t.text : t.answer))).toEqual(["Where is the plate?", "In the middle."]);
    expect(last(next).versions).toEqual([expect.objectContaining({ answer: "On the left.", userText: "Where is the cup?" })]);

    const back = chatReducer(next, { type: "version", turnId: "a2", index: 0 });
    expect(back.map((t) => (t.kind === "user" ? t.text : t.answer))).toEqual(["Where is the cup?", "On the left."]);
  });

  it("does not keep a failed reply, and does not switch a reply that later turns answered", () => {
    let failed = chatReducer(turns, { type: "regenerate", assistant: assistant("a2") });
    failed = chatReducer(failed, { type: "event", turnId: "a2", event: { type: "error", code: "x", message: "no", status: 502 }, at: 3 });
    const retried = chatReducer(failed, { type: "regenerate", assistant: assistant("a3") });
    expect(last(retried).versions?.map((v) => v.answer)).toEqual(["On the left."]);

    let longer = answer(retried, "a3", "Left.");
    longer = chatReducer(longer, { type: "send", user: { id: "u2", text: "And the plate?" }, assistant: assistant("a4") });
    expect(chatReducer(longer, { type: "version", turnId: "a3", index: 0 })).toBe(longer);
  });
});
