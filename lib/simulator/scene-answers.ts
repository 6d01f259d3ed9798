import { SIMULATED_LABEL, type AnswerFacts, type ComposedAnswer } from "@/lib/simulator/answer-facts";
import { fence } from "@/lib/simulator/json-fence";
import type { PromptAnalysis } from "@/lib/simulator/prompts";
import type { Random } from "@/lib/simulator/random";
import type { KnownSample } from "@/lib/simulator/samples";
import { criticalObjects, momentOf, nextAction, sceneFacts } from "@/lib/simulator/scene-facts";
import { spaceName, toSpace, type Space } from "@/lib/simulator/space";
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

function matchObjects(subject: string | null, objects: readonly SceneObject[]): SceneObject[] {
  if (!subject) return objects.filter((object) => !["table", "checkered floor", "road", "trees"].includes(object.label));
  const words = subject.toLowerCase();
  return objects.filter((object) => (SYNONYMS[object.label] ?? [object.label]).some((word) => words.includes(word)));
}

function grounding(analysis: PromptAnalysis, context: SceneContext, rng: Random): ComposedAnswer {
  const { sample, space } = context;
  const objects = sceneObjects(sample.scene, sample.take, momentOf(sample));
  const found = matchObjects(analysis.subject, objects);
  // Smaller models are a little looser: a few pixels at 2B, none to speak of at 8B and up.
  const slack = 8 / context.sizeB;
  const jitter = (): number => (rng.next() * 2 - 1) * slack;
  const boxes = found.map((object) => {
    const [x1, y1] = toSpace(space, object.box[0] + jitter(), object.box[1] + jitter());
    const [x2, y2] = toSpace(space, object.box[2] + jitter(), object.box[3] + jitter());
    return { bbox_2d: [x1, y1, x2, y2], label: analysis.subject ?? object.label };
  });
  const label = analysis.subject ?? found[0]?.label ?? "object";
  if (boxes.length === 0) {
    return {
      text: `${note(context, "grounding")} there is no ${label} in this sample.\n\`\`\`json\n[]\n\`\`\``,
      facts: { boxes: 0, label },
    };
  }
  return { text: fence(note(context, "grounding"), boxes), facts: { boxes: boxes.length, label, observed: found.map((o) => o.label) } };
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

function described(analysis: PromptAnalysis, context: SceneContext, rng: Random): ComposedAnswer {
  const { sample, voice } = context;
  const facts: AnswerFacts = { observed: [sceneFacts(sample, rng)[0] ?? ""] };
  const footer = `\n\n_Answered from the scene data of the bundled “${SCENE_NAMES[sample.scene]}” sample._`;
  const say = (text: string): ComposedAnswer => ({ text: `${SIMULATED_LABEL} ${text}${footer}`, facts });
  if (/next immediate action|next action/i.test(analysis.question)) return say(nextAction(sample));
  if (/critical for safe navigation|autonomous vehicle/i.test(analysis.question)) return say(criticalObjects(sample));
  return say(speak(voice, fillMedia(rng.pick(voice.openings), context.media), sceneFacts(sample, rng), rng));
}

export function composeSceneAnswer(analysis: PromptAnalysis, context: SceneContext, rng: Random): ComposedAnswer | null {
  switch (analysis.kind) {
    case "grounding":
      return grounding(analysis, context, rng);
    case "trajectory":
      return trajectory(context);
    case "temporal":
      return temporal(context);
    // The samples follow physics and have no artefacts.
    case "plausibility":
      return { text: "A", facts: { verdict: "A", observed: ["every object moves continuously and keeps its shape"] } };
    case "critic":
      return { text: "Approve", facts: { verdict: "Approve", observed: ["the motion is smooth and nothing appears or vanishes"] } };
    case "general":
      return described(analysis, context, rng);
    default:
      return null;
  }
}
