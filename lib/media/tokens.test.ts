import { describe, expect, it } from "vitest";
import { estimateImageTokens, estimateVideoTokens, resizedFrame, sampledFrames, suggestDownscale } from "@/lib/media/tokens";

// Expected numbers are worked out by hand from Qwen's smart_resize (factor 32, round half to even).
describe("token estimates", () => {
  it("resizes frames to multiples of 32 within the pixel bounds", () => {
    expect(resizedFrame({ width: 1920, height: 1080 })).toEqual({ width: 1920, height: 1088 }); // 33.75 → 34
    expect(resizedFrame({ width: 1280, height: 720 })).toEqual({ width: 1280, height: 704 }); // 22.5 → 22 (even)
    expect(resizedFrame({ width: 32, height: 32 })).toEqual({ width: 64, height: 64 }); // up to ≥ 3136 px
    // 8000×6000 is over 12 845 056 px: β = √(48e6 / 12845056) ≈ 1.933 → 4128×3072.
    expect(resizedFrame({ width: 8000, height: 6000 })).toEqual({ width: 4128, height: 3072 });
    // longest_edge 102 400 px: β = √(2 073 600 / 102 400) = 4.5 → ⌊13.33⌋·32 × ⌊7.5⌋·32.
    expect(resizedFrame({ width: 1920, height: 1080 }, { longest_edge: 102_400 })).toEqual({ width: 416, height: 224 });
  });

  it("counts one token per 32×32 pixels of an image", () => {
    expect(estimateImageTokens({ width: 1920, height: 1080 })).toBe(60 * 34);
    expect(estimateImageTokens({ width: 1280, height: 720 })).toBe(880);
    expect(estimateImageTokens({ width: 32, height: 32 })).toBe(4);
    expect(estimateImageTokens({ width: 8000, height: 6000 })).toBe(129 * 96);
    expect(estimateImageTokens({ width: 0, height: 10 })).toBe(0);
  });

  it("samples frames by fps (default 4) or num_frames, the fewer winning, never more than the video has", () => {
    expect(sampledFrames({ durationS: 10, fps: 30 })).toBe(40);
    expect(sampledFrames({ durationS: 10, fps: 30 }, { num_frames: 16 })).toBe(16);
    expect(sampledFrames({ durationS: 10, fps: 30 }, { fps: 2, num_frames: 32 })).toBe(20);
    expect(sampledFrames({ durationS: 10, fps: 5 }, { fps: 8 })).toBe(50);
    expect(sampledFrames({ durationS: 2.3, fps: 30 })).toBe(9);
    expect(sampledFrames({ durationS: 0.1, fps: 30 })).toBe(1);
  });

  it("counts one token per 32×32×2 pixels of video", () => {
    const hd = { width: 1920, height: 1080, durationS: 10, fps: 30 };
    expect(estimateVideoTokens(hd)).toBe(20 * 2040); // 40 frames → 20 pairs × 2040
    expect(estimateVideoTokens(hd, { num_frames: 16 })).toBe(8 * 2040);
    expect(estimateVideoTokens({ width: 1280, height: 720, durationS: 2.3, fps: 30 })).toBe(5 * 880); // 9 frames → 5 pairs
    expect(estimateVideoTokens({ ...hd, durationS: 0 })).toBe(0);
  });

  it("suggests the largest standard height that fits 16 000 tokens", () => {
    const hd = { width: 1920, height: 1080, durationS: 10, fps: 30 };
    // 720p: 20 × 880 = 17 600, too many; 480p (854×480 → 864×480): 20 × 405 = 8 100.
    expect(suggestDownscale(hd)).toEqual({ action: "downscale", width: 854, height: 480, tokens: 8100 });
    expect(suggestDownscale(hd, { fps: 2 })).toEqual({ action: "downscale", width: 1280, height: 720, tokens: 8800 });
    expect(suggestDownscale({ width: 1080, height: 1920, durationS: 10, fps: 30 }, { fps: 2 })).toEqual({ action: "downscale", width: 720, height: 1280, tokens: 8800 });
    expect(suggestDownscale({ width: 1280, height: 720, durationS: 5, fps: 30 })).toEqual({ action: "none", tokens: 8800 });
    expect(suggestDownscale({ width: 8000, height: 6000 })).toEqual({ action: "none", tokens: 12_384 });
    // Five minutes at 4 fps is over budget even at 240p (416×256 → 104 per pair × 600 pairs).
    expect(suggestDownscale({ ...hd, durationS: 300 })).toEqual({ action: "fewer-frames", tokens: 62_400 });
  });
});
