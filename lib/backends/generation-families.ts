// What each world-generation server accepts (docs/nim-protocols.md §2–3). Pure data, shared by the
// browser and the server so the Generate form and the request builder never disagree. A family is
// what a configuration names; a profile is one contract the server speaks (the Cosmos3 NIM has two).

export const GENERATION_FAMILY_IDS = ["cosmos-predict", "cosmos3-wfm", "vllm-omni"] as const;
export type GenerationFamily = (typeof GENERATION_FAMILY_IDS)[number];

/** The two `/v1/infer` contracts of the Cosmos3 generator NIM: the released 1.0.0 and the Certified NIM 2.x. */
export const GENERATOR_CONTRACTS = ["1.0.0", "2.x"] as const;
export type GeneratorContract = (typeof GENERATOR_CONTRACTS)[number];

export const GENERATION_PROFILE_IDS = ["cosmos-predict", "cosmos3-nim-1.0.0", "cosmos3-nim-2.x", "vllm-omni"] as const;
export type GenerationProfile = (typeof GENERATION_PROFILE_IDS)[number];

export const GENERATION_MODES = [
  "text2world",
  "image2world",
  "video2world",
  "text2image",
  "forward_dynamics",
  "policy",
  "inverse_dynamics",
  "transfer",
] as const;
export type GenerationMode = (typeof GENERATION_MODES)[number];

/** The world-model modes that work with robot actions. */
const ACTION_MODES = ["forward_dynamics", "policy", "inverse_dynamics"] as const;
export type ActionMode = (typeof ACTION_MODES)[number];
export const isActionMode = (mode: GenerationMode): mode is ActionMode => (ACTION_MODES as readonly string[]).includes(mode);

/** Transfer controls a person can upload (§3.6; WSM is left out: it needs its own checkpoint). */
export const CONTROL_TYPES = ["edge", "blur", "depth", "seg"] as const;
export type ControlType = (typeof CONTROL_TYPES)[number];

export const RESOLUTION_TIERS = ["256p", "480p", "720p"] as const;
export type ResolutionTier = (typeof RESOLUTION_TIERS)[number];

export const ASPECT_RATIOS = ["16:9", "4:3", "1:1", "3:4", "9:16"] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

export interface NumberRange {
  min: number;
  /** Infinity when the server sets no upper bound. */
  max: number;
}

interface SamplingDefaults {
  steps: number;
  guidanceScale: number;
  /** Absent: the profile takes no flow shift, or leaves it to the server. */
  flowShift?: number;
}

export interface GenerationProfileInfo {
  label: string;
  /** The backend kind that serves this profile. */
  kind: "predict" | "omni";
  /** The modes the playground builds for it. */
  modes: readonly GenerationMode[];
  /** Every mode the server itself serves, in its own words (world-model modes included). */
  serverModes: readonly string[];
  /** "pixels": width and height (multiples of 8); "tier": a resolution tier and an aspect ratio. */
  sizing: "pixels" | "tier";
  defaults: SamplingDefaults & {
    width?: number;
    height?: number;
    resolution?: ResolutionTier;
    aspect?: AspectRatio;
    frames: number;
    fps: number;
    promptUpsampling?: boolean;
  };
  /** What differs for text to image. */
  imageDefaults?: Partial<SamplingDefaults>;
  limits: {
    steps: NumberRange;
    guidanceScale: NumberRange;
    frames: NumberRange;
    fps: NumberRange;
    /** fps must be a whole number. */
    fpsInteger?: boolean;
    /** Pixel profiles: each side. */
    side?: NumberRange;
    /** Frames must be 1 + 4k (the VAE's temporal factor is 4). */
    framesFourKPlusOne?: boolean;
    /** At most this many frames per tier. */
    framesPerTier?: Record<ResolutionTier, number>;
    /** The prompt's length limit, in words. */
    promptWords?: number;
  };
  /** Optional fields the profile understands. */
  switches: { promptUpsampling: boolean; generateSound: boolean; guardrails: boolean };
  /** It takes `flow_shift`. */
  flowShift: boolean;
  /** video2world takes the latent frames to condition on and which end of the clip to keep. */
  videoConditioning: boolean;
  /** Seconds per unit of work (pixels × frames × steps) on one GPU before any run was measured. */
  secondsPerWorkUnit: number;
}

export const SEED_MAX = 4_294_967_295;

