// The pieces the per-family token estimates (token-estimators.ts) share: Qwen's smart_resize, as
// HF transformers writes it for images (qwen2_vl image processor) and for whole clips (qwen3_vl
// video processor), frame sampling, and the standard sizes a downscale offers.

/** mm_processor_kwargs.size defaults (Reason2 NIM page): `shortest_edge` / `longest_edge` are pixel-count bounds. */
export const DEFAULT_MIN_PIXELS = 3136;
export const DEFAULT_MAX_PIXELS = 12_845_056;
const DEFAULT_SAMPLE_FPS = 4;
/** Above this many multimodal tokens answers get worse (NIM guidance: best ≤ 16k). */
export const TOKEN_BUDGET = 16_000;
const STANDARD_HEIGHTS = [1080, 720, 480, 360, 240] as const;

export interface PixelBounds {
  shortest_edge?: number;
  longest_edge?: number;
}

/** What an estimate assumes about the request: its sampling and size knobs. */
export interface VideoSampling extends PixelBounds {
  fps?: number;
  num_frames?: number;
  /** Nemotron's tile cap for images. */
  max_num_tiles?: number;
}

export interface FrameSize {
  width: number;
  height: number;
}

export interface VideoDims extends FrameSize {
  durationS: number;
  /** The video's own frame rate; sampling never yields more frames than the video has. */
  fps: number;
}

export const isPositive = (n: number) => Number.isFinite(n) && n > 0;

// Python's round() rounds halves to even, and the processors use it: 720/32 = 22.5 → 22, not 23.
function roundHalfEven(value: number): number {
  const rounded = Math.round(value);
  return Math.abs(value % 1) === 0.5 && rounded % 2 !== 0 ? rounded - 1 : rounded;
}

export interface ResizeRule {
  /** patch size × merge size: 32 for Qwen3-VL, 28 for Qwen2.5-VL. */
  factor: number;
  minPixels: number;
  maxPixels: number;
}

/** One image (or one frame) as the processor resizes it: sides multiples of `factor`, pixels within the bounds. */
export function smartResize({ width, height }: FrameSize, rule: ResizeRule): FrameSize {
  const { factor, minPixels, maxPixels } = rule;
  let h = roundHalfEven(height / factor) * factor;
  let w = roundHalfEven(width / factor) * factor;
  if (h * w > maxPixels) {
    const beta = Math.sqrt((height * width) / maxPixels);
    h = Math.max(factor, Math.floor(height / beta / factor) * factor);
    w = Math.max(factor, Math.floor(width / beta / factor) * factor);
  } else if (h * w < minPixels) {
    const beta = Math.sqrt(minPixels / (height * width));
    h = Math.ceil((height * beta) / factor) * factor;
    w = Math.ceil((width * beta) / factor) * factor;
  }
  return { width: Math.max(factor, w), height: Math.max(factor, h) };
}

/**
 * The frame size of a whole sampled clip (Qwen3-VL's video smart_resize): the bounds cap
 * frames × height × width, not each frame, so a longer clip gets smaller frames.
 */
export function smartResizeClip(frames: number, size: FrameSize, rule: ResizeRule, temporalFactor = 2): FrameSize {
  const { factor, minPixels, maxPixels } = rule;
  let { width, height } = size;
  if (height < factor || width < factor) {
    const scale = Math.max(factor / height, factor / width);
    height = Math.trunc(height * scale);
    width = Math.trunc(width * scale);
  }
  let h = roundHalfEven(height / factor) * factor;
  let w = roundHalfEven(width / factor) * factor;
  const t = roundHalfEven(frames / temporalFactor) * temporalFactor;
  if (t * h * w > maxPixels) {
    const beta = Math.sqrt((frames * height * width) / maxPixels);
    h = Math.max(factor, Math.floor(height / beta / factor) * factor);
    w = Math.max(factor, Math.floor(width / beta / factor) * factor);
  } else if (t * h * w < minPixels) {
    const beta = Math.sqrt(minPixels / (frames * height * width));
    h = Math.ceil((height * beta) / factor) * factor;
    w = Math.ceil((width * beta) / factor) * factor;
  }
  return { width: w, height: h };
}

/**
 * Frames the server samples: duration × fps (default 4), or num_frames; when both are set the
 * fewer wins; never more than the video has, nor more than `maxFrames`.
 */
export function sampledFrames(video: Pick<VideoDims, "durationS" | "fps">, sampling: VideoSampling = {}, maxFrames = Infinity): number {
  const own = isPositive(video.fps) ? Math.max(1, Math.round(video.durationS * video.fps)) : Infinity;
  const byFps =
    sampling.num_frames !== undefined && sampling.fps === undefined
      ? Infinity
      : Math.floor(video.durationS * (sampling.fps ?? DEFAULT_SAMPLE_FPS) + 1e-9);
  const frames = Math.min(own, byFps, sampling.num_frames ?? Infinity, maxFrames);
  return Number.isFinite(frames) ? Math.max(1, frames) : 1;
}

/** A family's way of counting the multimodal tokens of one image or video. */
export interface TokenEstimator {
  image(size: FrameSize, sampling?: VideoSampling): number;
  video(video: VideoDims, sampling?: VideoSampling): number;
}

export type DownscaleAdvice =
  | { action: "none"; tokens: number }
  | { action: "downscale"; width: number; height: number; tokens: number }
  /** Even the smallest standard size is over budget: lower fps / num_frames or trim the video. */
  | { action: "fewer-frames"; tokens: number };

/**
 * The largest standard size (1080p … 240p, measured on the short side) that brings the estimate
 * to the budget or under it. Width and height keep the aspect ratio and stay even (for H.264).
 */
export function suggestDownscale(
  estimator: TokenEstimator,
  media: FrameSize | VideoDims,
  sampling: VideoSampling = {},
  budget: number = TOKEN_BUDGET,
): DownscaleAdvice {
  const estimate = (size: FrameSize) =>
    "durationS" in media ? estimator.video({ ...media, ...size }, sampling) : estimator.image(size, sampling);
  const tokens = estimate(media);
  if (tokens <= budget) return { action: "none", tokens };
  const shortSide = Math.min(media.width, media.height);
  let smallest = tokens;
  for (const target of STANDARD_HEIGHTS) {
    if (target >= shortSide) continue;
    const scale = target / shortSide;
    const even = (n: number) => Math.max(2, Math.round((n * scale) / 2) * 2);
    const size = { width: even(media.width), height: even(media.height) };
    const scaled = estimate(size);
    if (scaled <= budget) return { action: "downscale", ...size, tokens: scaled };
    smallest = scaled;
  }
  return { action: "fewer-frames", tokens: smallest };
}
