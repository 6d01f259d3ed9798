// Task presets: the vendors' prompt templates (docs seeds: Cosmos Reason2 NIM docs for the critic
// and the 2D trajectory, the Cosmos 3 README for grounding and temporal captions), with the
// sampling each is recommended with and whether it asks for reasoning.

import { FAMILY_INFO, type Family, type SamplingParams } from "@/lib/backends/families";

export type PresetId =
  "trajectory" | "grounding" | "temporal" | "critic" | "caption" | "embodied" | "plausibility" | "situation" | "driving";

export interface PresetField {
  label: string;
  placeholder: string;
}

export interface PromptPreset {
  id: PresetId;
  label: string;
  description: string;
  expects: "image" | "video" | "image or video";
  /** The one value the template takes (the task, the object), or null. */
  field: PresetField | null;
  reasoning: boolean;
  /** Applied over the family's recommended values for `reasoning`. */
  sampling: Partial<SamplingParams>;
  /** Frames per second to sample a video at, when the preset says. */
  fps: number | null;
  /** The families whose documents give this task; others are not offered it. */
  families: readonly Family[];
}

// The Reason2 repository's task prompts serve Cosmos3 too (docs/nim-protocols.md §1.8); any
// OpenAI-compatible server may run either model. Nemotron's card documents captions and tools.
const REASONERS: readonly Family[] = ["cosmos-reason2", "cosmos3-reasoner", "generic"];
const EVERY_FAMILY: readonly Family[] = ["cosmos-reason2", "cosmos3-reasoner", "cosmos-reason1", "nemotron-vl", "generic"];

/**
 * The format block of the critic and trajectory templates. The request builder sees it and adds
 * no second format instruction, so these presets keep reasoning on without doubling it.
 */
export const THINK_BARE_FORMAT =
  "Answer the question using the following format:\n<think>\nYour reasoning.\n</think>\nWrite your final answer immediately after the </think> tag.";

export const PROMPT_PRESETS: readonly PromptPreset[] = [
  {
    id: "trajectory",
    label: "2D trajectory",
    description: "Points the end effector should follow, drawn on the image.",
    expects: "image",
    field: { label: "Task", placeholder: "Move the left bottle to far right" },
    reasoning: true,
    sampling: { temperature: 0.3, top_p: 0.3 },
    fps: null,
    families: REASONERS,
  },
  {
    id: "grounding",
    label: "2D grounding",
    description: "Bounding boxes of an object, drawn on the image.",
    expects: "image",
    field: { label: "Object", placeholder: "the red cup" },
    reasoning: true,
    sampling: {},
    fps: null,
    families: REASONERS,
  },
  {
    id: "temporal",
    label: "Temporal captions",
    description: "Events with start and end times; the times seek the video.",
    expects: "video",
    field: null,
    reasoning: true,
    sampling: {},
    fps: 4,
    families: [...REASONERS, "cosmos-reason1"],
  },
  {
    id: "critic",
    label: "SDG critic",
    description: "Approve or reject a generated video for a training set.",
    expects: "video",
    field: null,
    reasoning: true,
    sampling: { temperature: 0.3, top_p: 0.3 },
    fps: 4,
    families: REASONERS,
  },
  {
    id: "caption",
    label: "Caption",
    description: "A detailed description, without reasoning.",
    expects: "image or video",
    field: null,
    reasoning: false,
    sampling: {},
    fps: null,
    families: EVERY_FAMILY,
  },
  {
    id: "embodied",
    label: "Next action",
    description: "Embodied reasoning: what the robot or person should do next.",
    expects: "image or video",
    field: null,
    reasoning: true,
    sampling: {},
    fps: 4,
    families: REASONERS,
  },
  {
    id: "plausibility",
    label: "Physical plausibility",
    description: "Possible or impossible under normal physics, as a label.",
    expects: "video",
    field: null,
    reasoning: false,
    sampling: {},
    fps: 4,
    families: REASONERS,
  },
  {
    id: "situation",
    label: "Situation understanding",
    description: "What the person is doing with an object, and what comes next.",
    expects: "video",
    field: { label: "Object", placeholder: "the kettle" },
    reasoning: true,
    sampling: {},
    fps: 4,
    families: REASONERS,
  },
  {
    id: "driving",
    label: "Driving critical objects",
    description: "Step-by-step reasoning about what matters for safe navigation.",
    expects: "video",
    field: null,
    reasoning: true,
    sampling: {},
    fps: 4,
    families: REASONERS,
  },
];