/** Cosmos3's resolution buckets, width × height (§3.3; vLLM-Omni cosmos3/resolution.py, NIM 2.x). */
export const TIER_SIZES: Record<ResolutionTier, Record<AspectRatio, { width: number; height: number }>> = {
  "720p": {
    "16:9": { width: 1280, height: 720 },
    "4:3": { width: 1104, height: 832 },
    "1:1": { width: 960, height: 960 },
    "3:4": { width: 832, height: 1104 },
    "9:16": { width: 720, height: 1280 },
  },
  "480p": {
    "16:9": { width: 832, height: 480 },
    "4:3": { width: 736, height: 544 },
    "1:1": { width: 640, height: 640 },
    "3:4": { width: 544, height: 736 },
    "9:16": { width: 480, height: 832 },
  },
  "256p": {
    "16:9": { width: 320, height: 192 },
    "4:3": { width: 320, height: 256 },
    "1:1": { width: 256, height: 256 },
    "3:4": { width: 256, height: 320 },
    "9:16": { width: 192, height: 320 },
  },
};

const WORLD_MODEL_MODES = ["forward_dynamics", "policy", "inverse_dynamics", "transfer"] as const;
const NIM_FRAME_CAPS: Record<ResolutionTier, number> = { "256p": 397, "480p": 297, "720p": 197 };
const NO_SWITCHES = { promptUpsampling: false, generateSound: false, guardrails: false };

const cosmos3Nim = {
  kind: "predict",
  sizing: "tier",
  defaults: { resolution: "480p", aspect: "16:9", frames: 189, fps: 24, steps: 35, guidanceScale: 6 },
  limits: {
    steps: { min: 1, max: 100 },
    guidanceScale: { min: 1, max: 7 },
    frames: { min: 25, max: 397 },
    fps: { min: 1, max: 60 },
    framesFourKPlusOne: true,
    framesPerTier: NIM_FRAME_CAPS,
  },
  switches: NO_SWITCHES,
  secondsPerWorkUnit: 3e-8,
} as const;

export const GENERATION_PROFILES: Record<GenerationProfile, GenerationProfileInfo> = {
  "cosmos-predict": {
    label: "Cosmos Predict",
    kind: "predict",
    modes: ["text2world", "image2world", "video2world"],
    serverModes: ["Text2World", "Image2World", "Video2World"],
    sizing: "pixels",
    defaults: { width: 1280, height: 704, frames: 121, fps: 24, steps: 50, guidanceScale: 7.5, promptUpsampling: true },
    limits: {
      steps: { min: 1, max: 100 },
      guidanceScale: { min: 1, max: 20 },
      frames: { min: 1, max: 1000 },
      fps: { min: 1, max: 60 },
      fpsInteger: true,
      side: { min: 64, max: 4096 },
      promptWords: 250,
    },
    switches: { ...NO_SWITCHES, promptUpsampling: true },
    flowShift: false,
    videoConditioning: false,
    // "Several minutes" for 1280×704, 121 frames, 50 steps.
    secondsPerWorkUnit: 6e-8,
  },
  "cosmos3-nim-1.0.0": {
    ...cosmos3Nim,
    label: "Cosmos3 Generator NIM 1.0.0",
    // No mode field: an image makes it image-to-video.
    modes: ["text2world", "image2world"],
    serverModes: ["text2video", "image2video"],
    flowShift: false,
    videoConditioning: false,
  },
  "cosmos3-nim-2.x": {
    ...cosmos3Nim,
    label: "Cosmos3 NIM 2.x",
    modes: ["text2world", "image2world", "video2world", "text2image", ...WORLD_MODEL_MODES],
    serverModes: ["text2image", "text2video", "image2video", "video2video", "forward_dynamics", "policy", "inverse_dynamics", "transfer"],
    // The server's text-to-image defaults; its video flow shift is left to the server (undocumented).
    imageDefaults: { steps: 50, guidanceScale: 4, flowShift: 3 },
    flowShift: true,
    videoConditioning: true,
  },
  "vllm-omni": {
    label: "Cosmos3 Generator (vLLM-Omni)",
    kind: "omni",
    modes: ["text2world", "image2world", "video2world", "text2image", ...WORLD_MODEL_MODES],
    serverModes: [
      "text2image",
      "text2video",
      "image2video",
      "video2video",
      "sound",
      "forward_dynamics",
      "policy",
      "inverse_dynamics",
      "transfer",
    ],
    sizing: "tier",
    defaults: { resolution: "480p", aspect: "16:9", frames: 189, fps: 24, steps: 35, guidanceScale: 6, flowShift: 10 },
    imageDefaults: { steps: 50, guidanceScale: 7, flowShift: 3 },
    limits: {
      steps: { min: 1, max: 200 },
      guidanceScale: { min: 0, max: 20 },
      frames: { min: 5, max: 297 },
      fps: { min: 1, max: Number.POSITIVE_INFINITY },
      fpsInteger: true,
      framesFourKPlusOne: true,
    },
    switches: { promptUpsampling: false, generateSound: true, guardrails: true },
    flowShift: true,
    videoConditioning: true,
    // About 60 s for 480p, 189 frames, 35 steps on one H200.
    secondsPerWorkUnit: 3e-8,
  },
};

