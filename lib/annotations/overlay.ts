// What the annotation overlay draws, worked out from a parsed answer: positions in normalized and
// pixel space, a colour per label, legend entries, and how far a drawn reference is from the
// model's path. Pure; the components only lay it out.

import { meanDistance, toPixels, type CoordinateConvention, type Point, type Size } from "@/lib/annotations/coordinates";
import { PALETTE } from "@/lib/annotations/overlay-style";
import type { ParsedAnnotations } from "@/lib/annotations/parse";

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

const displayLabel = (label: string): string => label.trim() || "unlabeled";

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
function comparedPath(model: OverlayModel): OverlayPath | null {
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
