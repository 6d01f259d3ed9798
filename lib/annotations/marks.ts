import type { Drawing } from "@/lib/annotations/draw-state";

// Describe anything: the subjects a person marks on an image, numbered 1, 2, 3… in the order they
// were drawn (boxes and points alike), as they are drawn onto the copy that is sent.

export type SubjectMark =
  { n: number; kind: "box"; x1: number; y1: number; x2: number; y2: number } | { n: number; kind: "point"; x: number; y: number };

export function subjectMarks(drawing: Drawing): SubjectMark[] {
  const items = [
    ...drawing.boxes.map((b) => ({ id: b.id, mark: { kind: "box" as const, x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 } })),
    ...drawing.points.map((p) => ({ id: p.id, mark: { kind: "point" as const, x: p.x, y: p.y } })),
  ];
  return items.sort((a, b) => a.id - b.id).map(({ mark }, i) => ({ n: i + 1, ...mark }));
}

/** "photo.jpg" → "photo-marked.png": the copy's name says what it is. */
export function markedName(name: string): string {
  const base = name.replace(/\.[a-z0-9]{1,5}$/i, "") || "image";
  return `${base}-marked.png`;
}
