// Zoom and pan of an image shown in a box, and the conversions between a position on screen and
// the models' normalized 0–1000 space. The image fills the box at scale 1 (the box has the image's
// aspect ratio); screen = content × scale + offset, with content in the box's own CSS pixels.

import { NORMALIZED_MAX, type Point, type Size } from "@/lib/annotations/coordinates";

export interface View {
  scale: number;
  x: number;
  y: number;
}

export const IDENTITY_VIEW: View = { scale: 1, x: 0, y: 0 };
const MIN_SCALE = 1;
export const MAX_SCALE = 8;

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

/** Keeps the image covering the box: no empty margin can be panned into view. */
export function clampView(view: View, box: Size): View {
  const scale = clamp(view.scale, MIN_SCALE, MAX_SCALE);
  return {
    scale,
    x: clamp(view.x, box.width - box.width * scale, 0),
    y: clamp(view.y, box.height - box.height * scale, 0),
  };
}

/** Zooms by `factor` keeping the screen point `anchor` (relative to the box) where it is. */
export function zoomAt(view: View, factor: number, anchor: Point, box: Size): View {
  const scale = clamp(view.scale * factor, MIN_SCALE, MAX_SCALE);
  const ratio = scale / view.scale;
  return clampView({ scale, x: anchor.x - (anchor.x - view.x) * ratio, y: anchor.y - (anchor.y - view.y) * ratio }, box);
}

export function panBy(view: View, dx: number, dy: number, box: Size): View {
  return clampView({ ...view, x: view.x + dx, y: view.y + dy }, box);
}

/** A wheel step as a zoom factor: smooth for trackpads, about ×1.2 per mouse-wheel notch. */
export function wheelZoomFactor(deltaY: number, deltaMode = 0): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp(clamp(-pixels, -200, 200) * 0.0018);
}

export function normalizedToScreen(point: Point, view: View, box: Size): Point {
  return {
    x: (point.x / NORMALIZED_MAX) * box.width * view.scale + view.x,
    y: (point.y / NORMALIZED_MAX) * box.height * view.scale + view.y,
  };
}

/** Unrounded and unclamped: the caller decides (a drag may leave the image and is clamped on commit). */
export function screenToNormalized(point: Point, view: View, box: Size): Point {
  const width = box.width * view.scale;
  const height = box.height * view.scale;
  return {
    x: width > 0 ? ((point.x - view.x) / width) * NORMALIZED_MAX : 0,
    y: height > 0 ? ((point.y - view.y) / height) * NORMALIZED_MAX : 0,
  };
}

/** The point nearest to `at` (screen) within `radius` screen pixels; the last drawn wins ties. */
export function hitTestPoints<T extends Point & { id: number }>(
  points: readonly T[],
  at: Point,
  view: View,
  box: Size,
  radius: number,
): T | null {
  let best: T | null = null;
  let bestDistance = radius;
  for (const point of points) {
    const screen = normalizedToScreen(point, view, box);
    const distance = Math.hypot(screen.x - at.x, screen.y - at.y);
    if (distance <= bestDistance) {
      best = point;
      bestDistance = distance;
    }
  }
  return best;
}

export interface NormalizedBox {
  id: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The box whose edge is within `tolerance` screen pixels of `at`, or that contains it; the smallest wins. */
export function hitTestBoxes<T extends NormalizedBox>(boxes: readonly T[], at: Point, view: View, box: Size, tolerance: number): T | null {
  let best: T | null = null;
  let bestArea = Infinity;
  for (const candidate of boxes) {
    const a = normalizedToScreen({ x: candidate.x1, y: candidate.y1 }, view, box);
    const b = normalizedToScreen({ x: candidate.x2, y: candidate.y2 }, view, box);
    const inside = at.x >= a.x - tolerance && at.x <= b.x + tolerance && at.y >= a.y - tolerance && at.y <= b.y + tolerance;
    const area = (b.x - a.x) * (b.y - a.y);
    if (inside && area < bestArea) {
      best = candidate;
      bestArea = area;
    }
  }
  return best;
}
