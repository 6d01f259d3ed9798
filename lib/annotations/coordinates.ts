// Which coordinate space each family answers in, and the conversions, in one place
// (docs/nim-protocols.md, "Output conventions to render").

import { type CoordinateConvention } from "@/lib/backends/coordinates";
import { FAMILY_INFO } from "@/lib/backends/families";
import { smartResize } from "@/lib/media/tokens";

export { COORDINATE_CONVENTIONS, coordinateConvention, type CoordinateConvention } from "@/lib/backends/coordinates";

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export const NORMALIZED_MAX = 1000;

/**
 * The size the model saw an image at, which absolute-pixel answers are in: Qwen2.5-VL's processor
 * resizes to 28-pixel multiples within min/max_pixels (the bounds the request sent, else defaults).
 */
export function modelInputSize(size: Size, bounds: { shortest_edge?: number; longest_edge?: number } = {}): Size {
  const pixels = FAMILY_INFO["cosmos-reason1"].pixels;
  return smartResize(size, {
    factor: 28,
    minPixels: bounds.shortest_edge ?? pixels?.min ?? 3136,
    maxPixels: bounds.longest_edge ?? pixels?.max ?? 12_845_056,
  });
}

/**
 * A model point in pixels of an image of `size`. Absolute-pixel answers are pixels of the image the
 * model saw (`modelSize`), scaled back to the image's own size.
 */
export function toPixels(point: Point, size: Size, convention: CoordinateConvention = "normalized-1000", modelSize: Size = size): Point {
  if (convention === "absolute-pixels") {
    return { x: (point.x * size.width) / modelSize.width, y: (point.y * size.height) / modelSize.height };
  }
  return { x: (point.x / NORMALIZED_MAX) * size.width, y: (point.y / NORMALIZED_MAX) * size.height };
}

const clampNormalized = (value: number): number => Math.min(NORMALIZED_MAX, Math.max(0, Math.round(value)));

/** A pixel point as the 0–1000 integers the models read and write. */
export function toNormalized(pixelPoint: Point, size: Size): Point {
  return {
    x: clampNormalized(size.width > 0 ? (pixelPoint.x / size.width) * NORMALIZED_MAX : 0),
    y: clampNormalized(size.height > 0 ? (pixelPoint.y / size.height) * NORMALIZED_MAX : 0),
  };
}

const SAMPLES = 64;

function resampleByArcLength(path: readonly Point[], count: number): Point[] {
  const cumulative = [0];
  for (let i = 1; i < path.length; i += 1) {
    const a = path[i - 1] as Point;
    const b = path[i] as Point;
    cumulative.push((cumulative[i - 1] ?? 0) + Math.hypot(b.x - a.x, b.y - a.y));
  }
  const total = cumulative.at(-1) ?? 0;
  const samples: Point[] = [];
  let segment = 1;
  for (let k = 0; k < count; k += 1) {
    const target = count === 1 ? 0 : (total * k) / (count - 1);
    while (segment < path.length - 1 && (cumulative[segment] ?? 0) < target) segment += 1;
    const a = path[Math.max(0, segment - 1)] as Point;
    const b = path[Math.min(segment, path.length - 1)] as Point;
    const from = cumulative[segment - 1] ?? 0;
    const length = (cumulative[segment] ?? from) - from;
    const t = length > 0 ? Math.min(1, Math.max(0, (target - from) / length)) : 0;
    samples.push({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
  }
  return samples;
}

/**
 * How far apart two paths are, in normalized units: both are resampled to the same number of points
 * evenly spaced along their length, then the Euclidean distances of paired samples are averaged.
 * NaN when either path is empty.
 */
export function meanDistance(a: readonly Point[], b: readonly Point[]): number {
  if (a.length === 0 || b.length === 0) return Number.NaN;
  const count = Math.max(SAMPLES, a.length, b.length);
  const sa = resampleByArcLength(a, count);
  const sb = resampleByArcLength(b, count);
  let sum = 0;
  for (let i = 0; i < count; i += 1) {
    const p = sa[i] as Point;
    const q = sb[i] as Point;
    sum += Math.hypot(p.x - q.x, p.y - q.y);
  }
  return sum / count;
}
