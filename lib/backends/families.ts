// What each model family accepts and recommends (docs/nim-protocols.md). Pure data, shared by
// the browser and the server so the UI and the request builder never disagree.

export const FAMILIES = ["cosmos-reason2", "cosmos-reason1", "cosmos3-reasoner", "nemotron-vl", "generic"] as const;
export type Family = (typeof FAMILIES)[number];

export const BACKEND_KINDS = ["chat", "predict", "omni"] as const;
export type BackendKind = (typeof BACKEND_KINDS)[number];

export interface SamplingParams {
  temperature: number;
  top_p: number;
  /** vLLM's own field: absent from a preset, it is sent only when the person sets it. */
  top_k?: number;
  max_tokens: number;
  seed?: number;
  /** vLLM's own field, like top_k. */
  repetition_penalty?: number;
  presence_penalty: number;
  frequency_penalty: number;
  stop: string[];
}

/**
 * How a family is told to reason: a suffix on the user prompt, a `/think` system message, the
 * reasoning format in the system message (Reason1's own scripts), or not at all.
 */
export type ReasoningSwitch = "prompt-suffix" | "system-think" | "system-prompt" | "none";

/** Pixel-count bounds of the Qwen processors: `size` edges (Qwen3-VL) or min/max_pixels (Qwen2.5-VL). */
export interface PixelDefaults {
  min: number;
  max: number;
}

export interface FamilyInfo {
  label: string;
  reasoningSwitch: ReasoningSwitch;
  /** Whether reasoning may be asked for when a video is attached. */
  reasoningWithVideo: boolean;
  /** Whether a fresh chat starts with reasoning on: the reasoning models yes, Nemotron no (its documented default). */
  reasoningByDefault: boolean;
  /** Per prompt, counted over every message of the request (vLLM's limit_mm_per_prompt). */
  maxImages: number;
  maxVideos: number;
  /** "fewer-wins": fps and num_frames may both be set and the fewer frames wins; "exclusive": one or the other. */
  videoSampling: "fewer-wins" | "exclusive";
  defaultFps: number;
  maxFrames?: number;
  /**
   * Which size knob the family's processor takes: `mm_processor_kwargs.size` edges, min/max_pixels,
   * or max_num_tiles; `pixels` bounds the family's two pixel fields when it has them.
   */
  sizeParams: "edges" | "pixels" | "tiles" | "none";
  pixels?: PixelDefaults;
  /** Reason1: the pixels a whole video may use (its vision config); sent as a per-frame max_pixels. */
  videoTotalPixels?: number;
  /** Nemotron: max_num_tiles from 1 to this (its default); a video is always one tile. */
  maxTiles?: number;
  presets: { reasoning: SamplingParams; plain: SamplingParams };
  /** Whether its server is documented to take OpenAI `tools` (docs/nim-protocols.md §1.7). */
  toolCalling: boolean;
}

export const REASONING_PROMPT_SUFFIX =
  "Answer the question in the following format: <think>\nyour reasoning\n</think>\n\n<answer>\nyour answer\n</answer>.";

/** Reason1's reasoning addon and language line, joined into the system message as its scripts do. */
export const REASON1_REASONING_SYSTEM_PROMPT =
  "Answer the question with provided options in the following format:\n<think>\nyour reasoning\n</think>\n\n<answer>\nyour answer\n</answer>.";
export const REASON1_ENGLISH_SYSTEM_PROMPT = "Always respond in English.";

// NIM defaults for `size` (Reason2 NIM page) and the Qwen2.5-VL processor's min/max_pixels.
const QWEN_PIXELS: PixelDefaults = { min: 3136, max: 12_845_056 };

const cosmosPresets = {
  reasoning: {
    temperature: 0.6,
    top_p: 0.95,
    top_k: 20,
    max_tokens: 4096,
    repetition_penalty: 1.0,
    presence_penalty: 0,
    frequency_penalty: 0,
    stop: [],
  },
  plain: {
    temperature: 0.7,
    top_p: 0.8,
    top_k: 20,
    max_tokens: 4096,
    repetition_penalty: 1.0,
    presence_penalty: 1.5,
    frequency_penalty: 0,
    stop: [],
  },
} satisfies FamilyInfo["presets"];

function withoutVllmFields({ top_k: _topK, repetition_penalty: _repetition, ...rest }: SamplingParams): SamplingParams {
  return rest;
}

