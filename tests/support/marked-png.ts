import { readFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";

import { markSize } from "@/lib/annotations/marks";
import { decodePng } from "@/lib/simulator/png-pixels";
import { bytes, concat, pngChunk, u32 } from "@/tests/support/media-fixtures";

// Marked copies of a bundled still, made the way describe anything draws them (a filled disc per
// mark, a box's outline with its disc in the top-left corner), with a white ring and a number
// as the playground adds, so the simulator's mark finding meets what a browser sends.

export interface Canvas {
  width: number;
  height: number;
  rgb: Uint8Array;
}

export function readSampleCanvas(name: string): Canvas {
  const pixels = decodePng(readFileSync(path.resolve("public", "samples", name)));
  if (!pixels) throw new Error(`public/samples/${name} could not be decoded`);
  const rgb = new Uint8Array(pixels.width * pixels.height * 3);
  for (let y = 0; y < pixels.height; y += 1) for (let x = 0; x < pixels.width; x += 1) rgb.set(pixels.at(x, y), (y * pixels.width + x) * 3);
  return { width: pixels.width, height: pixels.height, rgb };
}

const hexRgb = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

function set(canvas: Canvas, x: number, y: number, colour: number[]): void {
  if (x < 0 || y < 0 || x >= canvas.width || y >= canvas.height) return;
  canvas.rgb.set(colour, (Math.floor(y) * canvas.width + Math.floor(x)) * 3);
}

/** A numbered disc: white ring, colour fill, a dark blob for the digit. */
export function drawDisc(canvas: Canvas, cx: number, cy: number, colour: string): void {
  const { radius } = markSize(canvas);
  const fill = hexRgb(colour);
  for (let y = Math.floor(cy - radius - 1); y <= cy + radius + 1; y += 1) {
    for (let x = Math.floor(cx - radius - 1); x <= cx + radius + 1; x += 1) {
      const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
      if (d <= radius - 1) set(canvas, x, y, Math.abs(x - cx) < 3 && Math.abs(y - cy) < 5 ? [17, 17, 17] : fill);
      else if (d <= radius + 1) set(canvas, x, y, [255, 255, 255]);
    }
  }
}

/** A box mark: its outline, then its numbered disc in the top-left corner. */
export function drawBox(canvas: Canvas, [x1, y1, x2, y2]: [number, number, number, number], colour: string): void {
  const { radius, stroke } = markSize(canvas);
  const fill = hexRgb(colour);
  const half = stroke / 2;
  for (let y = Math.floor(y1 - half); y < y2 + half; y += 1) {
    for (let x = Math.floor(x1 - half); x < x2 + half; x += 1) {
      const inside = x >= x1 + half && x < x2 - half && y >= y1 + half && y < y2 - half;
      if (!inside) set(canvas, x, y, fill);
    }
  }
  drawDisc(canvas, x1 + radius, y1 + radius, colour);
}

/** The canvas as an RGB PNG. */
export function encodeCanvas({ width, height, rgb }: Canvas): Uint8Array<ArrayBuffer> {
  const raw = new Uint8Array(height * (width * 3 + 1));
  for (let y = 0; y < height; y += 1) raw.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  return concat(
    bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    pngChunk("IHDR", concat(u32(width), u32(height), bytes(8, 2, 0, 0, 0))),
    pngChunk("IDAT", new Uint8Array(deflateSync(raw))),
    pngChunk("IEND", new Uint8Array()),
  );
}
