import { coordinateConvention } from "@/lib/backends/coordinates";
import { FAMILY_INFO, type Family } from "@/lib/backends/families";
import { smartResize } from "@/lib/media/tokens";

// The coordinate space a family answers points and boxes in (docs/nim-protocols.md §1.9):
// 0–1000 per axis, or (Reason1) absolute pixels of the image as its processor resized it.

export interface Space {
  convention: "normalized-1000" | "absolute-pixels";
  /** The picture's own size, in pixels. */
  width: number;
  height: number;
  /** Where a pixel of the picture lands in the answer's coordinates. */
  scaleX: number;
  scaleY: number;
}

const numberOr = (value: unknown, fallback: number): number => (typeof value === "number" && value > 0 ? value : fallback);

export function answerSpace(family: Family, size: { width: number; height: number }, processorKwargs: Record<string, unknown> = {}): Space {
  const convention = coordinateConvention(family);
  if (convention === "normalized-1000") {
    return { convention, ...size, scaleX: 1000 / size.width, scaleY: 1000 / size.height };
  }
  const pixels = FAMILY_INFO[family].pixels;
  const resized = smartResize(size, {
    factor: 28,
    minPixels: numberOr(processorKwargs.min_pixels, pixels?.min ?? 3136),
    maxPixels: numberOr(processorKwargs.max_pixels, pixels?.max ?? 12_845_056),
  });
  return { convention, ...size, scaleX: resized.width / size.width, scaleY: resized.height / size.height };
}

const limit = (value: number, max: number): number => Math.min(max, Math.max(0, Math.round(value)));

/** A pixel point of the picture in the answer's coordinates. */
export function toSpace(space: Space, x: number, y: number): [number, number] {
  const maxX = space.convention === "normalized-1000" ? 1000 : Math.round(space.width * space.scaleX);
  const maxY = space.convention === "normalized-1000" ? 1000 : Math.round(space.height * space.scaleY);
  return [limit(x * space.scaleX, maxX), limit(y * space.scaleY, maxY)];
}

export function spaceName(space: Space): string {
  return space.convention === "normalized-1000"
    ? "0–1000 normalized"
    : `pixels of the ${Math.round(space.width * space.scaleX)}×${Math.round(space.height * space.scaleY)} model input`;
}
