import { describe, expect, it } from "vitest";

import {
  conversationReducer,
  isStreaming,
  regenerateContext,
  type AssistantTurn,
  type NewAssistantTurn,
  type Turn,
} from "@/lib/chat/conversation";
import type { ChatEvent } from "@/lib/chat/events";
import { buildChatMessages, historyMedia } from "@/lib/chat/history-messages";
import type { TurnMedia } from "@/lib/media/attachments";

const assistant = (id: string, at = 0): NewAssistantTurn => ({
  id,
  backendId: "sim",
  backendLabel: "Sim",
  model: null,
  reasoningRequested: true,
  at,
});

function send(turns: Turn[], text: string, id: string, at = 0): Turn[] {
  return conversationReducer(turns, { type: "send", user: { id: `u-${id}`, text }, assistant: assistant(id, at) });
}

function events(turns: Turn[], id: string, list: Array<[ChatEvent, number]>): Turn[] {
  return list.reduce((acc, [event, at]) => conversationReducer(acc, { type: "event", turnId: id, event, at }), turns);
}

function assistantTurn(turns: Turn[], id: string): AssistantTurn {
  const turn = turns.find((t) => t.id === id);
  if (!turn || turn.kind !== "assistant") throw new Error(`no assistant turn ${id}`);
  return turn;
}

const metrics = { ttftMs: 100, ttfaMs: 900, totalMs: 1500, tokensPerSecond: 40 };

describe("conversationReducer", () => {
  it("streams reasoning then answer, timing the thinking, and lets done replace both panes", () => {
    let turns = send([], "Hi", "a", 0);
    expect(isStreaming(turns)).toBe(true);
    turns = events(turns, "a", [
      [{ type: "start", requestId: "r", backend: "sim", model: "nvidia/cosmos-reason2-8b" }, 5],
      [{ type: "reasoning", text: "Let me " }, 100],
      [{ type: "reasoning", text: "think." }, 200],
      [{ type: "answer", text: "Hel" }, 900],
      [{ type: "answer", text: "lo" }, 950],
    ]);
    let turn = assistantTurn(turns, "a");
    expect(turn).toMatchObject({ model: "nvidia/cosmos-reason2-8b", reasoning: "Let me think.", answer: "Hello" });
    expect([turn.thinkStartedAt, turn.thinkEndedAt]).toEqual([100, 900]);

    turns = events(turns, "a", [
      [{ type: "usage", promptTokens: 12, completionTokens: 34 }, 1400],
      [{ type: "done", finishReason: "stop", reasoning: "Let me think.", answer: "Hello!", metrics }, 1500],
    ]);
    turn = assistantTurn(turns, "a");
    expect(turn).toMatchObject({
      state: "done",
      answer: "Hello!",
      usage: { promptTokens: 12, completionTokens: 34 },
      metrics,
      endedAt: 1500,
    });
    expect(isStreaming(turns)).toBe(false);
  });

  it("keeps the server's notices on the turn", () => {
    const notice = "1 earlier video was left out of this request: Cosmos Reason2 takes at most 1 video per prompt, earlier turns included.";
    const turns = events(send([], "Hi", "a"), "a", [[{ type: "notice", code: "media_omitted", message: notice }, 5]]);
    expect(assistantTurn(turns, "a").notices).toEqual([notice]);
  });

  it("ends thinking when the turn is stopped mid-reasoning and keeps the partial text", () => {
    let turns = events(send([], "Hi", "a"), "a", [[{ type: "reasoning", text: "Partial" }, 10]]);
    turns = conversationReducer(turns, { type: "stop", turnId: "a", at: 50 });
    expect(assistantTurn(turns, "a")).toMatchObject({ state: "stopped", reasoning: "Partial", thinkEndedAt: 50 });
  });

  it("ignores events that arrive after a stop", () => {
    let turns = conversationReducer(send([], "Hi", "a"), { type: "stop", turnId: "a", at: 1 });
    turns = events(turns, "a", [[{ type: "answer", text: "late" }, 2]]);
    expect(assistantTurn(turns, "a")).toMatchObject({ state: "stopped", answer: "" });
  });

  it("records an error and keeps what streamed before it", () => {
    const turns = events(send([], "Hi", "a"), "a", [
      [{ type: "answer", text: "Half" }, 1],
      [{ type: "error", code: "upstream_error", message: "Upstream broke.", status: 502 }, 2],
    ]);
    expect(assistantTurn(turns, "a")).toMatchObject({
      state: "error",
      answer: "Half",
      error: { code: "upstream_error", message: "Upstream broke.", status: 502 },
    });
  });

  it("regenerate drops the last answer and starts a new turn for the last user message", () => {
    let turns = events(send([], "One", "a"), "a", [[{ type: "done", finishReason: "stop", reasoning: "", answer: "1", metrics }, 1]]);
    turns = send(turns, "Two", "b");
    turns = conversationReducer(turns, { type: "stop", turnId: "b", at: 2 });
    turns = conversationReducer(turns, { type: "regenerate", assistant: assistant("c") });
    expect(turns.map((t) => t.id)).toEqual(["u-a", "a", "u-b", "c"]);
    expect(assistantTurn(turns, "c").state).toBe("streaming");
  });

  it("clear empties the conversation", () => {
    expect(conversationReducer(send([], "Hi", "a"), { type: "clear" })).toEqual([]);
  });
});

