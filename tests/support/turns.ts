import type { AssistantTurn } from "@/lib/chat/conversation";

/** A finished reply with nothing in it, for tests to fill in what they look at. */
export function assistantTurn(fields: Partial<AssistantTurn> = {}): AssistantTurn {
  return {
    kind: "assistant",
    id: "a",
    state: "done",
    backendId: "b",
    backendLabel: "B",
    model: null,
    reasoningRequested: false,
    reasoning: "",
    answer: "",
    startedAt: 0,
    thinkStartedAt: null,
    thinkEndedAt: null,
    endedAt: 1,
    usage: null,
    metrics: null,
    finishReason: "stop",
    error: null,
    ...fields,
  };
}
