import {
  GENERATION_PROFILES,
  isActionMode,
  modeDefaults,
  modeInput,
  SEED_MAX,
  TIER_SIZES,
  worldModelDefaults,
  type AspectRatio,
  type ControlType,
  type GenerationMode,
  type GenerationProfile,
  type GenerationProfileInfo,
  type ResolutionTier,
} from "@/lib/backends/generation-families";
import { PlaygroundError } from "@/lib/core/errors";
import { MAX_PROMPT_CHARS } from "@/lib/generation/prompt-limits";
import { countWords, maxFrames, resolveGeneration } from "@/lib/generation/request";
import type { GenerationRequest } from "@/lib/generation/schema";
import { worldFields, type WorldDraft } from "@/lib/generation/world-form";

// The Generate form as it is edited: numbers stay the typed strings, and only values the backend's
// profile takes can be picked. validateDraft turns a draft into the POST /api/generations body, or
// into sentences per field; it runs the server's own check last, so nothing it lets through is refused.

export interface GenerateDraft extends WorldDraft {
  mode: GenerationMode;
  prompt: string;
  negativePrompt: string;
  /** Empty: the server picks one. */
  seed: string;
  steps: string;
  guidanceScale: string;
  /** Empty: the server's own default (profiles that take a flow shift). */
  flowShift: string;
  /** Pixel profiles (Cosmos Predict). */
  width: string;
  height: string;
  /** Tier profiles (Cosmos3). */
  resolution: ResolutionTier;
  aspect: AspectRatio;
  frames: string;
  fps: number;
  promptUpsampling: boolean;
  generateSound: boolean;
  guardrails: boolean;
  /** video2world: latent frame indexes, comma-separated; empty for the server's default. */
  conditionFrames: string;
  conditionKeep: "" | "first" | "last";
}

export type DraftField =
  | "prompt"
  | "negativePrompt"
  | "seed"
  | "steps"
  | "guidanceScale"
  | "flowShift"
  | "width"
  | "height"
  | "frames"
  | "conditionFrames"
  | "input"
  | "form"
  | "action"
  | "control"
  | "soundDuration"
  | "observation";
export type DraftErrors = Partial<Record<DraftField, string>>;

export interface InputChoice {
  mediaId: string;
  kind: "image" | "video";
}

export type DraftResult = { ok: true; request: GenerationRequest } | { ok: false; errors: DraftErrors };

export const BATCH_MIN = 2;
export const BATCH_MAX = 8;
const COMMON_FPS = [8, 10, 12, 16, 24, 25, 30, 60];

const sampling = (profile: GenerationProfile, mode: GenerationMode) => {
  const defaults = modeDefaults(GENERATION_PROFILES[profile], mode);
  return {
    steps: String(defaults.steps),
    guidanceScale: String(defaults.guidanceScale),
    flowShift: defaults.flowShift === undefined ? "" : String(defaults.flowShift),
  };
};

/** The profile's defaults; the prompt, negative prompt, seed and (when the profile offers it) the mode carry over. */
export function draftFor(profile: GenerationProfile, previous?: GenerateDraft): GenerateDraft {
  const { defaults, modes } = GENERATION_PROFILES[profile];
  const mode = previous && modes.includes(previous.mode) ? previous.mode : (modes[0] ?? "text2world");
  return {
    mode,
    prompt: previous?.prompt ?? "",
    negativePrompt: previous?.negativePrompt ?? "",
    seed: previous?.seed ?? "",
    ...sampling(profile, mode),
    width: String(defaults.width ?? 1280),
    height: String(defaults.height ?? 704),
    resolution: defaults.resolution ?? "480p",
    aspect: defaults.aspect ?? "16:9",
    frames: String(defaults.frames),
    fps: defaults.fps,
    promptUpsampling: defaults.promptUpsampling ?? false,
    generateSound: false,
    guardrails: false,
    conditionFrames: "",
    conditionKeep: "",
    actionDomain: previous?.actionDomain ?? "",
    actionText: previous?.actionText ?? "",
    controlType: previous?.controlType ?? ("edge" satisfies ControlType),
    soundDuration: "",
    observation: previous?.observation ?? false,
    jointPositions: previous?.jointPositions ?? "",
    gripperPosition: previous?.gripperPosition ?? "",
  };
}

/** A new mode; between video and image the sampling moves to that output's documented defaults. */
export function changeMode(profile: GenerationProfile, draft: GenerateDraft, mode: GenerationMode): GenerateDraft {
  const before = JSON.stringify(sampling(profile, draft.mode));
  const switchesSampling = before !== JSON.stringify(sampling(profile, mode));
  // Transfer has its own frames, rate and tier (121 at 30 fps, 720p); leaving it restores the profile's.
  const own = worldModelDefaults(mode);
  const { defaults } = GENERATION_PROFILES[profile];
  const clip = own?.frames
    ? { frames: String(own.frames), fps: own.fps ?? draft.fps, resolution: own.resolution ?? draft.resolution }
    : draft.mode === "transfer"
      ? { frames: String(defaults.frames), fps: defaults.fps, resolution: defaults.resolution ?? draft.resolution }
      : {};
  return { ...draft, mode, actionDomain: "", ...(switchesSampling ? sampling(profile, mode) : {}), ...clip };
}

