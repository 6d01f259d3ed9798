// Points written back in the models' own JSON, so a prompt can quote a path or a point the way the
// model would have answered it: [{"point_2d":[412,655],"label":"gripper trajectory"}].

import type { Point } from "@/lib/annotations/coordinates";

// The models write whole numbers; a fractional hint is just noise in the prompt.
const pair = (point: Point): [number, number] => [Math.round(point.x), Math.round(point.y)];

/** A labeled path or set of points, normalized 0–1000, as a JSON list. */
export function formatPointsForPrompt(points: readonly Point[], label: string): string {
  return JSON.stringify(points.map((point) => ({ point_2d: pair(point), label })));
}

/** One point, e.g. for "the object at {"point_2d":[412,655]}". */
export function formatPointForPrompt(point: Point): string {
  return JSON.stringify({ point_2d: pair(point) });
}