/** The presets a family's documents give, in menu order. */
export function presetsFor(family: Family): PromptPreset[] {
  return PROMPT_PRESETS.filter((preset) => preset.families.includes(family));
}

/** The sentence asking for the preset's field while it is empty, else null: an example is never sent in its place. */
export function missingPresetField(preset: PromptPreset, value: string): string | null {
  return preset.field && value.trim() === ""
    ? `Enter the ${preset.field.label.toLowerCase()} for ${preset.label} above the message.`
    : null;
}

export function findPreset(id: PresetId): PromptPreset {
  const preset = PROMPT_PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`Unknown preset ${id}`);
  return preset;
}

/** Nemotron reasons through its /think system line, so a think-format block in the prompt would contradict it. */
const carriesOwnFormat = (family: Family): boolean => FAMILY_INFO[family].reasoningSwitch !== "system-think";

const quote = (text: string): string => text.replace(/["“”]/g, "'");

const CRITIC_QUESTION =
  "Approve or reject this generated video for inclusion in a dataset for physical world model AI training. " +
  "It must perfectly adhere to physics, object permanence, and have no anomalies. Any issue or concern causes rejection.";
const CRITIC_ANSWER = "Answer with Approve or Reject only.";

const PLAUSIBILITY_QUESTION =
  "Is this video physically plausible/possible according to your understanding of e.g. object permanence, shape constancy " +
  "(objects maintain shape over time), continuous trajectories of objects? Assume it is the normal laws of physics. Your answer " +
  "should be based on the events in the video and ignore the quality of the simulation engine. The rising wall is part of the " +
  "experiment setup and should not be judged for plausibility.\n(A) Possible\n(B) Impossible";
const DRIVING_QUESTION =
  "The video depicts the observation from the vehicle's camera. You need to think step by step and identify the objects in " +
  "the scene that are critical for safe navigation.";

/** The prompt text of a preset for a family; an empty field stays a visible blank, which Send asks to fill. */
export function presetPrompt(preset: PromptPreset, value: string, family: Family): string {
  const filled = value.trim() || `<${preset.field?.label.toLowerCase() ?? "value"}>`;
  const ownFormat = carriesOwnFormat(family);
  switch (preset.id) {
    case "trajectory": {
      const task =
        `You are given the task "${quote(filled)}". Specify the 2D trajectory your end effector should follow in pixel space. ` +
        'Return the trajectory coordinates in JSON format like this: {"point_2d": [x, y], "label": "gripper trajectory"}.';
      return ownFormat ? `${task}\n${THINK_BARE_FORMAT}` : task;
    }
    case "grounding":
      return `Locate the bounding box of ${filled} in the image. Return the coordinates in JSON format like this: [{"bbox_2d": [x1, y1, x2, y2], "label": "${quote(filled)}"}].`;
    case "temporal":
      return (
        "Describe the notable events in the provided video with their timestamps. Provide the result in JSON format with " +
        '"mm:ss.ff" format for time depiction for each event. Use keywords "start", "end" and "caption" in the JSON output.'
      );
    case "critic":
      return ownFormat ? `${CRITIC_QUESTION}\n${THINK_BARE_FORMAT} ${CRITIC_ANSWER}` : `${CRITIC_QUESTION}\n${CRITIC_ANSWER}`;
    case "caption":
      return "Describe this in detail: the scene, the objects and people in it, and what happens.";
    case "embodied":
      return ownFormat ? `What can be the next immediate action?\n${THINK_BARE_FORMAT}` : "What can be the next immediate action?";
    case "plausibility":
      return PLAUSIBILITY_QUESTION;
    case "situation":
      return `What is the person doing with the ${filled.replace(/^the\s+/i, "")}? What will the person likely do next in this situation?`;
    case "driving":
      return ownFormat ? `${DRIVING_QUESTION}\n${THINK_BARE_FORMAT}` : DRIVING_QUESTION;
  }
}

/** The sampling values a preset is sent with, complete (the family's recommendation under its overrides). */
export function presetSampling(preset: PromptPreset, family: Family): SamplingParams {
  const base = FAMILY_INFO[family].presets[preset.reasoning ? "reasoning" : "plain"];
  return { ...base, ...preset.sampling, stop: [...base.stop] };
}
