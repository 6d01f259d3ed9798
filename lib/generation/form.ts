import {
  GENERATION_PROFILES,
  modeDefaults,
  worldModelDefaults,
  type AspectRatio,
  type ControlType,
  type GenerationMode,
  type GenerationProfile,
  type ResolutionTier,
} from "@/lib/backends/generation-families";
import { snapFrames } from "@/lib/generation/form-choices";
import { DROID_POLICY_SAMPLING } from "@/lib/generation/observation";
import { maxFrames } from "@/lib/generation/request";
import type { GenerationRequest } from "@/lib/generation/schema";
import { sendsObservation, type WorldDraft } from "@/lib/generation/world-form";

// The Generate form as it is edited: numbers stay the typed strings, and only values the backend's
// profile takes can be picked (form-choices.ts). form-validate.ts turns a draft into the POST
// /api/generations body or sentences per field; form-fields.ts says which fields a mode sends.

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
  /** The size and clip fields the person set; the others are left to the server's defaults (and not "asked"). */
  asked: readonly ClipField[];
}

export const CLIP_FIELDS = ["width", "height", "resolution", "aspect", "frames", "fps"] as const;
export type ClipField = (typeof CLIP_FIELDS)[number];

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
    asked: [],
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
  // A clip the mode sets back to its defaults is no longer the person's.
  const asked =
    "frames" in clip ? draft.asked.filter((field) => field !== "frames" && field !== "fps" && field !== "resolution") : draft.asked;
  return { ...draft, mode, actionDomain: "", ...(switchesSampling ? sampling(profile, mode) : {}), ...clip, asked };
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

/**
 * `next` after one field changed; turning the NIM's DROID checkpoint on (the robot's state on the
 * DROID domain) moves the sampling to its own defaults, and turning it off back to the mode's.
 */
export function followCheckpoint(profile: GenerationProfile, before: GenerateDraft, next: GenerateDraft): GenerateDraft {
  if (profile !== "cosmos3-nim-2.x") return next;
  const droid = sendsObservation(profile, next);
  if (droid === sendsObservation(profile, before)) return next;
  if (!droid) return { ...next, ...sampling(profile, next.mode) };
  const { steps, guidanceScale, flowShift } = DROID_POLICY_SAMPLING;
  return { ...next, steps: String(steps), guidanceScale: String(guidanceScale), flowShift: String(flowShift) };
}

/** `draft` with `field` marked as set by the person, when it is a size or clip field. */
export function markAsked(draft: GenerateDraft, field: keyof GenerateDraft): GenerateDraft {
  const clip = CLIP_FIELDS.find((name) => name === field);
  return clip && !draft.asked.includes(clip) ? { ...draft, asked: [...draft.asked, clip] } : draft;
}
