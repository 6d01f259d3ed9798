import { reasoningUnavailableReason } from "@/lib/backends/families";
import type { BackendSummary } from "@/lib/backends/types";
import type { Turn } from "@/lib/chat/conversation";
import { buildChatMessages, buildFollowUpMessages, followUpMedia, historyMedia } from "@/lib/chat/history-messages";
import { fitEarlierMedia } from "@/lib/chat/prompt-media";
import type { MediaParams, SamplingParamsInput } from "@/lib/chat/schema";
import type { SentRequest } from "@/lib/chat/sent-request";
import type { ToolRequestFields } from "@/lib/chat/tools-draft";
import type { MediaFacts, TurnMedia } from "@/lib/media/attachments";

// The one place a chat turn's POST /api/chat body is made: the playground, Compare and "View code"
// all call it, so what View code shows is what Send sends.

/** What a turn is sent with: read when it is sent, so later edits apply to the next turn only. */
export interface TurnSettings {
  backend: BackendSummary;
  systemPrompt: string;
  /** What the person asked for; the builder turns it off where the family refuses it for the media sent. */
  reasoning: boolean;
  params: SamplingParamsInput;
  /** The `media` body for a request carrying these images and videos (all of them, earlier turns' too). */
  mediaParams: (media: readonly MediaFacts[]) => MediaParams;
  /** The Tools panel's fields; empty when tools are off. */
  tools?: ToolRequestFields;
}

/** The person's new message, or null for a tool round's follow-up (the results are already in `history`). */
export type TurnMessage = { text: string; media: readonly TurnMedia[] } | null;

/**
 * The request of one turn after `history`, with the media it carries (earlier media over the
 * family's per-prompt limits left out, as the server does); null when a follow-up has nothing to answer.
 */
export function buildTurnRequest(history: readonly Turn[], message: NonNullable<TurnMessage>, settings: TurnSettings): SentRequest;
export function buildTurnRequest(history: readonly Turn[], message: TurnMessage, settings: TurnSettings): SentRequest | null;
export function buildTurnRequest(history: readonly Turn[], message: TurnMessage, settings: TurnSettings): SentRequest | null {
  const family = settings.backend.family ?? "generic";
  const messages = message
    ? buildChatMessages(settings.systemPrompt, history, message.text, [...message.media])
    : buildFollowUpMessages(settings.systemPrompt, history);
  if (!messages) return null;
  const current = message ? [...message.media] : [];
  const earlier = message ? historyMedia(history) : followUpMedia(history);
  const media = [...fitEarlierMedia(family, earlier, current).kept, ...current];
  const hasVideo = media.some((m) => m.kind === "video");
  return {
    body: {
      backend: settings.backend.id,
      messages,
      reasoning: settings.reasoning && reasoningUnavailableReason(family, hasVideo) === null,
      params: settings.params,
      media: settings.mediaParams(media),
      ...settings.tools,
    },
    family,
    media,
  };
}
