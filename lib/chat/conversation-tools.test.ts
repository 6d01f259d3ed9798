import { describe, expect, it } from "vitest";

import { conversationReducer, type NewAssistantTurn, type Turn } from "@/lib/chat/conversation";
import type { ChatEvent } from "@/lib/chat/events";
import { buildChatMessages, buildFollowUpMessages } from "@/lib/chat/history-messages";
import { chatRequestSchema } from "@/lib/chat/schema";

const assistant = (id: string): NewAssistantTurn => ({
  id,
  backendId: "sim",
  backendLabel: "Sim",
  model: null,
  reasoningRequested: false,
  at: 0,
});
const call = { index: 0, id: "call-1", name: "look_up_object_pose", arguments: '{"object_name":"cup"}' };
const metrics = { ttftMs: 1, ttfaMs: null, totalMs: 2, tokensPerSecond: null };

function play(turns: Turn[], id: string, list: ChatEvent[]): Turn[] {
  return list.reduce((acc, event) => conversationReducer(acc, { type: "event", turnId: id, event, at: 1 }), turns);
}

/** A question, a call, the person's result, and the model's answer using it. */
function toolRound(): Turn[] {
  let turns = conversationReducer([], { type: "send", user: { id: "u", text: "Where is the cup?" }, assistant: assistant("a1") });
  turns = play(turns, "a1", [
    { type: "reasoning", text: "I should look it up." },
    { type: "tool_call", ...call },
    { type: "done", finishReason: "tool_calls", reasoning: "I should look it up.", answer: "", metrics, toolCalls: [call] },
  ]);
  return conversationReducer(turns, {
    type: "follow-up",
    turnId: "a1",
    results: [{ callId: "call-1", content: "x=0.4" }],
    assistant: assistant("a2"),
  });
}

describe("tool rounds in the conversation", () => {
  it("keeps the calls on the turn that made them, reasoning included", () => {
    const turns = toolRound();
    expect(turns[1]).toMatchObject({
      kind: "assistant",
      reasoning: "I should look it up.",
      toolCalls: [call],
      toolResults: [{ callId: "call-1", content: "x=0.4" }],
      finishReason: "tool_calls",
    });
    expect(turns[2]).toMatchObject({ kind: "assistant", id: "a2", state: "streaming" });
  });

  it("continues with the call and one tool message per result, which the API accepts", () => {
    const messages = buildFollowUpMessages("Be brief.", toolRound().slice(0, 2));
    expect(messages).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Where is the cup?" },
      { role: "assistant", content: "", toolCalls: [{ id: "call-1", name: "look_up_object_pose", arguments: '{"object_name":"cup"}' }] },
      { role: "tool", toolCallId: "call-1", content: "x=0.4" },
    ]);
    expect(chatRequestSchema.safeParse({ backend: "b", messages }).success).toBe(true);
  });

  it("sends a finished round again with the next question, and leaves out calls never answered", () => {
    let turns = play(toolRound(), "a2", [{ type: "done", finishReason: "stop", reasoning: "", answer: "At x=0.4.", metrics }]);
    expect(buildChatMessages("", turns, "And the bowl?").map((message) => message.role)).toEqual([
      "user",
      "assistant",
      "tool",
      "assistant",
      "user",
    ]);
    expect(buildFollowUpMessages("", turns)).toBeNull();

    turns = conversationReducer([], { type: "send", user: { id: "u", text: "Where?" }, assistant: assistant("b1") });
    turns = play(turns, "b1", [{ type: "done", finishReason: "tool_calls", reasoning: "", answer: "", metrics, toolCalls: [call] }]);
    expect(buildChatMessages("", turns, "Never mind. Hi")).toEqual([{ role: "user", content: "Never mind. Hi" }]);
  });

  it("retries a follow-up from the turn with the calls, dropping the failed reply", () => {
    let turns = play(toolRound(), "a2", [{ type: "error", code: "upstream_error", message: "x", status: 502 }]);
    turns = conversationReducer(turns, {
      type: "follow-up",
      turnId: "a1",
      results: [{ callId: "call-1", content: "x=0.5" }],
      assistant: assistant("a3"),
    });
    expect(turns.map((turn) => turn.id)).toEqual(["u", "a1", "a3"]);
    expect(buildFollowUpMessages("", turns.slice(0, 2))?.at(-1)).toEqual({ role: "tool", toolCallId: "call-1", content: "x=0.5" });
  });
});
