import type { ChatEvent, ChatMetrics } from "@/lib/chat/events";
import type { SentRequest } from "@/lib/chat/sent-request";
import type { TurnTimings } from "@/lib/chat/timings";
import type { AssembledToolCall } from "@/lib/chat/tool-call-assembler";
import type { TurnTask } from "@/lib/chat/turn-task";
import type { TurnMedia } from "@/lib/media/attachments";

// The conversation as the page holds it, and the pure reducer that applies chat events to it.
// Times are passed in with each action so the reducer stays pure and testable.

export type TurnState = "streaming" | "done" | "stopped" | "error";

export interface UserTurn {
  kind: "user";
  id: string;
  text: string;
  /** Images and videos sent with the text; they are sent again with every later turn. */
  media: TurnMedia[];
  /** Set when a task preset wrote `text`: the person's own task, shown instead of the template. */
  task?: TurnTask;
}

export interface TurnError {
  code: string;
  message: string;
  status?: number;
}

export interface TurnUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface AssistantTurn {
  kind: "assistant";
  id: string;
  state: TurnState;
  backendId: string;
  backendLabel: string;
  model: string | null;
  reasoningRequested: boolean;
  reasoning: string;
  answer: string;
  startedAt: number;
  /** When the first reasoning text arrived and when thinking ended (answer, done, stop or error). */
  thinkStartedAt: number | null;
  thinkEndedAt: number | null;
  endedAt: number | null;
  usage: TurnUsage | null;
  metrics: ChatMetrics | null;
  finishReason: string | null;
  error: TurnError | null;
  /** What it was sent with (View code, token estimate); absent on turns from before it was kept. */
  request?: SentRequest;
  /** What the server said about the request, e.g. earlier media it left out; absent on older turns. */
  notices?: string[];
  /** The tools the model called in this turn, in index order; absent when it called none. */
  toolCalls?: AssembledToolCall[];
  /** What the person answered for those calls, once they sent it; one per call. */
  toolResults?: ToolResult[];
  /** When each batch of text arrived, for replaying the turn at its pace; absent on older turns. */
  timings?: TurnTimings;
  /** The backend was the built-in simulator; absent on older turns. */
  simulated?: boolean;
  /** Earlier replies to the same message (Regenerate, Edit), oldest first; this one sits at `versionIndex`. */
  versions?: AssistantVersion[];
  versionIndex?: number;
}

/** A reply kept beside the one shown, with the message it answered when that was edited since. */
export type AssistantVersion = Omit<AssistantTurn, "kind" | "id" | "versions" | "versionIndex"> & { userText: string };

export interface ToolResult {
  callId: string;
  content: string;
}

export type Turn = UserTurn | AssistantTurn;

export interface NewAssistantTurn {
  id: string;
  backendId: string;
  backendLabel: string;
  model: string | null;
  reasoningRequested: boolean;
  at: number;
  request?: SentRequest;
  simulated?: boolean;
}

export type ConversationAction =
  | { type: "send"; user: { id: string; text: string; media?: TurnMedia[]; task?: TurnTask }; assistant: NewAssistantTurn }
  | { type: "regenerate"; assistant: NewAssistantTurn }
  /** The results for a turn's tool calls are in: everything after that turn makes way for the follow-up. */
  | { type: "follow-up"; turnId: string; results: ToolResult[]; assistant: NewAssistantTurn }
  | { type: "event"; turnId: string; event: ChatEvent; at: number }
  | { type: "stop"; turnId: string; at: number }
  /** When the turn's text arrived, noted as it came off the network (not when the page drew it). */
  | { type: "timings"; turnId: string; timings: TurnTimings }
  | { type: "append"; turns: Turn[] }
  | { type: "clear" };

let idCounter = 0;
/** Local ids only; crypto.randomUUID is missing on plain-http LAN hosts, where demos often run. */
export function createTurnId(): string {
  idCounter += 1;
  return `t${Date.now().toString(36)}-${idCounter}`;
}

function newAssistantTurn(init: NewAssistantTurn): AssistantTurn {
  return {
    kind: "assistant",
    id: init.id,
    state: "streaming",
    backendId: init.backendId,
    backendLabel: init.backendLabel,
    model: init.model,
    reasoningRequested: init.reasoningRequested,
    reasoning: "",
    answer: "",
    startedAt: init.at,
    thinkStartedAt: null,
    thinkEndedAt: null,
    endedAt: null,
    usage: null,
    metrics: null,
    finishReason: null,
    error: null,
    ...(init.request ? { request: init.request } : {}),
    ...(init.simulated !== undefined ? { simulated: init.simulated } : {}),
  };
}

