// Task presets' prompts: the vendors' templates (docs/nim-protocols.md §1.8: the Cosmos Reason2 NIM
// docs for the critic and the 2D trajectory, the Cosmos 3 README and prompt guide for grounding,
// temporal localization and its variants, describe anything, common sense; Nemotron's card).

import { FAMILY_INFO, type Family, type SamplingParams } from "@/lib/backends/families";
import { PROMPT_PRESETS, type PresetId, type PromptPreset } from "@/lib/chat/preset-list";

export { PROMPT_PRESETS, REASON1_CRITIC_SYSTEM, type PresetField, type PresetId, type PromptPreset } from "@/lib/chat/preset-list";

/**
 * The format block of the critic and trajectory templates. The request builder sees it and adds
 * no second format instruction, so these presets keep reasoning on without doubling it.
 */
export const THINK_BARE_FORMAT =
  "Answer the question using the following format:\n<think>\nYour reasoning.\n</think>\nWrite your final answer immediately after the </think> tag.";

/** The presets a family's documents give, in menu order. */
export function presetsFor(family: Family): PromptPreset[] {
  return PROMPT_PRESETS.filter((preset) => preset.families.includes(family));
}

/** The sentence asking for the preset's field while it is empty, else null: an example is never sent in its place. */
export function missingPresetField(preset: PromptPreset, value: string): string | null {
  if (preset.marks && markCount(value) === 0) return `Mark the subjects for ${preset.label}: Draw on the image, then Mark subjects.`;
  return preset.field && value.trim() === ""
    ? `Enter the ${preset.field.label.toLowerCase()} for ${preset.label} above the message.`
    : null;
}

/** A marks preset keeps how many subjects are numbered on the image as its value. */
export const markCount = (value: string): number => (/^\d{1,3}$/.test(value.trim()) ? Number(value.trim()) : 0);

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
const DESCRIBE_QUESTION =
  "Please caption the notable attributes in the provided image. List and describe all marked subjects in the image with their " +
  'categories and detailed captions using a json with keyword "subject_id", "category" and "caption".';
const SECONDS_QUESTION =
  "List all action segments in the video.\n\nProvide the result in json format with 'seconds' for time depiction for each event. " +
  "Use keywords 'start', 'end' and 'caption' in the json output. Please list multiple events if applicable.";
// The guide's driving next-action prompt, with the Action CoT's point format so the path can be drawn.
const DRIVING_PLAN_QUESTION =
  "You are an autonomous vehicle planning system. The video depicts the observation from the vehicle's camera. You need to observe " +
  "the critical objects in the environment and reason your next action and the driving trajectory ahead. " +
  'Return the trajectory coordinates in JSON format like this: {"point_2d": [x, y], "label": "driving trajectory"}.';
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
    case "driving-trajectory":
      return ownFormat ? `${DRIVING_PLAN_QUESTION}\n${THINK_BARE_FORMAT}` : DRIVING_PLAN_QUESTION;
    case "describe": {
      const count = markCount(value);
      const marks = count === 1 ? " The subject is marked with the number 1." : ` The subjects are marked with the numbers 1 to ${count}.`;
      return count > 0 ? `${DESCRIBE_QUESTION}${marks}` : DESCRIBE_QUESTION;
    }
    case "temporal-seconds":
      return SECONDS_QUESTION;
    case "temporal-query":
      return (
        `When is "${quote(filled)}" depicted in the video? Please provide the result in json format with 'mm:ss.ff' format for ` +
        "time depiction for the event. Use keywords 'start', 'end' in the json output."
      );
    case "reason1-critic":
      return "Does the video contain any anomalies or artifacts?";
    case "common-sense":
      return ownFormat ? `${filled}\n${THINK_BARE_FORMAT}` : filled;
    case "image-reasoning":
      return "What is in this image?";
    case "video-summary":
      return "What is happening in this video?";
    case "video-objects":
      return "Describe the main objects in this video.";
  }
}

/** The sampling values a preset is sent with, complete (the family's recommendation under its overrides). */
export function presetSampling(preset: PromptPreset, family: Family): SamplingParams {
  const base = FAMILY_INFO[family].presets[preset.reasoning ? "reasoning" : "plain"];
  return { ...base, ...preset.sampling, stop: [...base.stop] };
}
