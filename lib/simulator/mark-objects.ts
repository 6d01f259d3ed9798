import type { MarkRegion } from "@/lib/simulator/marked-sample";
import type { KnownSample } from "@/lib/simulator/samples";
import { momentOf } from "@/lib/simulator/scene-facts";
import { sceneObjects, sceneState, type SceneObject, type XY } from "@/scripts/sample-scenes.mjs";

// Which object of a sample's scene lies under a mark: a point names the object it is on (or within
// a few pixels of), a box the object mostly inside it that fills it best. Neither: the table, floor or road
// under it, or the background; nothing is named that the scene data does not place there.

/** The scene's surfaces: named when a mark is on no object. */
export const SURFACES = ["table", "checkered floor", "road", "trees"];
/** A mark this close to an object's edge is on it. */
const NEAR = 6;
/** An object this close is worth naming beside a mark on the background. */
const BESIDE = 60;

export interface MarkTarget {
  /** The object under the mark, or null: the mark is on the background. */
  object: SceneObject | null;
  /** For a box: the other objects inside it. */
  alsoInside: SceneObject[];
  /** For a mark on a surface or the background: the nearest object, when one is close. */
  beside: SceneObject | null;
}

function boxDistance([x1, y1, x2, y2]: readonly number[], x: number, y: number): number {
  const dx = Math.max(x1! - x, 0, x - x2!);
  const dy = Math.max(y1! - y, 0, y - y2!);
  return Math.hypot(dx, dy);
}

function segmentDistance(a: XY, b: XY, x: number, y: number): number {
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  const along = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(x - (a.x + along * dx), y - (a.y + along * dy));
}

/** Distance from a point to an object's drawn shape: the arm is two thick links on a base, not its box. */
function distanceTo(object: SceneObject, sample: KnownSample, x: number, y: number): number {
  const state = sceneState(sample.scene, sample.take, momentOf(sample));
  if (object.label !== "robot arm" || state.kind !== "robot-arm") return boxDistance(object.box, x, y);
  const { base, elbow, hand } = state;
  return Math.min(
    segmentDistance(base, elbow, x, y) - 11,
    segmentDistance(elbow, hand, x, y) - 11,
    boxDistance([base.x - 40, base.y - 4, base.x + 40, base.y + 22], x, y),
  );
}

const area = ([x1, y1, x2, y2]: readonly number[]): number => Math.max(0, x2! - x1!) * Math.max(0, y2! - y1!);

function overlap(a: readonly number[], b: readonly number[]): number {
  return area([Math.max(a[0]!, b[0]!), Math.max(a[1]!, b[1]!), Math.min(a[2]!, b[2]!), Math.min(a[3]!, b[3]!)]);
}

function atPoint(sample: KnownSample, objects: SceneObject[], x: number, y: number): MarkTarget {
  const things = objects.filter((object) => !SURFACES.includes(object.label));
  const ranked = things
    .map((object) => ({ object, distance: Math.max(0, distanceTo(object, sample, x, y)) }))
    .sort((a, b) => a.distance - b.distance || area(a.object.box) - area(b.object.box));
  const nearest = ranked[0];
  if (nearest && nearest.distance <= NEAR) return { object: nearest.object, alsoInside: [], beside: null };
  // On no object: the smallest surface under it (the road before the trees around it), else the background.
  const surface = objects
    .filter((object) => SURFACES.includes(object.label) && boxDistance(object.box, x, y) === 0)
    .sort((a, b) => area(a.box) - area(b.box))[0];
  const beside = nearest && nearest.distance <= BESIDE ? nearest.object : null;
  return { object: surface ?? null, alsoInside: [], beside };
}

/** The scene object a mark on this sample shows, from the scene data it was drawn from. */
export function markTarget(sample: KnownSample, region: MarkRegion): MarkTarget {
  const objects = sceneObjects(sample.scene, sample.take, momentOf(sample));
  if (region.kind === "point") return atPoint(sample, objects, region.centre[0], region.centre[1]);
  // Of the objects mostly inside the box, the one filling it best; the rest are named beside it.
  const fills = (object: SceneObject) =>
    overlap(object.box, region.box) / (area(object.box) + area(region.box) - overlap(object.box, region.box));
  const inside = objects
    .filter((object) => !SURFACES.includes(object.label) && overlap(object.box, region.box) >= 0.8 * area(object.box))
    .sort((a, b) => fills(b) - fills(a));
  const [object, ...alsoInside] = inside;
  if (object) return { object, alsoInside, beside: null };
  return atPoint(sample, objects, region.centre[0], region.centre[1]);
}
