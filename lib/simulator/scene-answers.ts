import { SIMULATED_LABEL, type AnswerFacts, type ComposedAnswer } from "@/lib/simulator/answer-facts";
import { fence } from "@/lib/simulator/json-fence";
import type { MarkedSample } from "@/lib/simulator/marked-sample";
import { describeMarks } from "@/lib/simulator/marked-subjects";
import type { PromptAnalysis } from "@/lib/simulator/prompts";
import type { Random } from "@/lib/simulator/random";
import type { KnownSample } from "@/lib/simulator/samples";
import { criticalObjects, momentOf, nextAction, sceneFacts } from "@/lib/simulator/scene-facts";
import { spaceName, toSpace, type Space } from "@/lib/simulator/space";
import { markedSubjects } from "@/lib/simulator/task-prompts";
import { formatTimestamp } from "@/lib/simulator/timestamps";
import { fillMedia, speak, type Voice } from "@/lib/simulator/voices";
import { sceneEvents, sceneObjects, sceneState, type SceneObject } from "@/scripts/sample-scenes.mjs";

// Answers about a bundled sample, from the scene data it was drawn from: boxes on the objects,
// paths along the real motion, timestamps of the real events, in the family's coordinates.

export interface SceneContext {
  sample: KnownSample;
  space: Space;
  voice: Voice;
  /** The model's size in billions: a smaller model places boxes a little less tightly. */
  sizeB: number;
  /** How the reply names the media, e.g. "the 640×360 image". */
  media: string;
  /** The sample arrived as a marked copy (describe anything): where its marks are. */
  marked?: MarkedSample | null;
}

const SCENE_NAMES = { "robot-arm": "robot arm", "rolling-ball": "rolling ball", driving: "driving" } as const;
const note = (context: SceneContext, what: string): string =>
  `Simulated ${what} for the bundled “${SCENE_NAMES[context.sample.scene]}” sample (${spaceName(context.space)}):`;

// Words a person may use for each object of the scenes.
const SYNONYMS: Record<string, readonly string[]> = {
  "red cube": ["cube", "block", "box", "red"],
  "blue mat": ["mat", "pad", "target", "blue", "goal"],
  gripper: ["gripper", "hand", "claw", "end effector", "fingers"],
  "robot arm": ["arm", "robot", "manipulator"],
  table: ["table", "desk"],
  "orange ball": ["ball", "sphere", "orange"],
  "checkered floor": ["floor", "ground", "tiles"],
  road: ["road", "street", "asphalt"],
  "lane markings": ["lane", "marking", "dash", "line"],
  trees: ["tree", "trees", "vegetation"],
};

const BACKGROUND = ["table", "checkered floor", "road", "trees"];

/** How well a phrase names an object: the longest of its words found in the phrase (0: not at all). */
function nameScore(phrase: string, object: SceneObject): number {
  const words = [object.label, ...(SYNONYMS[object.label] ?? [])];
  return Math.max(0, ...words.filter((word) => new RegExp(`\\b${word}`).test(phrase)).map((word) => word.length));
}

/** The object a phrase names best ("robot gripper" is the gripper, not the arm), or null. */
function matchObject(subject: string, objects: readonly SceneObject[]): SceneObject | null {
  const phrase = subject.toLowerCase();
  let best: SceneObject | null = null;
  let score = 0;
  for (const object of objects) {
    const own = nameScore(phrase, object);
    if (own > score) [best, score] = [object, own];
  }
  return best;
}

/** Grounding boxes each object asked for; pointing gives the centre of each. */
function grounding(analysis: PromptAnalysis, context: SceneContext, rng: Random, points = false): ComposedAnswer {
  const { sample, space } = context;
  const objects = sceneObjects(sample.scene, sample.take, momentOf(sample));
  // Each object asked for, labelled as the person named it; no subject at all means every object.
  const asked = analysis.subjects.length > 0 ? analysis.subjects : null;
  const pairs = asked
    ? asked.map((subject) => ({ subject, object: matchObject(subject, objects) }))
    : objects.filter((object) => !BACKGROUND.includes(object.label)).map((object) => ({ subject: object.label, object }));
  const found = pairs.flatMap(({ subject, object }) => (object ? [{ subject, object }] : []));
  const absent = pairs.filter((pair) => !pair.object).map((pair) => pair.subject);
  // Smaller models are a little looser: a few pixels at 2B, none to speak of at 8B and up.
  const slack = 8 / context.sizeB;
  const jitter = (): number => (rng.next() * 2 - 1) * slack;
  const boxes = found.map(({ subject, object }) => {
    const [x1, y1] = toSpace(space, object.box[0] + jitter(), object.box[1] + jitter());
    const [x2, y2] = toSpace(space, object.box[2] + jitter(), object.box[3] + jitter());
    if (points)
      return {
        point_2d: toSpace(space, (object.box[0] + object.box[2]) / 2 + jitter(), (object.box[1] + object.box[3]) / 2 + jitter()),
        label: subject,
      };
    return { bbox_2d: [x1, y1, x2, y2], label: subject };
  });
  const label = found.map((pair) => pair.subject).join(", ") || absent.join(", ") || "object";
  const missing = absent.length > 0 ? ` there is no ${absent.join(" and no ")} in this sample.` : "";
  const facts = points
    ? { points: boxes.length, label, ...(absent.length > 0 ? { absent } : {}) }
    : { boxes: boxes.length, label, ...(absent.length > 0 ? { absent } : {}) };
  const what = points ? "points" : "grounding";
  if (boxes.length === 0) return { text: `${note(context, what)}${missing}\n\`\`\`json\n[]\n\`\`\``, facts };
  const lead = missing ? `${note(context, what).slice(0, -1)};${missing}` : note(context, what);
  return { text: fence(lead, boxes), facts: { ...facts, observed: found.map((pair) => pair.object.label) } };
}

