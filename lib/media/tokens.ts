// Multimodal token estimates for the Qwen-VL based families (Cosmos Reason1/2, Cosmos3 Reasoner).
// Each frame is resized so min_pixels ≤ w×h ≤ max_pixels with both sides multiples of 32; an image
// costs w×h/(32×32) tokens, a video ⌈frames/2⌉×w×h/(32×32) — two frames share one 32×32×2 token.

export const PATCH = 32;
/** mm_processor_kwargs.size defaults: `shortest_edge` / `longest_edge` are pixel-count bounds. */
export const DEFAULT_MIN_PIXELS = 3136;
export const DEFAULT_MAX_PIXELS = 12_845_056;
export const DEFAULT_SAMPLE_FPS = 4;
/** Above this many multimodal tokens answers get worse (NIM guidance: best ≤ 16k). */
export const TOKEN_BUDGET = 16_000;
export const STANDARD_HEIGHTS = [1080, 720, 480, 360, 240] as const;

export interface PixelBounds {
  shortest_edge?: number;
  longest_edge?: number;
}

export interface VideoSampling extends PixelBounds {
  fps?: number;
  num_frames?: number;
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

// Python's round() rounds halves to even, and the processor uses it: 720/32 = 22.5 → 22, not 23.
function roundHalfEven(value: number): number {
  const rounded = Math.round(value);
  return Math.abs(value % 1) === 0.5 && rounded % 2 !== 0 ? rounded - 1 : rounded;
}

/** The frame size the processor feeds the model (Qwen's smart_resize with factor 32). */
export function resizedFrame({ width, height }: FrameSize, bounds: PixelBounds = {}): FrameSize {
  const minPixels = bounds.shortest_edge ?? DEFAULT_MIN_PIXELS;
  const maxPixels = bounds.longest_edge ?? DEFAULT_MAX_PIXELS;
  let h = Math.max(PATCH, roundHalfEven(height / PATCH) * PATCH);
  let w = Math.max(PATCH, roundHalfEven(width / PATCH) * PATCH);
  if (h * w > maxPixels) {
    const beta = Math.sqrt((height * width) / maxPixels);
    h = Math.max(PATCH, Math.floor(height / beta / PATCH) * PATCH);
    w = Math.max(PATCH, Math.floor(width / beta / PATCH) * PATCH);
  } else if (h * w < minPixels) {
    const beta = Math.sqrt(minPixels / (height * width));
    h = Math.ceil((height * beta) / PATCH) * PATCH;
    w = Math.ceil((width * beta) / PATCH) * PATCH;
  }
  return { width: w, height: h };
}

const valid = (n: number) => Number.isFinite(n) && n > 0;

export function estimateImageTokens(image: FrameSize, bounds: PixelBounds = {}): number {
  if (!valid(image.width) || !valid(image.height)) return 0;
  const frame = resizedFrame(image, bounds);
  return (frame.width / PATCH) * (frame.height / PATCH);
}

/** Frames the server samples: duration × fps, or num_frames; when both are set the fewer wins. */
export function sampledFrames(video: Pick<VideoDims, "durationS" | "fps">, sampling: VideoSampling = {}): number {
  const own = valid(video.fps) ? Math.max(1, Math.round(video.durationS * video.fps)) : Infinity;
  const byFps = sampling.num_frames !== undefined && sampling.fps === undefined
    ? Infinity
    : Math.floor(video.durationS * (sampling.fps ?? DEFAULT_SAMPLE_FPS) + 1e-9);
  const frames = Math.min(own, byFps, sampling.num_frames ?? Infinity);
  return Number.isFinite(frames) ? Math.max(1, frames) : 1;
}

export function estimateVideoTokens(video: VideoDims, sampling: VideoSampling = {}): number {
  if (!valid(video.width) || !valid(video.height) || !valid(video.durationS)) return 0;
  const frame = resizedFrame(video, sampling);
  const temporalPatches = Math.ceil(sampledFrames(video, sampling) / 2);
  return temporalPatches * (frame.width / PATCH) * (frame.height / PATCH);
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
  media: FrameSize | VideoDims,
  sampling: VideoSampling = {},
  budget: number = TOKEN_BUDGET,
): DownscaleAdvice {
  const estimate = (size: FrameSize) =>
    "durationS" in media ? estimateVideoTokens({ ...media, ...size }, sampling) : estimateImageTokens(size, sampling);
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
