import type { Random } from "@/lib/simulator/random";
import type { KnownSample } from "@/lib/simulator/samples";
import { formatTimestamp } from "@/lib/simulator/timestamps";
import {
  CLIP_LABEL,
  FPS,
  HEIGHT,
  sceneEvents,
  sceneObjects,
  SECONDS,
  STILL_LABEL,
  WIDTH,
  type SceneObject,
} from "@/scripts/sample-scenes.mjs";

// Sentences about a bundled sample, from the same scene data its pixels were drawn from, most
// important first; a model's voice keeps as many as it gives detail.

/** The moment of the scene the model looks at: a still's own, a clip's first frame. */
export const momentOf = (sample: KnownSample): number => (sample.kind === "still" ? (sample.t ?? 0) : 0);

const isClip = (sample: KnownSample): boolean => sample.kind !== "still";

export function where(object: SceneObject): string {
  const x = (object.box[0] + object.box[2]) / 2 / WIDTH;
  const y = (object.box[1] + object.box[3]) / 2 / HEIGHT;
  const across = x < 0.38 ? "left of centre" : x > 0.62 ? "right of centre" : "near the centre";
  const side = x < 0.2 ? "at the left" : x > 0.8 ? "at the right" : across;
  return `${side}, ${y < 0.4 ? "high" : y > 0.65 ? "low" : "midway"} in the frame`;
}

const at = (seconds: number): string => formatTimestamp(seconds);

function armFacts(sample: KnownSample, rng: Random): string[] {
  const objects = sceneObjects(sample.scene, sample.take, momentOf(sample));
  const find = (label: string) => objects.find((object) => object.label === label) as SceneObject;
  const events = sceneEvents(sample.scene, sample.take);
  const lead = isClip(sample)
    ? rng.pick([
        "A yellow two-link robot arm on a grey base picks up a red cube from a brown table and sets it down on a blue mat to the right.",
        "A yellow robot arm grasps a small red cube on a wooden table, carries it to the right and places it on a flat blue mat.",
      ])
    : rng.pick([
        "A yellow two-link robot arm on a grey base stands at the left of a brown table, its open gripper raised above the table.",
        "A yellow robot arm, mounted at the left of a wooden table, holds its open two-finger gripper in the air.",
      ]);
  const facts = [lead];
  if (isClip(sample)) {
    const [reach, grip, carry, release, home] = events;
    if (reach && grip && carry && release && home) {
      facts.push(
        `The arm reaches the cube by ${at(reach.end)}, closes its gripper on it until ${at(grip.end)}, ` +
          `lifts it in an arc and lowers it onto the mat at ${at(carry.end)}.`,
        `The gripper opens at ${at(release.start)} and the arm is back in its starting pose at ${at(home.end)}.`,
      );
    }
  } else {
    facts.push(
      `A red cube rests on the table ${where(find("red cube"))}; a blue mat lies flat ${where(find("blue mat"))}.`,
      `The gripper is open and empty, ${where(find("gripper"))}.`,
    );
  }
  facts.push(
    "The camera is fixed and looks at the table from the side, in front of a pale wall with four window panels.",
    "The light is even and there are no people in view.",
  );
  return facts;
}

function ballFacts(sample: KnownSample, rng: Random): string[] {
  const events = sceneEvents(sample.scene, sample.take);
  const from = /from the (\w+)/.exec(events[0]?.caption ?? "")?.[1] ?? "left";
  const to = from === "left" ? "right" : "left";
  const lead = isClip(sample)
    ? rng.pick([
        `An orange ball rolls across a checkered floor from ${from} to ${to}, bouncing lower each time.`,
        `A bouncing orange ball crosses a beige and grey checkered floor from the ${from} to the ${to}.`,
      ])
    : "An orange ball is in mid-bounce above a beige and grey checkered floor that recedes to the horizon.";
  const facts = [lead];
  if (isClip(sample)) {
    facts.push(
      `It bounces at ${at(1)} and again at ${at(2)}, and leaves the frame on the ${to} at about ${at(events.at(-1)?.start ?? 2.7)}.`,
    );
  }
  facts.push("The sky above the horizon is a pale blue gradient; the camera does not move.", "There is nothing else on the floor.");
  return facts;
}

function driveFacts(sample: KnownSample, rng: Random): string[] {
  const passes = sceneEvents(sample.scene, sample.take).slice(1);
  const lead = isClip(sample)
    ? rng.pick([
        "A forward-facing camera on a car driving straight along an empty two-lane country road.",
        "The view from a car's front camera as it drives down a straight, empty country road.",
      ])
    : "A forward-facing camera view of a straight, empty two-lane country road.";
  const facts = [lead, "White centre dashes run down the middle of the grey road to the horizon, with trees on both sides."];
  if (isClip(sample) && passes.length > 0) {
    facts.push(
      `A pair of roadside trees passes the camera ${passes.length} times, about every ${(SECONDS / (passes.length + 1)).toFixed(2)} s.`,
    );
  }
  facts.push("There are no other vehicles, pedestrians or signs; green hills lie under a grey-blue sky.");
  return facts;
}

/** A description of the sample, most important sentence first. */
export function sceneFacts(sample: KnownSample, rng: Random): string[] {
  const facts =
    sample.scene === "robot-arm"
      ? armFacts(sample, rng)
      : sample.scene === "rolling-ball"
        ? ballFacts(sample, rng)
        : driveFacts(sample, rng);
  const format = isClip(sample) ? `The clip is ${SECONDS} s long at ${FPS} fps, ${WIDTH}×${HEIGHT}.` : `The image is ${WIDTH}×${HEIGHT}.`;
  const label = `A caption in the top-left corner reads “${isClip(sample) ? CLIP_LABEL : STILL_LABEL}”.`;
  return [...facts, format, label];
}

/** The next immediate action an embodied agent would take, from the last moment the model sees. */
export function nextAction(sample: KnownSample): string {
  const clip = isClip(sample);
  if (sample.scene === "robot-arm") {
    return clip
      ? "The cube is already on the blue mat and the arm is back in its starting pose, so the pick-and-place is done: the next action is to wait for a new task, or pick the cube up again from the mat."
      : "Lower the open gripper onto the red cube on the table, then close it to grasp the cube.";
  }
  if (sample.scene === "rolling-ball") {
    return clip
      ? "The ball has rolled out of view; nothing needs doing unless it must be fetched from beyond the edge of the frame."
      : "The ball will land and bounce again, lower, while it keeps rolling; stay clear of its path or catch it after the bounce.";
  }
  return "Keep the lane and continue straight at the same speed: the road ahead is clear of vehicles and people.";
}

/** What a driving prompt asks: the objects critical for safe navigation. */
export function criticalObjects(sample: KnownSample): string {
  if (sample.scene === "driving") {
    return "No critical objects: no vehicles, pedestrians, cyclists or signs are in view; only the lane markings and the trees at the roadside matter for keeping the lane.";
  }
  return "This is not a driving scene: no road or vehicle camera is in view.";
}
