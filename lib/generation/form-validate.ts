import {
  GENERATION_PROFILES,
  isActionMode,
  modeInput,
  SEED_MAX,
  type GenerationProfile,
  type GenerationProfileInfo,
} from "@/lib/backends/generation-families";
import { PlaygroundError } from "@/lib/core/errors";
import type { ClipField, DraftErrors, DraftResult, GenerateDraft, InputChoice } from "@/lib/generation/form";
import { formFields } from "@/lib/generation/form-fields";
import { MAX_PROMPT_CHARS } from "@/lib/generation/prompt-limits";
import { countWords, resolveGeneration } from "@/lib/generation/request";
import type { GenerationRequest } from "@/lib/generation/schema";
import { worldFields } from "@/lib/generation/world-form";

// A Generate draft as the POST /api/generations body, or what is wrong with it as a sentence per
// field; the server's own check runs last, so nothing this lets through is refused.

const isInteger = (text: string) => /^\d+$/.test(text.trim());

function integerIn(text: string, label: string, min: number, max: number): { value?: number; error?: string } {
  if (!isInteger(text)) return { error: `${label} must be a whole number from ${min} to ${max}.` };
  const value = Number(text);
  return value < min || value > max ? { error: `${label} ${value} is out of range: use ${min}–${max}.` } : { value };
}

function sideError(label: "Width" | "Height", text: string, info: GenerationProfileInfo): { value?: number; error?: string } {
  const side = info.limits.side ?? { min: 8, max: 8192 };
  const parsed = integerIn(text, label, side.min, side.max);
  if (parsed.error || parsed.value === undefined) return parsed;
  if (parsed.value % 8 === 0) return parsed;
  const below = Math.floor(parsed.value / 8) * 8;
  return { error: `${label} ${parsed.value} is not a multiple of 8 — try ${below} or ${below + 8}.` };
}

function promptError(info: GenerationProfileInfo, prompt: string): string | undefined {
  if (!prompt) return "Write a prompt.";
  if (prompt.length > MAX_PROMPT_CHARS) return `The prompt is ${prompt.length} characters; keep it under ${MAX_PROMPT_CHARS}.`;
  const limit = info.limits.promptWords;
  const words = countWords(prompt);
  return limit !== undefined && words > limit ? `The prompt has ${words} words; ${info.label} takes up to ${limit}.` : undefined;
}

function flowShiftOf(info: GenerationProfileInfo, text: string): { value?: number; error?: string } {
  if (!info.flowShift || text.trim() === "") return {};
  const value = Number(text);
  return Number.isFinite(value) && value > 0 && value <= 1000
    ? { value }
    : { error: "Flow shift must be a number above 0 (e.g. 3 or 10), or empty for the server's default." };
}

function conditionOf(text: string): { value?: number[]; error?: string } {
  if (text.trim() === "") return {};
  const parts = text.split(",").map((part) => part.trim());
  return parts.every(isInteger)
    ? { value: parts.map(Number) }
    : { error: "Latent frames are whole numbers separated by commas, e.g. 0, 1." };
}

