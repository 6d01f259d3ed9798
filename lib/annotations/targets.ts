// Which image or video of the conversation an answer is about, how its answer is read (the
// convention, the size the model saw), and which answer marks a video's timeline. Pure.

import { coordinateConvention, modelInputSize, type CoordinateConvention, type Size } from "@/lib/annotations/coordinates";
import { parseAnnotations, type ParsedAnnotations, type TimeSegment } from "@/lib/annotations/parse";
import type { Family } from "@/lib/backends/families";
import type { AssistantTurn, Turn } from "@/lib/chat/conversation";
import type { TurnMedia } from "@/lib/media/attachments";

export interface MediaTarget {
  userTurnId: string;
  index: number;
  media: TurnMedia;
}

export interface AnnotationTargets {
  /** The image the answer's points and boxes are drawn on. */
  image: MediaTarget | null;
  /** The video its timestamps seek. */
  video: MediaTarget | null;
  /** The text of the user message this answer replies to. */
  userText: string;
}

// URL media are fetched by the NIM, not shown here (the page loads nothing from other origins).
const drawable = (media: TurnMedia): boolean => media.source === "upload";

/**
 * The most recent image and video at or before the user message an assistant turn replies to:
 * the same media the request carried (earlier turns' media are sent again).
 */
export function annotationTargets(turns: readonly Turn[], assistantId: string): AnnotationTargets {
  const at = turns.findIndex((turn) => turn.id === assistantId);
  const targets: AnnotationTargets = { image: null, video: null, userText: "" };
  let foundUser = false;
  for (let i = at - 1; i >= 0; i -= 1) {
    const turn = turns[i];
    if (turn?.kind !== "user") continue;
    if (!foundUser) targets.userText = turn.text;
    foundUser = true;
    for (let m = turn.media.length - 1; m >= 0; m -= 1) {
      const media = turn.media[m];
      if (!media || !drawable(media)) continue;
      const target = { userTurnId: turn.id, index: m, media };
      if (media.kind === "image") targets.image ??= target;
      else targets.video ??= target;
    }
    if (targets.image && targets.video) break;
  }
  return targets;
}

export interface ParseContext {
  convention: CoordinateConvention;
  family: Family;
  imageSize?: Size;
  /** Absolute-pixel conventions: the image as the processor resized it, which bounds the answer's pixels. */
  modelSize?: Size;
  userText: string;
}

/** Reason1's video critic asks "Does the video contain any anomalies or artifacts?": Yes means reject. */
export const asksAnomalies = (userText: string): boolean => /contain any anomalies or artifacts/i.test(userText);

/** Reason1's critic answers Yes/No; only read that as a verdict when the question was a critic's. */
export function acceptYesNo(family: Family, userText: string): boolean {
  return family === "cosmos-reason1" && (/approve|reject/i.test(userText) || asksAnomalies(userText));
}

/**
 * How one answer is read: its convention (the family's, unless its backend says otherwise), the
 * image it is about and the size the model saw it at, the question it answers.
 */
export function turnParseContext(
  turns: readonly Turn[],
  turn: AssistantTurn,
  family: Family,
  convention: CoordinateConvention = coordinateConvention(family),
): { context: ParseContext; targets: AnnotationTargets } {
  const targets = annotationTargets(turns, turn.id);
  const image = targets.image?.media;
  const imageSize = image?.width && image.height ? { width: image.width, height: image.height } : undefined;
  const modelSize = imageSize && convention === "absolute-pixels" ? modelInputSize(imageSize, turn.request?.body.media ?? {}) : undefined;
  return {
    targets,
    context: { convention, family, userText: targets.userText, ...(imageSize ? { imageSize } : {}), ...(modelSize ? { modelSize } : {}) },
  };
}

const cache = new WeakMap<AssistantTurn, { key: string; parsed: ParsedAnnotations }>();

/** Turns are immutable, so a parse is kept per turn object (and per the options it was made with). */
export function parseTurn(turn: AssistantTurn, context: ParseContext): ParsedAnnotations {
  const bounds = context.modelSize ?? context.imageSize;
  const yesIsReject = asksAnomalies(context.userText);
  const key = `${context.convention}|${bounds?.width ?? ""}x${bounds?.height ?? ""}|${acceptYesNo(context.family, context.userText)}|${yesIsReject}`;
  const hit = cache.get(turn);
  if (hit && hit.key === key) return hit.parsed;
  const parsed = parseAnnotations(turn.answer, {
    convention: context.convention,
    ...(bounds ? { imageSize: bounds } : {}),
    acceptYesNo: acceptYesNo(context.family, context.userText),
    yesIsReject,
  });
  cache.set(turn, { key, parsed });
  return parsed;
}

/**
 * The segments to mark under a video of a user turn: those of the latest answer about that video
 * (a later video in the conversation takes the following answers over).
 */
export function segmentsForVideo(
  turns: readonly Turn[],
  userTurnId: string,
  index: number,
  segmentsOf: (turn: AssistantTurn) => TimeSegment[],
): TimeSegment[] {
  for (let i = turns.length - 1; i >= 0; i -= 1) {
    const turn = turns[i];
    if (turn?.kind !== "assistant") continue;
    const video = annotationTargets(turns, turn.id).video;
    if (video?.userTurnId !== userTurnId || video.index !== index) continue;
    const segments = segmentsOf(turn);
    if (segments.length > 0) return segments;
  }
  return [];
}

/** 5.7 → "00:05.70", the way temporal answers write times. */
export function formatClock(seconds: number): string {
  const hundredths = Math.max(0, Math.round(seconds * 100));
  const two = (value: number): string => String(value).padStart(2, "0");
  const minutes = Math.floor(hundredths / 6000);
  const hours = Math.floor(minutes / 60);
  const clock = `${two(minutes % 60)}:${two(Math.floor((hundredths % 6000) / 100))}.${two(hundredths % 100)}`;
  return hours > 0 ? `${hours}:${clock}` : clock;
}
