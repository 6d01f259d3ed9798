import { describe, expect, it } from "vitest";

import type { AssistantTurn, Turn, UserTurn } from "@/lib/chat/conversation";
import { buildChatMessages } from "@/lib/chat/history-messages";
import type { SentRequest } from "@/lib/chat/sent-request";
import { buildSessionData, snapshotToTurns, type SessionState } from "@/lib/conversations/data";
import { readSessionData, snapshotOf } from "@/lib/conversations/read";
import { withSentRequests } from "@/lib/conversations/sent-requests";

const MEDIA_ID = "AAAAAAAAAAAAAAAAAAAAAA";
const photo = { kind: "image", name: "cup.png", width: 640, height: 480, source: "upload", mediaId: MEDIA_ID } as const;
const user = (text: string, media: UserTurn["media"] = []): UserTurn => ({ kind: "user", id: `u-${text}`, text, media });

function reply(id: string, request?: SentRequest): AssistantTurn {
  return {
    kind: "assistant",
    id,
    state: "done",
    backendId: "sim-reason2-8b",
    backendLabel: "Cosmos Reason2 8B",
    model: "nvidia/cosmos-reason2-8b",
    reasoningRequested: true,
    reasoning: "Thinking.",
    answer: `Answer ${id}.`,
    startedAt: 0,
    thinkStartedAt: 10,
    thinkEndedAt: 20,
    endedAt: 30,
    usage: null,
    metrics: { ttftMs: 10, ttfaMs: 20, totalMs: 30, tokensPerSecond: 40 },
    finishReason: "stop",
    error: null,
    ...(request ? { request } : {}),
  };
}

/** The request the playground sends for a reply after `history` and the person's `last` message. */
function sent(history: Turn[], last: UserTurn): SentRequest {
  return {
    body: {
      backend: "sim-reason2-8b",
      messages: buildChatMessages("Be brief.", history, last.text, last.media),
      reasoning: true,
      params: { temperature: 0.6, max_tokens: 4096, stop: [] },
      media: { fps: 4, shortest_edge: 3136 },
    },
    family: "cosmos-reason2",
    media: [photo],
  };
}

function session(turns: Turn[]): SessionState {
  const backend = { id: "sim-reason2-8b", label: "Cosmos Reason2 8B", model: "m", family: "cosmos-reason2", kind: "chat" } as const;
  return { turns, backend, systemPrompt: "Be brief.", reasoning: true, params: {}, media: {} };
}

describe("a saved chat keeps what each reply was sent with", () => {
  const first = user("Where is the cup?", [photo]);
  const second = user("And the plate?");
  const turns: Turn[] = [first, reply("a1", sent([], first)), second];
  turns.push(reply("a2", sent(turns, second)));

  it("rebuilds every reply's request after a save and a reload", () => {
    const stored = JSON.parse(JSON.stringify(buildSessionData(session(turns)))) as unknown;
    const data = readSessionData(stored)!;
    const restored = withSentRequests(snapshotToTurns(data.turns), data.playground?.requests ?? []);
    for (const index of [1, 3]) {
      const before = turns[index] as AssistantTurn;
      const after = restored[index] as AssistantTurn;
      expect(after.request).toEqual(before.request);
    }
  });

  it("never puts the requests into a share", () => {
    const share = snapshotOf(buildSessionData(session(turns)));
    expect(JSON.stringify(share)).not.toContain('"sent"');
    expect(JSON.stringify(share)).not.toContain("shortest_edge");
  });

  it("leaves a turn without View code when its saved request is unreadable, and keeps the others", () => {
    const stored = JSON.parse(JSON.stringify(buildSessionData(session(turns)))) as { turns: { sent?: unknown }[] };
    stored.turns[1]!.sent = { body: { backend: 42 } };
    const data = readSessionData(stored)!;
    const restored = withSentRequests(snapshotToTurns(data.turns), data.playground?.requests ?? []);
    expect((restored[1] as AssistantTurn).request).toBeUndefined();
    expect((restored[3] as AssistantTurn).request).toEqual((turns[3] as AssistantTurn).request);
  });
});
