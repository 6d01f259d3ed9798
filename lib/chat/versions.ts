import {
  conversationReducer,
  type AssistantTurn,
  type AssistantVersion,
  type ConversationAction,
  type NewAssistantTurn,
  type Turn,
} from "@/lib/chat/conversation";

// Regenerate and Edit keep the replies they replace: the new reply carries the earlier ones as
// versions (‹1/2›), and choosing one puts it back in place, with the message it answered.

export type ChatAction =
  | ConversationAction
  /** The person's last message, rewritten and sent again. */
  | { type: "edit"; text: string; assistant: NewAssistantTurn }
  | { type: "version"; turnId: string; index: number };

function lastUserIndex(turns: readonly Turn[]): number {
  for (let i = turns.length - 1; i >= 0; i--) if (turns[i]?.kind === "user") return i;
  return -1;
}

/** Every version of a reply, the shown one in its place. */
export function allVersions(turn: AssistantTurn, userText: string): AssistantVersion[] {
  const { kind: _kind, id: _id, versions = [], versionIndex = versions.length, ...shown } = turn;
  return [...versions.slice(0, versionIndex), { ...shown, userText }, ...versions.slice(versionIndex)];
}

/** The reply that answered the message at `userIndex`, with its versions, for the one replacing it. */
function keptVersions(turns: readonly Turn[], userIndex: number): AssistantVersion[] {
  const user = turns[userIndex];
  const reply = turns[userIndex + 1];
  if (user?.kind !== "user" || reply?.kind !== "assistant") return [];
  // A failed reply is not worth going back to; its Retry replaces it.
  return allVersions(reply, user.text).filter((version) => version.state !== "error");
}

function withVersions(turns: Turn[], versions: AssistantVersion[]): Turn[] {
  const last = turns.at(-1);
  if (versions.length === 0 || last?.kind !== "assistant") return turns;
  return [...turns.slice(0, -1), { ...last, versions, versionIndex: versions.length }];
}

function selectVersion(turns: Turn[], turnId: string, index: number): Turn[] {
  const at = turns.findIndex((turn) => turn.id === turnId);
  const turn = turns[at];
  const user = turns[at - 1];
  // Only the last reply switches: a later turn answered the version shown, and nothing may be dropped.
  if (turn?.kind !== "assistant" || user?.kind !== "user" || turn.state === "streaming" || at !== turns.length - 1) return turns;
  const all = allVersions(turn, user.text);
  const chosen = all[index];
  if (!chosen || index === (turn.versionIndex ?? all.length - 1)) return turns;
  const { userText, ...reply } = chosen;
  const next: AssistantTurn = {
    ...reply,
    kind: "assistant",
    id: turn.id,
    versions: all.filter((_, i) => i !== index),
    versionIndex: index,
  };
  return [...turns.slice(0, at - 1), { ...user, text: userText }, next];
}

export function chatReducer(turns: Turn[], action: ChatAction): Turn[] {
  switch (action.type) {
    case "regenerate": {
      const index = lastUserIndex(turns);
      return withVersions(conversationReducer(turns, action), index < 0 ? [] : keptVersions(turns, index));
    }
    case "edit": {
      const index = lastUserIndex(turns);
      const user = turns[index];
      if (user?.kind !== "user") return turns;
      const sent = conversationReducer(turns.slice(0, index), {
        type: "send",
        user: { id: user.id, text: action.text, media: user.media },
        assistant: action.assistant,
      });
      return withVersions(sent, keptVersions(turns, index));
    }
    case "version":
      return selectVersion(turns, action.turnId, action.index);
    default:
      return conversationReducer(turns, action);
  }
}
