// What the annotation overlay draws, worked out from a parsed answer: positions in normalized and
// pixel space, a colour per label, legend entries, which image or video of the conversation an
// answer is about, and the JSON export. Pure; the components only lay it out.

import {
  coordinateConvention,
  meanDistance,
  modelInputSize,
  toPixels,
  type CoordinateConvention,
  type Point,
  type Size,
} from "@/lib/annotations/coordinates";
import { PALETTE } from "@/lib/annotations/overlay-style";
import { parseAnnotations, type ParsedAnnotations, type TimeSegment } from "@/lib/annotations/parse";
import type { Family } from "@/lib/backends/families";
import type { AssistantTurn, Turn } from "@/lib/chat/conversation";
import type { TurnMedia } from "@/lib/media/attachments";

export interface OverlayPoint {
  /** 1-based position along the path. */
  n: number;
  /** As the model wrote it (normalized or pixels, per the convention). */
  raw: Point;
  /** 0–1000, unrounded: where it is drawn. */
  norm: Point;
  px: Point;
  text: string;
}

export interface OverlayPath {
  key: string;
  label: string;
  colour: string;
  kind: "trajectory" | "points";
  points: OverlayPoint[];
}

export interface OverlayBox {
  key: string;
  label: string;
  colour: string;
  norm: { x1: number; y1: number; x2: number; y2: number };
  px: { x1: number; y1: number; x2: number; y2: number };
  text: string;
}

export interface LegendEntry {
  key: string;
  label: string;
  colour: string;
  kind: "trajectory" | "points" | "boxes";
  count: number;
}

export interface OverlayModel {
  paths: OverlayPath[];
  boxes: OverlayBox[];
  legend: LegendEntry[];
}

export const displayLabel = (label: string): string => label.trim() || "unlabeled";

function placer(convention: CoordinateConvention, size: Size, modelSize: Size) {
  return (raw: Point): { norm: Point; px: Point } => {
    const px = toPixels(raw, size, convention, modelSize);
    const norm = convention === "normalized-1000" ? raw : { x: (px.x / size.width) * 1000, y: (px.y / size.height) * 1000 };
    return { norm, px };
  };
}

/** `modelSize`: the size the model saw the image at, which absolute-pixel answers are in. */
export function buildOverlay(
  parsed: Pick<ParsedAnnotations, "series" | "boxes">,
  convention: CoordinateConvention,
  size: Size,
  modelSize: Size = size,
): OverlayModel {
  const colours = new Map<string, string>();
  const colourOf = (label: string): string => {
    const known = colours.get(label);
    if (known) return known;
    const colour = PALETTE[colours.size % PALETTE.length] ?? PALETTE[0];
    colours.set(label, colour);
    return colour;
  };
  const place = placer(convention, size, modelSize);
  const paths: OverlayPath[] = parsed.series.map((series, index) => ({
    key: `path-${index}`,
    label: displayLabel(series.label),
    colour: colourOf(displayLabel(series.label)),
    kind: series.kind,
    points: series.points.map((point, i) => ({ n: i + 1, raw: { x: point.x, y: point.y }, ...place(point), text: point.raw })),
  }));
  const boxes: OverlayBox[] = parsed.boxes.map((box) => {
    const label = displayLabel(box.label);
    const a = place({ x: box.x1, y: box.y1 });
    const b = place({ x: box.x2, y: box.y2 });
    return {
      key: `boxes-${label}`,
      label,
      colour: colourOf(label),
      norm: { x1: a.norm.x, y1: a.norm.y, x2: b.norm.x, y2: b.norm.y },
      px: { x1: a.px.x, y1: a.px.y, x2: b.px.x, y2: b.px.y },
      text: box.raw,
    };
  });
  const legend: LegendEntry[] = paths.map((path) => ({
    key: path.key,
    label: path.label,
    colour: path.colour,
    kind: path.kind,
    count: path.points.length,
  }));
  for (const box of boxes) {
    const entry = legend.find((e) => e.key === box.key);
    if (entry) entry.count += 1;
    else legend.push({ key: box.key, label: box.label, colour: box.colour, kind: "boxes", count: 1 });
  }
  return { paths, boxes, legend };
}

const round1 = (value: number): string => String(Math.round(value * 10) / 10);

/** "normalized (412, 655) · pixels (263.7, 314.4)", as a hover shows it. */
export function describePosition(norm: Point, px: Point): string {
  return `normalized (${Math.round(norm.x)}, ${Math.round(norm.y)}) · pixels (${round1(px.x)}, ${round1(px.y)})`;
}

/** The model's path to compare a reference with: its first trajectory, else its first points. */
export function comparedPath(model: OverlayModel): OverlayPath | null {
  return model.paths.find((path) => path.kind === "trajectory") ?? model.paths[0] ?? null;
}

/** Mean distance between the reference and the model's path, normalized units; null when either is missing. */
export function referenceDistance(model: OverlayModel, reference: readonly Point[]): number | null {
  const path = comparedPath(model);
  if (!path || reference.length === 0) return null;
  const distance = meanDistance(
    reference,
    path.points.map((p) => p.norm),
  );
  return Number.isFinite(distance) ? distance : null;
}

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

export interface ExportInput {
  parsed: ParsedAnnotations;
  model: OverlayModel;
  image: { name: string; width: number; height: number; mediaId?: string };
  family: Family;
  convention: CoordinateConvention;
  reference: readonly Point[];
}

/** The parsed data as a JSON document: what the model wrote, where it lands, and what was wrong. */
export function exportAnnotations({ parsed, model, image, family, convention, reference }: ExportInput): string {
  const pair = (p: Point) => [Math.round(p.x * 100) / 100, Math.round(p.y * 100) / 100];
  const distance = referenceDistance(model, reference);
  const document = {
    image,
    family,
    convention,
    series: model.paths.map((path) => ({
      label: path.label,
      kind: path.kind,
      points: path.points.map((p) => ({ n: p.n, normalized: pair(p.norm), pixels: pair(p.px), raw: p.text })),
    })),
    boxes: model.boxes.map((box) => ({
      label: box.label,
      normalized: [box.norm.x1, box.norm.y1, box.norm.x2, box.norm.y2].map((v) => Math.round(v * 100) / 100),
      pixels: [box.px.x1, box.px.y1, box.px.x2, box.px.y2].map((v) => Math.round(v * 100) / 100),
      raw: box.text,
    })),
    segments: parsed.segments.map(({ startS, endS, caption }) => ({ startS, endS, caption })),
    critic: parsed.critic,
    issues: parsed.issues,
    ...(reference.length > 0
      ? { reference: { normalized: reference.map(pair), pixels: reference.map((p) => pair(toPixels(p, image))), meanDistance: distance } }
      : {}),
  };
  return JSON.stringify(document, null, 2);
}
