import type { AssistantTurn, Turn } from "@/lib/chat/conversation";
import type { SentRequest } from "@/lib/chat/sent-request";
import { buildTurnRequest, type TurnSettings } from "@/lib/chat/turn-request";
import { toTurnMedia, type Attachment } from "@/lib/media/attachments";

/** What "View code" shows the request of: a sent turn, or the message about to be sent. */
export interface CodeSource {
  sent: SentRequest;
  model: string;
  backendId: string;
  backendLabel: string;
  kind: "turn" | "draft";
}

/** null for a turn kept from before requests were stored with turns. */
export function turnCodeSource(turn: AssistantTurn): CodeSource | null {
  if (!turn.request) return null;
  return {
    sent: turn.request,
    model: turn.model ?? "",
    backendId: turn.backendId,
    backendLabel: turn.backendLabel,
    kind: "turn",
  };
}

/** The request Send would make now, or the sentence that says why there is none yet. */
export function draftCodeSource(
  settings: TurnSettings | null,
  turns: readonly Turn[],
  text: string,
  attachments: readonly Attachment[],
): CodeSource | string {
  if (!settings) return "Pick a backend first.";
  const media = toTurnMedia(attachments);
  if (media === null) return "Wait for the attachments to finish uploading.";
  const { backend } = settings;
  return {
    sent: buildTurnRequest(turns, { text, media }, settings),
    model: backend.model ?? "",
    backendId: backend.id,
    backendLabel: backend.label,
    kind: "draft",
  };
}