function endThinking(turn: AssistantTurn, at: number): AssistantTurn {
  if (turn.thinkStartedAt === null || turn.thinkEndedAt !== null) return turn;
  return { ...turn, thinkEndedAt: at };
}

function applyChatEvent(turn: AssistantTurn, event: ChatEvent, at: number): AssistantTurn {
  switch (event.type) {
    case "start":
      return { ...turn, model: event.model || turn.model };
    case "notice":
      return { ...turn, notices: [...(turn.notices ?? []), event.message] };
    case "reasoning":
      return { ...turn, reasoning: turn.reasoning + event.text, thinkStartedAt: turn.thinkStartedAt ?? at };
    case "answer":
      return { ...endThinking(turn, at), answer: turn.answer + event.text };
    case "tool_call": {
      const { type: _type, ...call } = event;
      return { ...endThinking(turn, at), toolCalls: [...(turn.toolCalls ?? []).filter((known) => known.index !== call.index), call] };
    }
    case "usage":
      return { ...turn, usage: { promptTokens: event.promptTokens, completionTokens: event.completionTokens } };
    case "done":
      // `done` carries the authoritative split; the deltas were only a preview.
      return {
        ...endThinking(turn, at),
        state: "done",
        reasoning: event.reasoning,
        answer: event.answer,
        metrics: event.metrics,
        finishReason: event.finishReason,
        endedAt: at,
        ...(event.toolCalls?.length ? { toolCalls: event.toolCalls } : {}),
      };
    case "error":
      return {
        ...endThinking(turn, at),
        state: "error",
        error: { code: event.code, message: event.message, status: event.status },
        endedAt: at,
      };
  }
}

export function conversationReducer(turns: Turn[], action: ConversationAction): Turn[] {
  switch (action.type) {
    case "send":
      return [
        ...turns,
        {
          kind: "user",
          id: action.user.id,
          text: action.user.text,
          media: action.user.media ?? [],
          ...(action.user.task ? { task: action.user.task } : {}),
        },
        newAssistantTurn(action.assistant),
      ];
    case "regenerate": {
      const index = lastUserIndex(turns);
      if (index < 0) return turns;
      return [...turns.slice(0, index + 1), newAssistantTurn(action.assistant)];
    }
    case "follow-up": {
      const index = turns.findIndex((turn) => turn.id === action.turnId);
      const turn = turns[index];
      if (!turn || turn.kind !== "assistant") return turns;
      return [...turns.slice(0, index), { ...turn, toolResults: action.results }, newAssistantTurn(action.assistant)];
    }
    case "event":
      return updateStreamingTurn(turns, action.turnId, (turn) => applyChatEvent(turn, action.event, action.at));
    case "stop":
      return updateStreamingTurn(turns, action.turnId, (turn) => ({
        ...endThinking(turn, action.at),
        state: "stopped",
        endedAt: action.at,
      }));
    case "timings":
      return turns.map((turn) => (turn.kind === "assistant" && turn.id === action.turnId ? { ...turn, timings: action.timings } : turn));
    case "append":
      return [...turns, ...action.turns];
    case "clear":
      return [];
  }
}

/** Events that arrive after a turn was stopped or finished are dropped. */
function updateStreamingTurn(turns: Turn[], id: string, update: (turn: AssistantTurn) => AssistantTurn): Turn[] {
  return turns.map((turn) => (turn.kind === "assistant" && turn.id === id && turn.state === "streaming" ? update(turn) : turn));
}

function lastUserIndex(turns: readonly Turn[]): number {
  for (let i = turns.length - 1; i >= 0; i--) if (turns[i]?.kind === "user") return i;
  return -1;
}

export function isStreaming(turns: readonly Turn[]): boolean {
  return turns.some((turn) => turn.kind === "assistant" && turn.state === "streaming");
}

/** What Regenerate re-sends: the turns before the last user turn, and that turn. */
export function regenerateContext(turns: readonly Turn[]): { history: Turn[]; user: UserTurn } | null {
  const index = lastUserIndex(turns);
  const user = turns[index];
  if (!user || user.kind !== "user") return null;
  return { history: turns.slice(0, index), user };
}
