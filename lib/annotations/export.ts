// The parsed annotations of an answer as a JSON document, for the overlay's Export button. Pure.

import { toPixels, type CoordinateConvention, type Point } from "@/lib/annotations/coordinates";
import { referenceDistance, type OverlayModel } from "@/lib/annotations/overlay";
import type { ParsedAnnotations } from "@/lib/annotations/parse";
import type { Family } from "@/lib/backends/families";

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
