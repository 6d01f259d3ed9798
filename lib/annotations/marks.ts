import type { Drawing } from "@/lib/annotations/draw-state";
import { PALETTE } from "@/lib/annotations/overlay-style";

// Describe anything: the subjects a person marks on an image, numbered 1, 2, 3… in the order they
// were drawn (boxes and points alike). The drawing dialog, the copy sent, the prompt and the
// answer's list all use this one numbering and its colours.

export type SubjectMark = { n: number; id: number } & (
  { kind: "box"; x1: number; y1: number; x2: number; y2: number } | { kind: "point"; x: number; y: number }
);

export function subjectMarks(drawing: Drawing): SubjectMark[] {
  const items = [
    ...drawing.boxes.map((b) => ({ kind: "box" as const, id: b.id, x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 })),
    ...drawing.points.map((p) => ({ kind: "point" as const, id: p.id, x: p.x, y: p.y })),
  ];
  return items.sort((a, b) => a.id - b.id).map((mark, i) => ({ n: i + 1, ...mark }));
}

/** Each drawn item's mark number, by its drawing id (points and boxes share one id sequence). */
export function subjectNumbers(drawing: Drawing): Map<number, number> {
  return new Map(subjectMarks(drawing).map((mark) => [mark.id, mark.n]));
}

/** The marks in words for the drawing dialog, e.g. "1 box · 2 point · 3 point"; empty when none. */
export function marksSummary(drawing: Drawing): string {
  return subjectMarks(drawing)
    .map((mark) => `${mark.n} ${mark.kind}`)
    .join(" · ");
}

/** Mark n's colour, the same on screen, on the copy sent and beside its description. */
export function markColour(n: number): string {
  return PALETTE[(Math.max(1, Math.trunc(n)) - 1) % PALETTE.length] ?? PALETTE[0];
}

/** A mark's size on the copy sent, in image pixels: it grows with the image so the model can read it. */
export function markSize(image: { width: number; height: number }): { radius: number; stroke: number } {
  const k = Math.max(1, Math.max(image.width, image.height) / 640);
  return { radius: 11 * k, stroke: 3 * k };
}

/** The same mark in the drawing dialog, in screen pixels: as on the copy at this display size, kept legible and clickable. */
export function screenMarkSize(
  image: { width: number; height: number } | null,
  displayedWidth: number,
): { radius: number; stroke: number } {
  if (!image || image.width <= 0) return { radius: 10, stroke: 3 };
  const { radius, stroke } = markSize(image);
  const scale = displayedWidth / image.width;
  return { radius: Math.min(14, Math.max(8, radius * scale)), stroke: Math.min(4, Math.max(2, stroke * scale)) };
}

/** "photo.jpg" → "photo-marked.png": the copy's name says what it is (marking again keeps one suffix). */
export function markedName(name: string): string {
  const base = name.replace(/\.[a-z0-9]{1,5}$/i, "").replace(/-marked$/i, "") || "image";
  return `${base}-marked.png`;
}
