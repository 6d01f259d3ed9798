import { FAMILY_INFO, type Family } from "@/lib/backends/families";
import {
  DEFAULT_MAX_PIXELS,
  DEFAULT_MIN_PIXELS,
  isPositive,
  sampledFrames,
  smartResize,
  smartResizeClip,
  type TokenEstimator,
  type VideoSampling,
} from "@/lib/media/tokens";

// One multimodal token estimate per model family (docs/nim-protocols.md §1.5), each the
// processor's own arithmetic: Qwen3-VL (Reason2, Cosmos3 Reasoner), Qwen2.5-VL (Reason1) and
// Nemotron Nano 12B v2 VL's 512-pixel tiles.

const bounds = (sampling: VideoSampling) => ({
  minPixels: sampling.shortest_edge ?? DEFAULT_MIN_PIXELS,
  maxPixels: sampling.longest_edge ?? DEFAULT_MAX_PIXELS,
});

/**
 * Qwen3-VL: patch 16 × merge 2, so one token per 32×32 pixels of an image, and per 32×32×2 of
 * video (two frames share a token). The video bounds cap the whole sampled clip t×h×w
 * (transformers qwen3_vl/video_processing_qwen3_vl.py smart_resize).
 */
export const qwen3Estimator: TokenEstimator = {
  image(size, sampling = {}) {
    if (!isPositive(size.width) || !isPositive(size.height)) return 0;
    const frame = smartResize(size, { factor: 32, ...bounds(sampling) });
    return (frame.width / 32) * (frame.height / 32);
  },
  video(video, sampling = {}) {
    if (!isPositive(video.width) || !isPositive(video.height) || !isPositive(video.durationS)) return 0;
    const frames = sampledFrames(video, sampling);
    const frame = smartResizeClip(frames, video, { factor: 32, ...bounds(sampling) });
    return Math.ceil(frames / 2) * (frame.width / 32) * (frame.height / 32);
  },
};

/**
 * Qwen2.5-VL: patch 14 × merge 2, one token per 28×28 pixels, two frames per token; min/max_pixels
 * bound each image and each frame (transformers qwen2_vl image_processing_qwen2_vl.py smart_resize).
 */
export const qwen25Estimator: TokenEstimator = {
  image(size, sampling = {}) {
    if (!isPositive(size.width) || !isPositive(size.height)) return 0;
    const frame = smartResize(size, { factor: 28, ...bounds(sampling) });
    return (frame.width / 28) * (frame.height / 28);
  },
  video(video, sampling = {}) {
    if (!isPositive(video.width) || !isPositive(video.height) || !isPositive(video.durationS)) return 0;
    const frame = smartResize(video, { factor: 28, ...bounds(sampling) });
    return Math.ceil(sampledFrames(video, sampling) / 2) * (frame.width / 28) * (frame.height / 28);
  },
};

/**
 * Tokens per 512×512 tile: (force_image_size / patch_size)² × downsample_ratio² = (512 / 16)² × 0.5²,
 * vllm transformers_utils/processors/nano_nemotron_vl.py `num_image_token` with the model's
 * config.json (force_image_size 512, patch_size 16, downsample_ratio 0.5).
 */
export const NEMOTRON_TOKENS_PER_TILE = 256;
const NEMOTRON_TILE = 512;
const NEMOTRON_DEFAULT_TILES = 12;

/** InternVL tiling: the grid (columns × rows, at most `maxTiles`) closest to the image's aspect ratio. */
export function nemotronTiles({ width, height }: { width: number; height: number }, maxTiles: number): number {
  const ratios: [number, number][] = [];
  for (let i = 1; i <= maxTiles; i += 1) for (let j = 1; i * j <= maxTiles; j += 1) ratios.push([i, j]);
  ratios.sort((a, b) => a[0] * a[1] - b[0] * b[1] || a[0] - b[0]);
  const aspect = width / height;
  let best: [number, number] = [1, 1];
  let bestDiff = Infinity;
  for (const ratio of ratios) {
    const diff = Math.abs(aspect - ratio[0] / ratio[1]);
    // Same as vLLM's find_closest_aspect_ratio: on a tie, a large enough image takes the bigger grid.
    if (diff < bestDiff || (diff === bestDiff && width * height > 0.5 * NEMOTRON_TILE * NEMOTRON_TILE * ratio[0] * ratio[1])) {
      if (diff < bestDiff) bestDiff = diff;
      best = ratio;
    }
  }
  const blocks = best[0] * best[1];
  // A thumbnail of the whole image is added whenever it is split.
  return blocks === 1 ? 1 : blocks + 1;
}

/** Nemotron: an image is tiled (≤ max_num_tiles + thumbnail); each sampled video frame is one tile. */
export const nemotronEstimator: TokenEstimator = {
  image(size, sampling = {}) {
    if (!isPositive(size.width) || !isPositive(size.height)) return 0;
    return nemotronTiles(size, sampling.max_num_tiles ?? NEMOTRON_DEFAULT_TILES) * NEMOTRON_TOKENS_PER_TILE;
  },
  video(video, sampling = {}) {
    if (!isPositive(video.width) || !isPositive(video.height) || !isPositive(video.durationS)) return 0;
    const info = FAMILY_INFO["nemotron-vl"];
    const rate = sampling.fps === undefined && sampling.num_frames === undefined ? { ...sampling, fps: info.defaultFps } : sampling;
    return sampledFrames(video, rate, info.maxFrames) * NEMOTRON_TOKENS_PER_TILE;
  },
};

const ESTIMATORS: Record<Family, TokenEstimator> = {
  "cosmos-reason2": qwen3Estimator,
  "cosmos3-reasoner": qwen3Estimator,
  "cosmos-reason1": qwen25Estimator,
  "nemotron-vl": nemotronEstimator,
  // An unknown model: Qwen3-VL's count stands in as a rough guide.
  generic: qwen3Estimator,
};

export function tokenEstimator(family: Family): TokenEstimator {
  return ESTIMATORS[family];
}