describe("buildChatMessages", () => {
  it("sends the system prompt, prior answers without reasoning, and the new message", () => {
    let turns = events(send([], "One", "a"), "a", [
      [{ type: "done", finishReason: "stop", reasoning: "secret thoughts", answer: "First", metrics }, 1],
    ]);
    turns = send(turns, "Two", "b");
    turns = conversationReducer(turns, { type: "stop", turnId: "b", at: 2 });
    expect(buildChatMessages("Be brief.", turns, "Three")).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "One" },
      { role: "assistant", content: "First" },
      { role: "user", content: "Three" },
    ]);
  });

  it("keeps a stopped turn's partial answer and leaves out a blank system prompt", () => {
    let turns = events(send([], "One", "a"), "a", [[{ type: "answer", text: "Par" }, 1]]);
    turns = conversationReducer(turns, { type: "stop", turnId: "a", at: 2 });
    expect(buildChatMessages("  ", turns, "Next")).toEqual([
      { role: "user", content: "One" },
      { role: "assistant", content: "Par" },
      { role: "user", content: "Next" },
    ]);
  });

  it("drops an exchange whose turn failed before answering", () => {
    const turns = events(send([], "One", "a"), "a", [
      [{ type: "reasoning", text: "hmm" }, 1],
      [{ type: "error", code: "upstream_error", message: "x", status: 502 }, 2],
    ]);
    expect(buildChatMessages("", turns, "Again")).toEqual([{ role: "user", content: "Again" }]);
  });
});

describe("regenerateContext", () => {
  it("returns the turns before the last user message and its text", () => {
    const turns = send(send([], "One", "a"), "Two", "b");
    const context = regenerateContext(turns);
    expect(context?.user.text).toBe("Two");
    expect(context?.history.map((t) => t.id)).toEqual(["u-a", "a"]);
  });

  it("is null for an empty conversation", () => {
    expect(regenerateContext([])).toBeNull();
  });
});

describe("media in the conversation", () => {
  const image: TurnMedia = { kind: "image", name: "cup.png", width: 64, height: 48, source: "upload", mediaId: "img1" };
  const video: TurnMedia = { kind: "video", name: "clip.mp4", source: "url", url: "https://example.com/clip.mp4" };

  function sendWithMedia(turns: Turn[], text: string, id: string, media: TurnMedia[]): Turn[] {
    return conversationReducer(turns, { type: "send", user: { id: `u-${id}`, text, media }, assistant: assistant(id) });
  }

  it("puts the media first, then the text, and sends earlier media again with later turns", () => {
    let turns = sendWithMedia([], "What is this?", "a", [image]);
    turns = events(turns, "a", [[{ type: "done", finishReason: "stop", reasoning: "", answer: "A cup.", metrics }, 1]]);
    expect(buildChatMessages("", turns, "And in the video?", [video])).toEqual([
      {
        role: "user",
        content: [
          { type: "image", mediaId: "img1" },
          { type: "text", text: "What is this?" },
        ],
      },
      { role: "assistant", content: "A cup." },
      {
        role: "user",
        content: [
          { type: "video_url", url: "https://example.com/clip.mp4" },
          { type: "text", text: "And in the video?" },
        ],
      },
    ]);
    expect(historyMedia(turns)).toEqual([image]);
  });

  it("leaves out the media of an exchange that produced no answer, and regenerates with the turn's media", () => {
    let turns = sendWithMedia([], "Look", "a", [image]);
    turns = events(turns, "a", [[{ type: "error", code: "upstream_error", message: "x", status: 502 }, 1]]);
    expect(historyMedia(turns)).toEqual([]);
    expect(regenerateContext(turns)?.user.media).toEqual([image]);
  });

  it("keeps a plain string for a message without media", () => {
    const turns = send([], "Hi", "a");
    expect(turns[0]).toMatchObject({ kind: "user", media: [] });
    expect(buildChatMessages("", [], "Hi")).toEqual([{ role: "user", content: "Hi" }]);
  });
});

describe("appending turns from elsewhere", () => {
  it("adds them after the conversation and keeps the request a turn was sent with", () => {
    const request = {
      body: { backend: "sim", messages: [{ role: "user" as const, content: "Hi" }] },
      family: "cosmos-reason2" as const,
      media: [],
    };
    const promoted = conversationReducer([], { type: "send", user: { id: "u-p", text: "Hi" }, assistant: { ...assistant("p"), request } });
    expect(assistantTurn(promoted, "p").request).toEqual(request);
    const turns = conversationReducer(send([], "Before", "a"), { type: "append", turns: promoted });
    expect(turns.map((t) => t.id)).toEqual(["u-a", "a", "u-p", "p"]);
    expect(assistantTurn(send([], "Hi", "x"), "x")).not.toHaveProperty("request");
  });
});
