import type { Turn } from "@/lib/chat/conversation";
import { buildChatMessages, buildFollowUpMessages } from "@/lib/chat/history-messages";
import type { SentRequest } from "@/lib/chat/sent-request";
import { attachmentToMedia, type SavedRequest } from "@/lib/conversations/data";

// A saved chat keeps what each reply was sent with (data.ts, without the messages, which follow
// from the turns before it), so a reloaded chat keeps View code and the media token metric.

/** The turns with each assistant turn's request rebuilt from its saved settings and the turns before it. */
export function withSentRequests(turns: Turn[], saved: readonly (SavedRequest | null)[]): Turn[] {
  return turns.map((turn, index) => {
    const request = saved[index];
    if (turn.kind !== "assistant" || !request || request.body.backend !== turn.backendId) return turn;
    const previous = turns[index - 1];
    // After an assistant turn, this reply is a tool round's follow-up; after the person's message, an answer to it.
    const messages =
      previous?.kind === "assistant"
        ? buildFollowUpMessages(request.systemPrompt, turns.slice(0, index))
        : previous?.kind === "user"
          ? buildChatMessages(request.systemPrompt, turns.slice(0, index - 1), previous.text, previous.media)
          : null;
    if (!messages) return turn;
    const sent: SentRequest = { body: { ...request.body, messages }, family: request.family, media: request.media.map(attachmentToMedia) };
    return { ...turn, request: sent };
  });
}
