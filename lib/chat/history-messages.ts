import type { Turn, UserTurn } from "@/lib/chat/conversation";
import type { ChatMessage } from "@/lib/chat/schema";
import { userContent, type TurnMedia } from "@/lib/media/attachments";

// What the conversation sends again: the messages and media of its earlier exchanges, for a new
// message and for the follow-up to a tool round.

interface Exchange {
  user: UserTurn;
  /** The assistant and tool messages after the user's, in order. */
  replies: ChatMessage[];
  answered: boolean;
  /** Tool calls the person never answered: the exchange cannot be sent again. */
  dangling: boolean;
}

/**
 * The exchanges of the history: an assistant turn contributes its answer only, never its
 * reasoning; a tool round contributes its calls and one tool message per result. An exchange
 * that ended without an answer (an error, a stop while thinking, calls left unanswered) is left
 * out of what is sent again, so the model does not see an unanswered question.
 */
function exchangesOf(history: readonly Turn[]): Exchange[] {
  const exchanges: Exchange[] = [];
  for (const turn of history) {
    if (turn.kind === "user") {
      exchanges.push({ user: turn, replies: [], answered: false, dangling: false });
      continue;
    }
    const open = exchanges.at(-1);
    if (!open || open.answered || open.dangling) continue;
    if (turn.toolCalls?.length) {
      const results = new Map((turn.toolResults ?? []).map((result) => [result.callId, result.content]));
      if (!turn.toolCalls.every((call) => results.has(call.id))) {
        open.dangling = true;
        continue;
      }
      const toolCalls = turn.toolCalls.map(({ id, name, arguments: args }) => ({ id, name, arguments: args }));
      open.replies.push({ role: "assistant", content: turn.answer, toolCalls });
      for (const call of turn.toolCalls) open.replies.push({ role: "tool", toolCallId: call.id, content: results.get(call.id) ?? "" });
    } else if (turn.answer.trim() !== "") {
      open.replies.push({ role: "assistant", content: turn.answer });
      open.answered = true;
    }
  }
  return exchanges;
}

function answeredExchanges(history: readonly Turn[]): Exchange[] {
  return exchangesOf(history).filter((exchange) => exchange.answered);
}

function exchangeMessages(exchange: Exchange): ChatMessage[] {
  return [{ role: "user", content: userContent(exchange.user.text, exchange.user.media) }, ...exchange.replies];
}

/** The media of earlier turns that the next request sends again. */
export function historyMedia(history: readonly Turn[]): TurnMedia[] {
  return answeredExchanges(history).flatMap((exchange) => exchange.user.media);
}

/**
 * The messages of POST /api/chat: system prompt, prior exchanges, the new user message. A message
 * with media is a list of content parts, media first; earlier images and videos are sent again,
 * which is what a multi-turn conversation about them needs.
 */
export function buildChatMessages(
  systemPrompt: string,
  history: readonly Turn[],
  userText: string,
  userMedia: readonly TurnMedia[] = [],
): ChatMessage[] {
  const messages: ChatMessage[] = [];
  if (systemPrompt.trim() !== "") messages.push({ role: "system", content: systemPrompt });
  for (const exchange of answeredExchanges(history)) messages.push(...exchangeMessages(exchange));
  messages.push({ role: "user", content: userContent(userText, userMedia) });
  return messages;
}

/**
 * The messages that continue a tool round: the answered exchanges, then the open one up to its
 * tool results. Null when the history does not end with answered tool calls.
 */
export function buildFollowUpMessages(systemPrompt: string, history: readonly Turn[]): ChatMessage[] | null {
  const exchanges = exchangesOf(history);
  const open = exchanges.at(-1);
  if (!open || open.answered || open.dangling || open.replies.at(-1)?.role !== "tool") return null;
  const messages: ChatMessage[] = [];
  if (systemPrompt.trim() !== "") messages.push({ role: "system", content: systemPrompt });
  for (const exchange of exchanges) if (exchange.answered) messages.push(...exchangeMessages(exchange));
  messages.push(...exchangeMessages(open));
  return messages;
}

/** The media a tool follow-up sends: those of the answered exchanges and of the open one. */
export function followUpMedia(history: readonly Turn[]): TurnMedia[] {
  const exchanges = exchangesOf(history);
  const open = exchanges.at(-1);
  return [...answeredExchanges(history).flatMap((exchange) => exchange.user.media), ...(open && !open.answered ? open.user.media : [])];
}
