import type { ComposedAnswer } from "@/lib/simulator/answer-facts";
import { fence } from "@/lib/simulator/json-fence";
import { markTarget, SURFACES, type MarkTarget } from "@/lib/simulator/mark-objects";
import { lookUpMark, type MarkedSample } from "@/lib/simulator/marked-sample";
import type { KnownSample } from "@/lib/simulator/samples";
import { momentOf, where } from "@/lib/simulator/scene-facts";
import type { Voice } from "@/lib/simulator/voices";
import { sceneObjects, type SceneObject } from "@/scripts/sample-scenes.mjs";

// Describe anything on a bundled sample: each mark number, found by its colour on the marked copy,
// names the scene object under it. A mark that cannot be found, or whose colour another mark
// shares, says so instead of being guessed.

const SCENE_NAMES = { "robot-arm": "robot arm", "rolling-ball": "rolling ball", driving: "driving" } as const;

/** What the model says of each object: what it is, then (with more detail) where and how it relates. */
function objectSentences(sample: KnownSample, object: SceneObject): [string, string] {
  const objects = sceneObjects(sample.scene, sample.take, momentOf(sample));
  const find = (label: string) => objects.find((other) => other.label === label);
  const side = (a?: SceneObject, b?: SceneObject): string => (a && b && a.box[0] < b.box[0] ? "left" : "right");
  const cube = find("red cube");
  const mat = find("blue mat");
  switch (object.label) {
    case "red cube":
      return [
        `A small red cube with a lighter top face, resting on the table, ${where(object)}.`,
        `It stands alone, to the ${side(cube, mat)} of the blue mat.`,
      ];
    case "blue mat":
      return [`A flat blue mat lying on the table, ${where(object)}.`, "It is empty; the red cube has not been placed on it."];
    case "gripper":
      return [`The robot arm's two-finger gripper, open and empty, ${where(object)}.`, "It hangs above the table, clear of the red cube."];
    case "robot arm":
      return [
        "A yellow two-link robot arm on a grey base, mounted at the left of the table.",
        "Its elbow is raised and its open gripper hangs above the table.",
      ];
    case "orange ball":
      return [`An orange ball in mid-bounce above the floor, ${where(object)}.`, "Nothing else is on the floor around it."];
    case "lane markings":
      return ["The white centre dashes of the road, running straight to the horizon.", "They divide the two empty lanes."];
    default:
      return [`The ${object.label}, ${where(object)}.`, `It is ${object.colour}.`];
  }
}

/** A mark on a surface or the background: what is there, and that no object is. */
function backgroundSentences(sample: KnownSample, target: MarkTarget): { category: string; first: string } {
  const near = target.beside ? `, next to the ${target.beside.label}` : "";
  const label = target.object?.label;
  if (label === "table") return { category: "table", first: `The brown table top${near}; no object stands at this spot.` };
  if (label === "checkered floor") return { category: "floor", first: `The beige and grey checkered floor${near}; it is empty here.` };
  if (label === "road") return { category: "road", first: `The grey asphalt of the empty two-lane road${near}.` };
  if (label === "trees") return { category: "trees", first: `Green trees and hills beside the road${near}.` };
  const what =
    sample.scene === "robot-arm"
      ? "The pale wall behind the table"
      : sample.scene === "rolling-ball"
        ? "The pale blue sky above the horizon"
        : "The grey-blue sky above the hills";
  return { category: "background", first: `${what}${near}; no object is at this spot.` };
}

function describeTarget(sample: KnownSample, target: MarkTarget, voice: Voice): { category: string; caption: string } {
  if (!target.object || SURFACES.includes(target.object.label)) {
    const { category, first } = backgroundSentences(sample, target);
    return { category, caption: first };
  }
  const [first, second] = objectSentences(sample, target.object);
  const inside = target.alsoInside.length > 0 ? ` The box also holds the ${target.alsoInside.map((o) => o.label).join(" and the ")}.` : "";
  return { category: target.object.label, caption: `${first}${voice.detail >= 4 ? ` ${second}` : ""}${inside}` };
}

/** Why no mark can be read at all: the request sent the sample itself, or a clip. */
function noMarksReason(sample: KnownSample): string {
  return sample.kind === "still"
    ? "the image is the bundled sample as it is, with no marks drawn on it"
    : "marks are read only on a still image";
}

export function describeMarks(sample: KnownSample, marked: MarkedSample | null, count: number, voice: Voice): ComposedAnswer {
  const subjects = Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const id = String(n);
    if (!marked) return { subject_id: id, category: "not found", caption: `Mark ${n} could not be found: ${noMarksReason(sample)}.` };
    const mark = lookUpMark(marked, n, count);
    if (mark.status === "shared") {
      const all = [n, ...mark.with].sort((a, b) => a - b).join(" and ");
      return {
        subject_id: id,
        category: "ambiguous",
        caption: `Marks ${all} are drawn in the same colour (${mark.colour}), so which of them is mark ${n} cannot be told; it is not described.`,
      };
    }
    if (mark.status === "missing") {
      return {
        subject_id: id,
        category: "not found",
        caption: `Mark ${n} could not be found: nothing on the image is drawn in its colour (${mark.colour}).`,
      };
    }
    return { subject_id: id, ...describeTarget(sample, markTarget(sample, mark.region), voice) };
  });
  const unresolved = subjects.filter((subject) => ["not found", "ambiguous"].includes(subject.category));
  const lead = `Simulated descriptions of the marked subjects on the bundled “${SCENE_NAMES[sample.scene]}” sample, each found by its mark's colour (${count - unresolved.length} of ${count} marks found):`;
  const scene = `the “${SCENE_NAMES[sample.scene]}” ${sample.kind === "still" ? "still" : "clip"}`;
  const observed = [marked ? `${scene} with coloured marks drawn on it` : `${scene}, with no marks on it`];
  const absent = unresolved.map((subject) => `mark ${subject.subject_id}`);
  return { text: fence(lead, subjects), facts: { events: count, observed, ...(absent.length > 0 ? { absent } : {}) } };
}
