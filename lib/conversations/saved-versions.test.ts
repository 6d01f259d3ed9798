import { describe, expect, it } from "vitest";

import type { AssistantTurn, NewAssistantTurn, Turn } from "@/lib/chat/conversation";
import { chatReducer } from "@/lib/chat/versions";
import { buildSessionData, snapshotToTurns, withSavedVersions, type SessionState } from "@/lib/conversations/data";
import { readSessionData, snapshotOf } from "@/lib/conversations/read";

const assistant = (id: string): NewAssistantTurn => ({
  id,
  backendId: "b",
  backendLabel: "B",
  model: "m",
  reasoningRequested: true,
  at: 0,
});

function answer(turns: Turn[], id: string, text: string): Turn[] {
  const metrics = { ttftMs: 1, ttfaMs: 2, totalMs: 3, tokensPerSecond: 4 };
  return chatReducer(turns, {
    type: "event",
    turnId: id,
    event: { type: "done", finishReason: "stop", reasoning: `Why ${text}`, answer: text, metrics },
    at: 9,
  });
}

const session = (turns: Turn[]): SessionState => ({
  turns,
  backend: { id: "b", label: "B", model: "m", family: "cosmos-reason2", kind: "chat" },
  systemPrompt: "",
  reasoning: true,
  params: {},
  media: {},
});

describe("a saved chat keeps a reply's versions", () => {
  let turns = chatReducer([], { type: "send", user: { id: "u", text: "Where is the cup?" }, assistant: assistant("a1") });
  turns = answer(turns, "a1", "On the left.");
  turns = chatReducer(turns, { type: "edit", text: "Where is the plate?", assistant: assistant("a2") });
  turns = answer(turns, "a2", "In the middle.");
  turns = chatReducer(turns, { type: "regenerate", assistant: assistant("a3") });
  turns = answer(turns, "a3", "Centre of the table.");
  turns = chatReducer(turns, { type: "version", turnId: "a3", index: 1 });

  it("brings them back after a save and a reload, with the one shown in its place", () => {
    const data = readSessionData(JSON.parse(JSON.stringify(buildSessionData(session(turns)))))!;
    const restored = withSavedVersions(snapshotToTurns(data.turns), data.playground?.versions ?? []);
    const reply = restored[1] as AssistantTurn;
    expect(reply).toMatchObject({ answer: "In the middle.", versionIndex: 1 });
    expect(reply.versions?.map((v) => [v.userText, v.answer, v.reasoning])).toEqual([
      ["Where is the cup?", "On the left.", "Why On the left."],
      ["Where is the plate?", "Centre of the table.", "Why Centre of the table."],
    ]);
    const first = chatReducer(restored, { type: "version", turnId: reply.id, index: 0 });
    expect(first.map((t) => (t.kind === "user" ? t.text : t.answer))).toEqual(["Where is the cup?", "On the left."]);
  });

  it("shares only the reply shown", () => {
    const share = JSON.stringify(snapshotOf(buildSessionData(session(turns))));
    expect(share).toContain("In the middle.");
    expect(share).not.toContain("On the left.");
    expect(share).not.toContain("versions");
  });
});
