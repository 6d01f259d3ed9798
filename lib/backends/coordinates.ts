import type { Family } from "@/lib/backends/families";

// Which coordinate space each family answers points and boxes in (docs/nim-protocols.md, "Output
// conventions"); a backend's "coordinates" setting may override it. The conversions live in
// lib/annotations/coordinates.ts.

export const COORDINATE_CONVENTIONS = ["normalized-1000", "absolute-pixels"] as const;
export type CoordinateConvention = (typeof COORDINATE_CONVENTIONS)[number];

const CONVENTIONS: Record<Family, CoordinateConvention> = {
  // Qwen3-VL based: each axis normalized to 0–1000 on its own, origin top-left.
  "cosmos-reason2": "normalized-1000",
  "cosmos3-reasoner": "normalized-1000",
  "nemotron-vl": "normalized-1000",
  generic: "normalized-1000",
  // Qwen2.5-VL based: absolute pixels of the image as the processor resized it. Unconfirmed, so a
  // backend's "coordinates" setting may say otherwise.
  "cosmos-reason1": "absolute-pixels",
};

export function coordinateConvention(family: Family): CoordinateConvention {
  return CONVENTIONS[family];
}
