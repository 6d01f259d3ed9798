// The task presets' definitions: what each task is, what it expects, the sampling it is recommended
// with and the families whose documents give it (docs/nim-protocols.md §1.6–1.8). Their prompt
// templates are in presets.ts.

import type { Family, SamplingParams } from "@/lib/backends/families";

export type PresetId =
  | "trajectory"
  | "driving-trajectory"
  | "grounding"
  | "describe"
  | "temporal"
  | "temporal-seconds"
  | "temporal-query"
  | "critic"
  | "reason1-critic"
  | "caption"
  | "embodied"
  | "common-sense"
  | "plausibility"
  | "situation"
  | "driving"
  | "image-reasoning"
  | "video-summary"
  | "video-objects";

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
  /** A system prompt the task is documented with (Reason1's critic), set when the preset is chosen. */
  system?: string;
  /** The subjects are marked on the image (describe anything): Send waits for the marks. */
  marks?: boolean;
}

// The Reason2 repository's task prompts serve Cosmos3 too (docs/nim-protocols.md §1.8); any
// OpenAI-compatible server may run either model. Nemotron's card (seed 001) documents questions
// about an image (with /think), about a video (no reasoning), captions and tools.
const REASONERS: readonly Family[] = ["cosmos-reason2", "cosmos3-reasoner", "generic"];
const EVERY_FAMILY: readonly Family[] = ["cosmos-reason2", "cosmos3-reasoner", "cosmos-reason1", "nemotron-vl", "generic"];
const NEMOTRON: readonly Family[] = ["nemotron-vl"];

/** Reason1's video critic system prompt (cosmos-reason1 prompts/video_critic.yaml): components, then Yes or No. */
export const REASON1_CRITIC_SYSTEM =
  "You are a helpful video analyzer. The goal is to identify artifacts and anomalies in the video.\n" +
  "Analyze the video carefully and answer the question according to the following template:\n\n" +
  "<think>\n<overview>\n[Brief description of the video.]\n</overview>\n\n" +
  '<component name="Component 1 Name">\n<analysis>\n[Analysis or reasoning about this component.]\n</analysis>\n<anomaly>Yes | No</anomaly>\n</component>\n\n' +
  '<component name="Component 2 Name">\n<analysis>\n[Analysis or reasoning about this component.]\n</analysis>\n<anomaly>Yes | No</anomaly>\n</component>\n\n' +
  "<!-- Add more components as needed -->\n</think>\n\n" +
  '<answer>\n[Whether the video contains anomalies or artifacts. Answer "Yes" or "No".]\n</answer>';

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
    id: "driving-trajectory",
    label: "Driving trajectory",
    description: "The vehicle's next action and the path ahead, drawn on the frame.",
    expects: "image or video",
    field: null,
    reasoning: true,
    sampling: { temperature: 0.3, top_p: 0.3 },
    fps: 4,
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
    id: "describe",
    label: "Describe anything",
    description: "Mark subjects on the image; each numbered mark is described.",
    expects: "image",
    field: null,
    reasoning: false,
    sampling: {},
    fps: null,
    families: REASONERS,
    marks: true,
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
    id: "temporal-seconds",
    label: "Action segments",
    description: "Every action segment, timed in seconds, marked on the timeline.",
    expects: "video",
    field: null,
    reasoning: false,
    sampling: {},
    fps: 4,
    families: REASONERS,
  },
  {
    id: "temporal-query",
    label: "Find an event",
    description: "When a described event happens; the time seeks the video.",
    expects: "video",
    field: { label: "Event", placeholder: "A man carries a box down the hallway" },
    reasoning: false,
    sampling: {},
    fps: 4,
    families: REASONERS,
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
    id: "reason1-critic",
    label: "Video critic",
    description: "Anomalies and artifacts per component; Yes (anomalies) rejects.",
    expects: "video",
    field: null,
    reasoning: true,
    sampling: {},
    fps: 4,
    families: ["cosmos-reason1"],
    system: REASON1_CRITIC_SYSTEM,
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
    id: "common-sense",
    label: "Common-sense reasoning",
    description: "A question about what is physically sensible, reasoned step by step.",
    expects: "image or video",
    field: { label: "Question", placeholder: "Can the countertop support the weight of the juicers?" },
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
  {
    id: "image-reasoning",
    label: "Reason about an image",
    description: "What is in the image, thought through first (/think).",
    expects: "image",
    field: null,
    reasoning: true,
    sampling: {},
    fps: null,
    families: NEMOTRON,
  },
  {
    id: "video-summary",
    label: "What happens in a video",
    description: "The events of a video, without reasoning (none with video).",
    expects: "video",
    field: null,
    reasoning: false,
    sampling: {},
    fps: 2,
    families: NEMOTRON,
  },
  {
    id: "video-objects",
    label: "Main objects in a video",
    description: "The main objects of a video, described.",
    expects: "video",
    field: null,
    reasoning: false,
    sampling: {},
    fps: 2,
    families: NEMOTRON,
  },
];