/** A new tier; a frame count over its cap moves to the nearest one it takes, with a sentence saying so. */
export function changeResolution(
  profile: GenerationProfile,
  draft: GenerateDraft,
  resolution: ResolutionTier,
): { draft: GenerateDraft; notice: string | null } {
  const info = GENERATION_PROFILES[profile];
  const before = Number(draft.frames) || info.defaults.frames;
  const frames = snapFrames(info, resolution, before);
  const notice =
    frames === before
      ? null
      : `Frames changed from ${before} to ${frames}: ${info.label} takes at most ${maxFrames(info, resolution)} at ${resolution}.`;
  return { draft: { ...draft, resolution, frames: String(frames) }, notice };
}

/** The frame counts a 1 + 4k profile takes (up to the tier's cap); null when any count in the range is fine. */
export function frameChoices(info: GenerationProfileInfo, resolution: ResolutionTier): number[] | null {
  if (!info.limits.framesFourKPlusOne) return null;
  const choices: number[] = [];
  const first = Math.floor((info.limits.frames.min + 2) / 4) * 4 + 1;
  for (let frames = first; frames <= maxFrames(info, resolution); frames += 4) choices.push(frames);
  return choices;
}

/** The valid frame count nearest to `frames`, e.g. after a smaller tier lowered the cap. */
export function snapFrames(info: GenerationProfileInfo, resolution: ResolutionTier, frames: number): number {
  const choices = frameChoices(info, resolution);
  const { min, max } = info.limits.frames;
  if (!choices) return Math.min(max, Math.max(min, Math.round(frames)));
  return choices.reduce((best, value) => (Math.abs(value - frames) < Math.abs(best - frames) ? value : best), choices[0] ?? min);
}

/** The usual frame rates inside the profile's range (and its default). */
export function fpsChoices(info: GenerationProfileInfo): number[] {
  const { min, max } = info.limits.fps;
  return [...new Set([...COMMON_FPS, info.defaults.fps])].filter((fps) => fps >= min && fps <= max).sort((a, b) => a - b);
}

/** The output size in pixels the draft asks for, or null while width/height are not numbers. */
export function outputSize(info: GenerationProfileInfo, draft: GenerateDraft): { width: number; height: number } | null {
  if (info.sizing === "tier") return TIER_SIZES[draft.resolution][draft.aspect];
  const width = Number(draft.width);
  const height = Number(draft.height);
  return Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0 ? { width, height } : null;
}

export function randomSeed(): number {
  const value = new Uint32Array(1);
  crypto.getRandomValues(value);
  return value[0] ?? 0;
}

/** `count` distinct seeds: from `base` upwards when one is given, else random ones. */
export function batchSeeds(count: number, base: number | null, random: () => number = randomSeed): number[] {
  const seeds = new Set<number>();
  for (let i = 0; seeds.size < count && i < count * 10; i += 1) seeds.add(base === null ? random() : (base + i) % (SEED_MAX + 1));
  return [...seeds];
}

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
  const errors: DraftErrors = {};
  const prompt = draft.prompt.trim();
  const badPrompt = promptError(info, prompt);
  if (badPrompt) errors.prompt = badPrompt;
  if (draft.negativePrompt.length > MAX_PROMPT_CHARS)
    errors.negativePrompt = `Keep the negative prompt under ${MAX_PROMPT_CHARS} characters.`;

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
  const width = info.sizing === "pixels" ? sideError("Width", draft.width, info) : {};
  const height = info.sizing === "pixels" ? sideError("Height", draft.height, info) : {};
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

  const request: GenerationRequest = {
    backend: backendId,
    mode: draft.mode,
    prompt,
    ...(draft.negativePrompt.trim() ? { negativePrompt: draft.negativePrompt.trim() } : {}),
    ...(seed.value !== undefined ? { seed: seed.value } : {}),
    steps: steps.value,
    guidanceScale: guidance,
    ...(flowShift.value !== undefined ? { flowShift: flowShift.value } : {}),
    ...(info.sizing === "pixels" ? { width: width.value, height: height.value } : { resolution: draft.resolution, aspect: draft.aspect }),
    ...(isImage || action ? {} : { frames: frames.value, fps: draft.fps }),
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

/** "121 frames · 5.0 s" */
export function describeClip(frames: number, fps: number): string {
  return `${frames} frames · ${(frames / fps).toFixed(1)} s`;
}
