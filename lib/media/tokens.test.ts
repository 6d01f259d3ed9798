import { describe, expect, it } from "vitest";

import { qwen3Estimator } from "@/lib/media/token-estimators";
import { sampledFrames, smartResize, smartResizeClip, suggestDownscale } from "@/lib/media/tokens";

const QWEN3 = { factor: 32, minPixels: 3136, maxPixels: 12_845_056 };

// Expected sizes worked out from transformers' smart_resize (round half to even, floor/ceil by factor).
describe("smartResize (one image or frame)", () => {
  it("rounds sides to the factor and keeps the pixels within the bounds", () => {
    expect(smartResize({ width: 1920, height: 1080 }, QWEN3)).toEqual({ width: 1920, height: 1088 }); // 33.75 → 34
    expect(smartResize({ width: 1280, height: 720 }, QWEN3)).toEqual({ width: 1280, height: 704 }); // 22.5 → 22 (even)
    expect(smartResize({ width: 32, height: 32 }, QWEN3)).toEqual({ width: 64, height: 64 }); // up to ≥ 3136 px
    // 8000×6000 is over 12 845 056 px: β = √(48e6 / 12845056) ≈ 1.933 → 4128×3072.
    expect(smartResize({ width: 8000, height: 6000 }, QWEN3)).toEqual({ width: 4128, height: 3072 });
    expect(smartResize({ width: 1920, height: 1080 }, { ...QWEN3, maxPixels: 102_400 })).toEqual({ width: 416, height: 224 });
    expect(smartResize({ width: 1920, height: 1080 }, { ...QWEN3, factor: 28 })).toEqual({ width: 1932, height: 1092 });
  });
});

describe("smartResizeClip (Qwen3-VL video: the bounds cap frames × height × width)", () => {
  it("shrinks the frames of a long clip and leaves a short one alone", () => {
    // 9 frames (t̄ 8) × 704 × 1280 = 7.2 M px ≤ 12.8 M: unchanged.
    expect(smartResizeClip(9, { width: 1280, height: 720 }, QWEN3)).toEqual({ width: 1280, height: 704 });
    // 40 frames × 1080 × 1920: β = √(40·1080·1920 / 12845056) ≈ 2.541 → ⌊13.28⌋·32 × ⌊23.61⌋·32.
    expect(smartResizeClip(40, { width: 1920, height: 1080 }, QWEN3)).toEqual({ width: 736, height: 416 });
    expect(smartResizeClip(1200, { width: 1920, height: 1080 }, QWEN3)).toEqual({ width: 128, height: 64 });
  });
});

describe("sampledFrames", () => {
  it("samples by fps (default 4) or num_frames, the fewer winning, never more than the video has", () => {
    expect(sampledFrames({ durationS: 10, fps: 30 })).toBe(40);
    expect(sampledFrames({ durationS: 10, fps: 30 }, { num_frames: 16 })).toBe(16);
    expect(sampledFrames({ durationS: 10, fps: 30 }, { fps: 2, num_frames: 32 })).toBe(20);
    expect(sampledFrames({ durationS: 10, fps: 5 }, { fps: 8 })).toBe(50);
    expect(sampledFrames({ durationS: 2.3, fps: 30 })).toBe(9);
    expect(sampledFrames({ durationS: 0.1, fps: 30 })).toBe(1);
    expect(sampledFrames({ durationS: 100, fps: 30 }, { fps: 2 }, 128)).toBe(128);
  });
});

describe("suggestDownscale", () => {
  it("offers nothing for a long Qwen3-VL video, whose clip bound already keeps it small", () => {
    // Per-frame bounds would have counted 20 × 2040 = 40 800 tokens and offered 480p.
    expect(suggestDownscale(qwen3Estimator, { width: 1920, height: 1080, durationS: 10, fps: 30 })).toEqual({
      action: "none",
      tokens: 5980,
    });
  });

  it("suggests the largest standard height that fits the budget", () => {
    const hd = { width: 1920, height: 1080, durationS: 10, fps: 30 };
    const wide = { shortest_edge: 3136, longest_edge: 100_000_000 };
    // Wide bounds: 1080p is 20 × 34 × 60 = 40 800; 720p 20 × 880 = 17 600; 480p (854×480 → 864×480) 20 × 405 = 8 100.
    expect(suggestDownscale(qwen3Estimator, hd, wide)).toEqual({ action: "downscale", width: 854, height: 480, tokens: 8100 });
    expect(suggestDownscale(qwen3Estimator, hd, { ...wide, fps: 2 })).toEqual({
      action: "downscale",
      width: 1280,
      height: 720,
      tokens: 8800,
    });
    expect(suggestDownscale(qwen3Estimator, { width: 8000, height: 6000 })).toEqual({ action: "none", tokens: 12_384 });
    // Five minutes at 4 fps is over budget even at 240p: 1 200 × 256 × 416 is over 100 M px, so 384×192, 600 pairs × 12 × 6.
    expect(suggestDownscale(qwen3Estimator, { ...hd, durationS: 300 }, wide)).toEqual({ action: "fewer-frames", tokens: 43_200 });
  });
});