/** Pixel points along the motion the task is about, from the moment the model sees onwards. */
function motionPath(sample: KnownSample, count: number): { x: number; y: number }[] {
  const from = momentOf(sample);
  if (sample.scene === "driving") {
    return Array.from({ length: count }, (_, i) => ({ x: 320, y: 330 - (i * 130) / (count - 1) }));
  }
  const to = sample.scene === "robot-arm" ? 0.8 : 1;
  return Array.from({ length: count }, (_, i) => {
    const state = sceneState(sample.scene, sample.take, from + ((to - from) * i) / (count - 1));
    if (state.kind === "robot-arm") return { x: state.hand.x, y: state.hand.y + 30 };
    return state.kind === "rolling-ball" ? { x: state.x, y: state.y } : { x: 320, y: 300 };
  });
}

function trajectory(context: SceneContext): ComposedAnswer {
  const count = Math.max(4, Math.min(10, Math.round(context.voice.detail + 3)));
  const label = context.sample.scene === "robot-arm" ? "gripper trajectory" : context.sample.scene === "driving" ? "ego path" : "ball path";
  const points = motionPath(context.sample, count).map((point) => ({ point_2d: toSpace(context.space, point.x, point.y), label }));
  const start = points[0]?.point_2d;
  const end = points.at(-1)?.point_2d;
  return {
    text: fence(note(context, "trajectory"), points),
    facts: { points: points.length, ...(start && end ? { start, end } : {}) },
  };
}

/** The driving template: the ego path up the lane, or no path when the sample shows no road. */
function drivingPath(context: SceneContext): ComposedAnswer {
  if (context.sample.scene !== "driving") {
    return {
      text: `${note(context, "driving trajectory")} there is no road in this sample.\n\`\`\`json\n[]\n\`\`\``,
      facts: { points: 0 },
    };
  }
  const count = Math.max(5, Math.min(8, context.voice.detail + 3));
  const points = motionPath(context.sample, count).map((point) => ({
    point_2d: toSpace(context.space, point.x, point.y),
    label: "driving trajectory",
  }));
  const prose = `${SIMULATED_LABEL} I keep straight in my lane: the country road ahead is empty, with trees passing on both sides.`;
  const start = points[0]?.point_2d;
  const end = points.at(-1)?.point_2d;
  return {
    text: `${prose}\n\n${fence(note(context, "driving trajectory"), points)}`,
    facts: { points: points.length, observed: ["an empty country road with trees on both sides"], ...(start && end ? { start, end } : {}) },
  };
}

function temporal(context: SceneContext): ComposedAnswer {
  if (context.sample.kind === "still") {
    return {
      text: `${note(context, "events")} it is a single image, so nothing happens over time.\n\`\`\`json\n[]\n\`\`\``,
      facts: { events: 0 },
    };
  }
  const events = sceneEvents(context.sample.scene, context.sample.take)
    .slice(0, context.voice.detail + 2)
    .map((event) => ({ start: formatTimestamp(event.start), end: formatTimestamp(event.end), caption: event.caption }));
  return { text: fence(note(context, "events"), events), facts: { events: events.length, durationS: 3 } };
}

/** A marked copy's description says the marks are there; what they mark is describe anything's task. */
function withMarks(facts: string[], marked?: MarkedSample | null): string[] {
  const colours = marked?.regions.size ?? 0;
  if (colours === 0) return facts;
  const drawn = `Numbered marks in ${colours === 1 ? "one colour" : `${colours} colours`} are drawn over the picture.`;
  return [...facts.slice(0, 1), drawn, ...facts.slice(1)];
}

function described(analysis: PromptAnalysis, context: SceneContext, rng: Random): ComposedAnswer {
  const { sample, voice } = context;
  const facts: AnswerFacts = { observed: [sceneFacts(sample, rng)[0] ?? ""] };
  const footer = `\n\n_Answered from the scene data of the bundled “${SCENE_NAMES[sample.scene]}” sample._`;
  const say = (text: string): ComposedAnswer => ({ text: `${SIMULATED_LABEL} ${text}${footer}`, facts });
  if (/next immediate action|next action/i.test(analysis.question)) return say(nextAction(sample));
  if (/critical for safe navigation|autonomous vehicle/i.test(analysis.question)) return say(criticalObjects(sample));
  return say(speak(voice, fillMedia(rng.pick(voice.openings), context.media), withMarks(sceneFacts(sample, rng), context.marked), rng));
}

export function composeSceneAnswer(analysis: PromptAnalysis, context: SceneContext, rng: Random): ComposedAnswer | null {
  switch (analysis.kind) {
    case "grounding":
      return grounding(analysis, context, rng);
    case "pointing":
      return grounding(analysis, context, rng, true);
    case "trajectory":
      return trajectory(context);
    case "driving-trajectory":
      return drivingPath(context);
    case "temporal":
      return temporal(context);
    // The samples follow physics and have no artefacts.
    case "plausibility":
      return { text: "A", facts: { verdict: "A", observed: ["every object moves continuously and keeps its shape"] } };
    case "critic":
      return { text: "Approve", facts: { verdict: "Approve", observed: ["the motion is smooth and nothing appears or vanishes"] } };
    case "general":
      return described(analysis, context, rng);
    case "describe":
      return describeMarks(context.sample, context.marked ?? null, markedSubjects(analysis.question), context.voice);
    default:
      return null;
  }
}
