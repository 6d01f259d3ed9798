// How the overlay looks, shared by the SVG layers and the PNG export: the palette, arrow geometry
// and legible text on each colour.

import type { Point } from "@/lib/annotations/coordinates";

/** Okabe–Ito: tells colours apart with the common colour-vision deficiencies. */
export const PALETTE = ["#E69F00", "#56B4E9", "#009E73", "#D55E00", "#CC79A7", "#0072B2", "#F0E442"] as const;
/** The person's reference path: white, dashed, so it never looks like a model series. */
export const REFERENCE_COLOUR = "#FFFFFF";

export interface Arrow {
  line: [Point, Point];
  /** Null when the points are too close for one: the line alone joins them. */
  head: [Point, Point, Point] | null;
}

/**
 * A line from `from` to `to` that stops short of both markers (`startGap`, `endGap`) and ends in an
 * arrowhead `head` long; just the line, centre to centre, when the points are too close for that.
 */
export function arrowBetween(from: Point, to: Point, startGap: number, endGap: number, head: number): Arrow {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  if (length <= startGap + endGap + head) return { line: [from, to], head: null };
  const ux = dx / length;
  const uy = dy / length;
  const tip = { x: to.x - ux * endGap, y: to.y - uy * endGap };
  const base = { x: tip.x - ux * head, y: tip.y - uy * head };
  const half = head * 0.55;
  return {
    line: [{ x: from.x + ux * startGap, y: from.y + uy * startGap }, base],
    head: [tip, { x: base.x - uy * half, y: base.y + ux * half }, { x: base.x + uy * half, y: base.y - ux * half }],
  };
}

/** Dark or white text, whichever reads better on a palette colour. */
export function textOn(colour: string): "#111827" | "#FFFFFF" {
  const hex = colour.replace("#", "");
  const [r = 0, g = 0, b = 0] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.25 ? "#111827" : "#FFFFFF";
}