/** Family-level facts, for the configuration. */
export const GENERATION_FAMILIES: Record<GenerationFamily, { label: string; kind: "predict" | "omni" }> = {
  "cosmos-predict": { label: "Cosmos Predict", kind: "predict" },
  "cosmos3-wfm": { label: "Cosmos3 generator NIM", kind: "predict" },
  "vllm-omni": { label: "Cosmos3 Generator (vLLM-Omni)", kind: "omni" },
};

/** The family a backend of this kind has when its configuration names none. */
export function defaultGenerationFamily(kind: "predict" | "omni"): GenerationFamily {
  return kind === "omni" ? "vllm-omni" : "cosmos-predict";
}

/** The profile a family speaks; the Cosmos3 NIM falls back to the released 1.0.0 when its contract is not known. */
export function generationProfile(family: GenerationFamily, contract?: GeneratorContract | null): GenerationProfile {
  if (family === "cosmos3-wfm") return contract === "2.x" ? "cosmos3-nim-2.x" : "cosmos3-nim-1.0.0";
  return family;
}

export const MODE_LABELS: Record<GenerationMode, string> = {
  text2world: "text to world (video)",
  image2world: "image to world (video)",
  video2world: "video to world (video)",
  text2image: "text to image",
  forward_dynamics: "forward dynamics (actions to video)",
  policy: "action policy",
  inverse_dynamics: "inverse dynamics (video to actions)",
  transfer: "transfer (control video to video)",
};

/** What kind of media a mode needs as input, if any (transfer's input video is optional). */
export function modeInput(mode: GenerationMode): "image" | "video" | null {
  if (mode === "image2world" || mode === "forward_dynamics" || mode === "policy") return "image";
  return mode === "video2world" || mode === "inverse_dynamics" || mode === "transfer" ? "video" : null;
}

/** The documented defaults of the world-model modes (§3.4 table: CB action and transfer notebooks). */
const WORLD_MODEL_DEFAULTS: Partial<
  Record<GenerationMode, SamplingDefaults & { frames?: number; fps?: number; resolution?: ResolutionTier }>
> = {
  forward_dynamics: { steps: 30, guidanceScale: 1, flowShift: 10 },
  inverse_dynamics: { steps: 30, guidanceScale: 1, flowShift: 10 },
  policy: { steps: 30, guidanceScale: 1, flowShift: 5 },
  transfer: { steps: 50, guidanceScale: 3, flowShift: 10, frames: 121, fps: 30, resolution: "720p" },
};

/** Frames, fps and tier a world-model mode defaults to, where it has its own. */
export const worldModelDefaults = (mode: GenerationMode) => WORLD_MODEL_DEFAULTS[mode];

/** The sampling defaults of a mode: text to image and the world-model modes have their own. */
export function modeDefaults(info: GenerationProfileInfo, mode: GenerationMode): SamplingDefaults {
  const { steps, guidanceScale, flowShift } = info.defaults;
  const base = { steps, guidanceScale, ...(flowShift === undefined ? {} : { flowShift }) };
  const own = WORLD_MODEL_DEFAULTS[mode];
  if (own)
    return {
      steps: own.steps,
      guidanceScale: own.guidanceScale,
      ...(info.flowShift && own.flowShift !== undefined ? { flowShift: own.flowShift } : {}),
    };
  return mode === "text2image" && info.imageDefaults ? { ...base, ...info.imageDefaults } : base;
}
