import { readFileSync } from "node:fs";
import path from "node:path";

import { markColour, markSize } from "@/lib/annotations/marks";
import { PALETTE } from "@/lib/annotations/overlay-style";
import { decodePng, type Pixels } from "@/lib/simulator/png-pixels";
import { DEFAULT_SAMPLES_DIR, type KnownSample } from "@/lib/simulator/samples";
import { sampleFiles } from "@/scripts/sample-scenes.mjs";

// Describe anything sends a copy of the image with numbered marks drawn on it: a bundled still
// marked so is no longer the sample by its bytes, but outside the marks its pixels still are.
// Each mark is then found by its colour (lib/annotations/marks.ts); the stroke's core is exact.

export interface MarkRegion {
  kind: "point" | "box";
  /** Pixel box of the mark's colour: the disc of a point, the outline of a box. */
  box: [number, number, number, number];
  /** Where a point mark is: the middle of its disc. */
  centre: [number, number];
}

export interface MarkedSample {
  sample: KnownSample;
  /** Share of the pixels that differ from the sample (0–1). */
  changed: number;
  /** The marks found, by palette colour; a colour drawn nowhere has no entry. */
  regions: ReadonlyMap<string, MarkRegion>;
}

/** A channel further off than this counts as changed (re-encoding keeps the sample exact; this allows a little). */
const SAME = 16;
/** A heavily marked copy changes a few percent of the picture; another image of the same size changes most of it. */
const MAX_CHANGED = 0.3;
/** How close a changed pixel must be to a palette colour to be that mark's (antialiased edges are not). */
const NEAR_COLOUR = 10;

interface Still {
  sample: KnownSample;
  width: number;
  height: number;
  rgb: Uint8Array;
}

const stills = new Map<string, Still[]>();

function rgbOf(pixels: Pixels): Uint8Array {
  const rgb = new Uint8Array(pixels.width * pixels.height * 3);
  for (let y = 0, i = 0; y < pixels.height; y += 1) {
    for (let x = 0; x < pixels.width; x += 1, i += 3) rgb.set(pixels.at(x, y), i);
  }
  return rgb;
}

function stillsFor(dir: string): Still[] {
  let list = stills.get(dir);
  if (list) return list;
  list = [];
  for (const sample of sampleFiles().filter((file) => file.kind === "still")) {
    try {
      const pixels = decodePng(readFileSync(path.join(dir, sample.file)));
      if (pixels) list.push({ sample, width: pixels.width, height: pixels.height, rgb: rgbOf(pixels) });
    } catch {
      // A sample not made yet is simply not recognised.
    }
  }
  stills.set(dir, list);
  return list;
}

const PALETTE_RGB = PALETTE.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number]);

function paletteIndex(r: number, g: number, b: number): number {
  return PALETTE_RGB.findIndex(([pr, pg, pb]) => Math.max(Math.abs(r - pr), Math.abs(g - pg), Math.abs(b - pb)) <= NEAR_COLOUR);
}

function findRegions(rgb: Uint8Array, still: Still): Map<string, MarkRegion> {
  const { width, height } = still;
  const { radius, stroke } = markSize({ width, height });
  const k = radius / 11;
  const bounds = PALETTE.map(() => ({ count: 0, x1: width, y1: height, x2: -1, y2: -1 }));
  for (let y = 0, i = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1, i += 3) {
      const [r, g, b] = [rgb[i]!, rgb[i + 1]!, rgb[i + 2]!];
      const o = still.rgb;
      if (Math.max(Math.abs(r - o[i]!), Math.abs(g - o[i + 1]!), Math.abs(b - o[i + 2]!)) <= SAME) continue;
      const index = paletteIndex(r, g, b);
      const at = bounds[index];
      if (!at) continue;
      at.count += 1;
      [at.x1, at.y1, at.x2, at.y2] = [Math.min(at.x1, x), Math.min(at.y1, y), Math.max(at.x2, x + 1), Math.max(at.y2, y + 1)];
    }
  }
  // A mark's disc alone covers ~300·k² pixels; stray edge pixels that happen to match stay far below this.
  const least = 40 * k * k;
  const disc = 2 * (radius + stroke) + 2;
  const regions = new Map<string, MarkRegion>();
  bounds.forEach((at, index) => {
    if (at.count < least) return;
    const box: MarkRegion["box"] = [at.x1, at.y1, at.x2, at.y2];
    const kind = at.x2 - at.x1 <= disc && at.y2 - at.y1 <= disc ? "point" : "box";
    regions.set(PALETTE[index]!, { kind, box, centre: [(at.x1 + at.x2) / 2, (at.y1 + at.y2) / 2] });
  });
  return regions;
}

/** The bundled still this image is a marked copy of, with its marks; null when it is no such copy. */
export function recognizeMarked(pixels: Pixels, dir: string = DEFAULT_SAMPLES_DIR): MarkedSample | null {
  const candidates = stillsFor(dir).filter((still) => still.width === pixels.width && still.height === pixels.height);
  if (candidates.length === 0) return null;
  const rgb = rgbOf(pixels);
  let best: { still: Still; changed: number } | null = null;
  for (const still of candidates) {
    let changed = 0;
    for (let i = 0; i < rgb.length; i += 3) {
      const o = still.rgb;
      if (Math.max(Math.abs(rgb[i]! - o[i]!), Math.abs(rgb[i + 1]! - o[i + 1]!), Math.abs(rgb[i + 2]! - o[i + 2]!)) > SAME) changed += 1;
    }
    const share = changed / (pixels.width * pixels.height);
    if (share <= MAX_CHANGED && (!best || share < best.changed)) best = { still, changed: share };
  }
  if (!best) return null;
  return { sample: best.still.sample, changed: best.changed, regions: findRegions(rgb, best.still) };
}

export type MarkLookup =
  { status: "found"; region: MarkRegion } | { status: "missing"; colour: string } | { status: "shared"; colour: string; with: number[] };

/** Mark n of `count`: found by its colour, missing, or sharing its colour with another mark (which is which cannot be told). */
export function lookUpMark(marked: MarkedSample | null, n: number, count: number): MarkLookup {
  const colour = markColour(n);
  const others = Array.from({ length: count }, (_, i) => i + 1).filter((m) => m !== n && markColour(m) === colour);
  if (others.length > 0) return { status: "shared", colour, with: others };
  const region = marked?.regions.get(colour);
  return region ? { status: "found", region } : { status: "missing", colour };
}