export const FAMILY_INFO: Record<Family, FamilyInfo> = {
  "cosmos-reason2": {
    // Images per prompt are not documented for the Reason2 NIM: 5 is what the same NIM runtime
    // documents for the Cosmos3 Reasoner (NIM_MAX_IMAGES_PER_PROMPT).
    label: "Cosmos Reason2",
    reasoningSwitch: "prompt-suffix",
    reasoningWithVideo: true,
    reasoningByDefault: true,
    maxImages: 5,
    maxVideos: 1,
    videoSampling: "fewer-wins",
    defaultFps: 4,
    sizeParams: "edges",
    pixels: QWEN_PIXELS,
    presets: cosmosPresets,
    toolCalling: false,
  },
  "cosmos-reason1": {
    // Images per prompt: undocumented, the Reason2 choice above.
    label: "Cosmos Reason1",
    reasoningSwitch: "system-prompt",
    reasoningWithVideo: true,
    reasoningByDefault: true,
    maxImages: 5,
    maxVideos: 1,
    videoSampling: "fewer-wins",
    defaultFps: 4,
    sizeParams: "pixels",
    pixels: QWEN_PIXELS,
    videoTotalPixels: 6_422_528,
    presets: {
      reasoning: { ...cosmosPresets.reasoning, temperature: 0.01, seed: 42 },
      plain: { ...cosmosPresets.plain, temperature: 0.01, seed: 42 },
    },
    toolCalling: false,
  },
  "cosmos3-reasoner": {
    // Tools: the 2.x NIM parses Hermes-format calls into the same wire shape (NIM2 reasoning.md).
    label: "Cosmos3 Reasoner",
    reasoningSwitch: "prompt-suffix",
    reasoningWithVideo: true,
    reasoningByDefault: true,
    maxImages: 5,
    maxVideos: 1,
    videoSampling: "fewer-wins",
    defaultFps: 4,
    sizeParams: "edges",
    pixels: QWEN_PIXELS,
    presets: cosmosPresets,
    toolCalling: true,
  },
  "nemotron-vl": {
    label: "Nemotron Nano VL",
    reasoningSwitch: "system-think",
    reasoningWithVideo: false,
    reasoningByDefault: false,
    maxImages: 4,
    maxVideos: 1,
    videoSampling: "exclusive",
    defaultFps: 2,
    maxFrames: 128,
    sizeParams: "tiles",
    maxTiles: 12,
    presets: {
      reasoning: {
        temperature: 0.6,
        top_p: 0.95,
        top_k: 20,
        max_tokens: 4096,
        repetition_penalty: 1.0,
        presence_penalty: 0,
        frequency_penalty: 0,
        stop: [],
      },
      plain: {
        temperature: 0.2,
        top_p: 0.9,
        top_k: 20,
        max_tokens: 1024,
        repetition_penalty: 1.0,
        presence_penalty: 0,
        frequency_penalty: 0,
        stop: [],
      },
    },
    toolCalling: true,
  },
  generic: {
    label: "OpenAI-compatible",
    reasoningSwitch: "none",
    reasoningWithVideo: true,
    reasoningByDefault: false,
    maxImages: 8,
    maxVideos: 1,
    videoSampling: "fewer-wins",
    defaultFps: 2,
    sizeParams: "none",
    // An OpenAI-compatible server that is not vLLM may refuse vLLM's top_k and repetition_penalty.
    presets: {
      reasoning: withoutVllmFields(cosmosPresets.reasoning),
      plain: withoutVllmFields({ ...cosmosPresets.plain, presence_penalty: 0 }),
    },
    // Any vLLM started with --enable-auto-tool-choice and a tool-call parser, or another OpenAI server.
    toolCalling: true,
  },
};

/** Why reasoning cannot be asked for, or null when it can. The UI shows the sentence as is. */
export function reasoningUnavailableReason(family: Family, hasVideo: boolean): string | null {
  const info = FAMILY_INFO[family];
  if (info.reasoningSwitch === "none") {
    return "This backend has no reasoning switch. If the model writes <think> tags anyway, they are still split into the Think pane.";
  }
  if (hasVideo && !info.reasoningWithVideo) {
    return `${info.label} does not support reasoning with video input. Remove the video or turn reasoning off.`;
  }
  return null;
}