/** The request body for a draft, or what is wrong with it, field by field. */
export function validateDraft(
  backendId: string,
  profile: GenerationProfile,
  draft: GenerateDraft,
  input: InputChoice | null,
  control: InputChoice | null = null,
): DraftResult {
  const info = GENERATION_PROFILES[profile];
  // A field the mode does not send is neither shown nor put in the request.
  const { shown } = formFields(profile, draft);
  const errors: DraftErrors = {};
  const prompt = draft.prompt.trim();
  const badPrompt = promptError(info, prompt);
  if (badPrompt) errors.prompt = badPrompt;
  const negativePrompt = shown.has("negativePrompt") ? draft.negativePrompt.trim() : "";
  if (negativePrompt.length > MAX_PROMPT_CHARS) errors.negativePrompt = `Keep the negative prompt under ${MAX_PROMPT_CHARS} characters.`;

  const seed = draft.seed.trim() === "" ? {} : integerIn(draft.seed, "Seed", 0, SEED_MAX);
  const steps = integerIn(draft.steps, "Steps", info.limits.steps.min, info.limits.steps.max);
  const guidance = Number(draft.guidanceScale);
  const { min: gMin, max: gMax } = info.limits.guidanceScale;
  if (draft.guidanceScale.trim() === "" || !Number.isFinite(guidance) || guidance < gMin || guidance > gMax) {
    errors.guidanceScale = `Guidance must be a number from ${gMin} to ${gMax}.`;
  }
  const flowShift = flowShiftOf(info, draft.flowShift);
  if (seed.error) errors.seed = seed.error;
  if (steps.error) errors.steps = steps.error;
  if (flowShift.error) errors.flowShift = flowShift.error;

  const isImage = draft.mode === "text2image";
  // The action modes take their length from the actions and their rate from the domain.
  const action = isActionMode(draft.mode);
  const frames = isImage || action ? {} : integerIn(draft.frames, "Frames", info.limits.frames.min, info.limits.frames.max);
  if (frames.error) errors.frames = frames.error;
  const pixels = info.sizing === "pixels" && shown.has("size");
  const width = pixels ? sideError("Width", draft.width, info) : {};
  const height = pixels ? sideError("Height", draft.height, info) : {};
  if (width.error) errors.width = width.error;
  if (height.error) errors.height = height.error;
  const conditioned = draft.mode === "video2world" && info.videoConditioning;
  const conditionFrames = conditioned ? conditionOf(draft.conditionFrames) : {};
  if (conditionFrames.error) errors.conditionFrames = conditionFrames.error;

  const world = worldFields(profile, draft, control);
  Object.assign(errors, world.errors);
  const needed = modeInput(draft.mode);
  if (needed && !input && draft.mode !== "transfer") errors.input = `Add an input ${needed}.`;
  else if (needed && input && input.kind !== needed)
    errors.input = `This mode needs ${needed === "image" ? "an image" : "a video"}, not ${input.kind === "image" ? "an image" : "a video"}.`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const asked = (fields: Partial<Record<ClipField, unknown>>) =>
    Object.fromEntries(Object.entries(fields).filter(([key]) => draft.asked.includes(key as ClipField)));
  const request: GenerationRequest = {
    backend: backendId,
    mode: draft.mode,
    prompt,
    ...(negativePrompt ? { negativePrompt } : {}),
    ...(seed.value !== undefined ? { seed: seed.value } : {}),
    steps: steps.value,
    guidanceScale: guidance,
    ...(flowShift.value !== undefined ? { flowShift: flowShift.value } : {}),
    // Only what the person set: the rest is the server's default, which the form shows.
    ...asked({
      ...(!shown.has("size")
        ? {}
        : pixels
          ? { width: width.value, height: height.value }
          : { resolution: draft.resolution, aspect: draft.aspect }),
      ...(isImage || action ? {} : { frames: frames.value, fps: draft.fps }),
    }),
    ...(info.switches.promptUpsampling ? { promptUpsampling: draft.promptUpsampling } : {}),
    ...world.fields,
    ...(info.switches.guardrails ? { guardrails: draft.guardrails } : {}),
    ...(conditionFrames.value ? { conditionFrameIndexes: conditionFrames.value } : {}),
    ...(conditioned && draft.conditionKeep ? { conditionVideoKeep: draft.conditionKeep } : {}),
    ...(needed && input ? { inputMediaId: input.mediaId } : {}),
  };
  // The server's own rules (frames per tier, 1 + 4k, …) as the last word before sending.
  try {
    const facts = (choice: InputChoice) => ({ kind: choice.kind, mime: "" });
    resolveGeneration(profile, request, {
      seed: 0,
      ...(needed && input ? { input: facts(input) } : {}),
      ...(control ? { control: facts(control) } : {}),
    });
  } catch (error) {
    if (error instanceof PlaygroundError) return { ok: false, errors: { form: error.message } };
    throw error;
  }
  return { ok: true, request };
}
