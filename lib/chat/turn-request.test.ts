import { describe, expect, it } from "vitest";

import type { BackendSummary } from "@/lib/backends/types";
import { conversationReducer, type NewAssistantTurn, type Turn } from "@/lib/chat/conversation";
import type { ChatEvent } from "@/lib/chat/events";
import { chatRequestSchema } from "@/lib/chat/schema";
import { buildTurnRequest, type TurnSettings } from "@/lib/chat/turn-request";
import type { MediaFacts, TurnMedia } from "@/lib/media/attachments";

const metrics = { ttftMs: 1, ttfaMs: null, totalMs: 2, tokensPerSecond: null };
const image = (n: number): TurnMedia => ({ kind: "image", name: `${n}.png`, source: "upload", mediaId: `img-${n}`, width: 64, height: 64 });
const video: TurnMedia = { kind: "video", name: "clip.mp4", source: "upload", mediaId: "vid", width: 64, height: 64, durationS: 2 };

function backend(family: BackendSummary["family"]): BackendSummary {
  return { id: "b", label: "B", kind: "chat", family, model: "m", simulated: true, status: "ready" } as BackendSummary;
}

function settings(overrides: Partial<TurnSettings> = {}): TurnSettings & { seenMedia: MediaFacts[][] } {
  const seenMedia: MediaFacts[][] = [];
  return {
    backend: backend("cosmos-reason2"),
    systemPrompt: "Be brief.",
    reasoning: true,
    params: { temperature: 0.6 },
    mediaParams: (media) => {
      seenMedia.push([...media]);
      return { fps: 2 };
    },
    seenMedia,
    ...overrides,
  };
}

const assistant = (id: string): NewAssistantTurn => ({
  id,
  backendId: "b",
  backendLabel: "B",
  model: "m",
  reasoningRequested: false,
  at: 0,
});

function answered(turns: Turn[], id: string, text: string, media: TurnMedia[], events: ChatEvent[]): Turn[] {
  const sent = conversationReducer(turns, { type: "send", user: { id: `u-${id}`, text, media }, assistant: assistant(id) });
  return events.reduce((acc, event) => conversationReducer(acc, { type: "event", turnId: id, event, at: 1 }), sent);
}

const done = (answer: string): ChatEvent => ({ type: "done", finishReason: "stop", reasoning: "", answer, metrics });

describe("buildTurnRequest", () => {
  it("makes the /api/chat body from the history, the new message and the settings", () => {
    const history = answered([], "a1", "What is this?", [image(1)], [done("A cup.")]);
    const tools = {
      tools: [{ name: "f", parameters: { type: "object" } }],
      toolChoice: "auto" as const,
    };
    const s = settings({ tools });
    const sent = buildTurnRequest(history, { text: "And now?", media: [image(2)] }, s);
    expect(sent.body).toEqual({
      backend: "b",
      messages: [
        { role: "system", content: "Be brief." },
        {
          role: "user",
          content: [
            { type: "image", mediaId: "img-1" },
            { type: "text", text: "What is this?" },
          ],
        },
        { role: "assistant", content: "A cup." },
        {
          role: "user",
          content: [
            { type: "image", mediaId: "img-2" },
            { type: "text", text: "And now?" },
          ],
        },
      ],
      reasoning: true,
      params: { temperature: 0.6 },
      media: { fps: 2 },
      ...tools,
    });
    expect(sent.family).toBe("cosmos-reason2");
    expect(sent.media.map((m) => m.name)).toEqual(["1.png", "2.png"]);
    expect(s.seenMedia).toEqual([sent.media]);
    expect(chatRequestSchema.safeParse(sent.body).success).toBe(true);
  });

  it("leaves out the earlier media over the family's per-prompt limits, keeping the new message's", () => {
    const history = answered([], "a1", "Look.", [image(1), image(2), image(3)], [done("Seen.")]);
    const sent = buildTurnRequest(history, { text: "More.", media: [image(4), image(5), image(6)] }, settings());
    // Reason2 takes five images per prompt: the two newest earlier ones fill what is left.
    expect(sent.media.map((m) => m.name)).toEqual(["2.png", "3.png", "4.png", "5.png", "6.png"]);
  });

  it("turns reasoning off where the family refuses it with the video being sent", () => {
    const nemotron = settings({ backend: backend("nemotron-vl") });
    expect(buildTurnRequest([], { text: "What happens?", media: [video] }, nemotron).body.reasoning).toBe(false);
    expect(buildTurnRequest([], { text: "What is it?", media: [image(1)] }, nemotron).body.reasoning).toBe(true);
    expect(buildTurnRequest([], { text: "What happens?", media: [video] }, settings()).body.reasoning).toBe(true);
  });

  it("continues a tool round from its results, with no new message", () => {
    const call = { index: 0, id: "call-1", name: "f", arguments: "{}" };
    const asked = answered(
      [],
      "a1",
      "Where?",
      [image(1)],
      [
        { type: "tool_call", ...call },
        { type: "done", finishReason: "tool_calls", reasoning: "", answer: "", metrics, toolCalls: [call] },
      ],
    );
    expect(buildTurnRequest(asked, null, settings())).toBeNull();
    const withResults = asked.map((turn) =>
      turn.kind === "assistant" ? { ...turn, toolResults: [{ callId: "call-1", content: "x=1" }] } : turn,
    );
    const sent = buildTurnRequest(withResults, null, settings({ systemPrompt: "" }));
    expect(sent?.body.messages.map((m) => m.role)).toEqual(["user", "assistant", "tool"]);
    expect(sent?.media.map((m) => m.name)).toEqual(["1.png"]);
  });
});
