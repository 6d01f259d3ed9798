// What each world-generation family accepts (docs/nim-protocols.md §2–3). Pure data, shared by the
// browser and the server so the Generate form and the request builder never disagree.

export const GENERATION_FAMILY_IDS = ["cosmos-predict", "cosmos3-wfm", "vllm-omni"] as const;
export type GenerationFamily = (typeof GENERATION_FAMILY_IDS)[number];

export const GENERATION_MODES = ["text2world", "image2world", "video2world", "text2image"] as const;
export type GenerationMode = (typeof GENERATION_MODES)[number];

export const RESOLUTION_TIERS = ["256p", "480p", "720p"] as const;
export type ResolutionTier = (typeof RESOLUTION_TIERS)[number];

export const ASPECT_RATIOS = ["16:9", "4:3", "1:1", "3:4", "9:16"] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

export interface NumberRange {
  min: number;
  max: number;
}

export interface GenerationFamilyInfo {
  label: string;
  /** The backend kind that serves this family. */
  kind: "predict" | "omni";
  modes: readonly GenerationMode[];
  /** "pixels": width and height (multiples of 8); "tier": a resolution tier and an aspect ratio. */
  sizing: "pixels" | "tier";
  defaults: {
    width?: number;
    height?: number;
    resolution?: ResolutionTier;
    aspect?: AspectRatio;
    frames: number;
    fps: number;
    steps: number;
    guidanceScale: number;
    promptUpsampling?: boolean;
  };
  limits: {
    steps: NumberRange;
    guidanceScale: NumberRange;
    frames: NumberRange;
    fps: NumberRange;
    /** Only these fps, when the family has a fixed set. */
    fpsChoices?: readonly number[];
    /** Pixel families: each side. */
    side?: NumberRange;
    /** Cosmos3 WFM: frames must be 1 + 4k, at most this many per tier. */
    framesPerTier?: Record<ResolutionTier, number>;
  };
  /** Optional switches the family understands. */
  switches: { promptUpsampling: boolean; generateSound: boolean; guardrails: boolean };
  /** Seconds per unit of work (pixels × frames × steps) on one GPU before any run was measured. */
  secondsPerWorkUnit: number;
}

export const SEED_MAX = 4_294_967_295;

/** Output sizes of the resolution tiers (Cosmos3: 720p is 1280×720, 480p 832×480, 256p 320×192). */
export const TIER_SIZES: Record<ResolutionTier, Record<AspectRatio, { width: number; height: number }>> = {
  "720p": {
    "16:9": { width: 1280, height: 720 }, "4:3": { width: 960, height: 720 }, "1:1": { width: 720, height: 720 },
    "3:4": { width: 720, height: 960 }, "9:16": { width: 720, height: 1280 },
  },
  "480p": {
    "16:9": { width: 832, height: 480 }, "4:3": { width: 640, height: 480 }, "1:1": { width: 480, height: 480 },
    "3:4": { width: 480, height: 640 }, "9:16": { width: 480, height: 832 },
  },
  "256p": {
    "16:9": { width: 320, height: 192 }, "4:3": { width: 256, height: 192 }, "1:1": { width: 256, height: 256 },
    "3:4": { width: 192, height: 256 }, "9:16": { width: 192, height: 320 },
  },
};

export const GENERATION_FAMILIES: Record<GenerationFamily, GenerationFamilyInfo> = {
  "cosmos-predict": {
    label: "Cosmos Predict",
    kind: "predict",
    modes: ["text2world", "image2world", "video2world"],
    sizing: "pixels",
    defaults: { width: 1280, height: 704, frames: 121, fps: 24, steps: 50, guidanceScale: 7.5, promptUpsampling: true },
    limits: {
      steps: { min: 1, max: 100 },
      guidanceScale: { min: 1, max: 20 },
      frames: { min: 1, max: 1000 },
      fps: { min: 1, max: 60 },
      side: { min: 64, max: 4096 },
    },
    switches: { promptUpsampling: true, generateSound: false, guardrails: false },
    // "Several minutes" for 1280×704, 121 frames, 50 steps.
    secondsPerWorkUnit: 6e-8,
  },
  "cosmos3-wfm": {
    label: "Cosmos3 WFM",
    kind: "predict",
    modes: ["text2world", "image2world", "video2world", "text2image"],
    sizing: "tier",
    defaults: { resolution: "480p", aspect: "16:9", frames: 189, fps: 24, steps: 35, guidanceScale: 6 },
    limits: {
      steps: { min: 1, max: 100 },
      guidanceScale: { min: 1, max: 7 },
      frames: { min: 25, max: 397 },
      fps: { min: 1, max: 60 },
      framesPerTier: { "256p": 397, "480p": 297, "720p": 197 },
    },
    switches: { promptUpsampling: false, generateSound: false, guardrails: false },
    secondsPerWorkUnit: 3e-8,
  },
  "vllm-omni": {
    label: "Cosmos3 Generator (vLLM-Omni)",
    kind: "omni",
    modes: ["text2world", "image2world", "video2world", "text2image"],
    sizing: "tier",
    defaults: { resolution: "480p", aspect: "16:9", frames: 189, fps: 24, steps: 35, guidanceScale: 6 },
    limits: {
      steps: { min: 1, max: 100 },
      guidanceScale: { min: 1, max: 20 },
      frames: { min: 5, max: 300 },
      fps: { min: 10, max: 30 },
      fpsChoices: [10, 16, 24, 30],
    },
    switches: { promptUpsampling: false, generateSound: true, guardrails: true },
    // About 60 s for 480p, 189 frames, 35 steps on one H200.
    secondsPerWorkUnit: 3e-8,
  },
};

/** The family a backend of this kind has when its configuration names none. */
export function defaultGenerationFamily(kind: "predict" | "omni"): GenerationFamily {
  return kind === "omni" ? "vllm-omni" : "cosmos-predict";
}

export const MODE_LABELS: Record<GenerationMode, string> = {
  text2world: "text to world (video)",
  image2world: "image to world (video)",
  video2world: "video to world (video)",
  text2image: "text to image",
};

/** What kind of media a mode needs as input, if any. */
export function modeInput(mode: GenerationMode): "image" | "video" | null {
  return mode === "image2world" ? "image" : mode === "video2world" ? "video" : null;
}
