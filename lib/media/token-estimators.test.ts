import { describe, expect, it } from "vitest";

import { FAMILIES } from "@/lib/backends/families";
import {
  NEMOTRON_TOKENS_PER_TILE,
  nemotronEstimator,
  nemotronTiles,
  qwen3Estimator,
  qwen25Estimator,
  tokenEstimator,
} from "@/lib/media/token-estimators";

// Worked examples from the processors' own arithmetic: transformers' smart_resize for Qwen2.5-VL
// (factor 28) and Qwen3-VL (factor 32, clip-level video bounds), vLLM's InternVL tiling for Nemotron.
const hd = { width: 1920, height: 1080 };
const tenSeconds = (size: { width: number; height: number }) => ({ ...size, durationS: 10, fps: 30 });

describe("tokenEstimator", () => {
  it("has one estimator per family", () => {
    expect(tokenEstimator("cosmos-reason2")).toBe(qwen3Estimator);
    expect(tokenEstimator("cosmos3-reasoner")).toBe(qwen3Estimator);
    expect(tokenEstimator("cosmos-reason1")).toBe(qwen25Estimator);
    expect(tokenEstimator("nemotron-vl")).toBe(nemotronEstimator);
    for (const family of FAMILIES) expect(tokenEstimator(family).image({ width: 0, height: 10 })).toBe(0);
  });
});

describe("Qwen3-VL (Reason2, Cosmos3 Reasoner)", () => {
  it("counts an image at 32×32 pixels per token", () => {
    expect(qwen3Estimator.image(hd)).toBe(34 * 60); // 1920×1088
    expect(qwen3Estimator.image({ width: 640, height: 480 })).toBe(300);
    expect(qwen3Estimator.image({ width: 32, height: 32 })).toBe(4);
  });

  it("bounds the whole sampled clip, so a long video is not counted frame by frame", () => {
    // 40 frames at 4 fps: the clip is resized to 736×416, 20 pairs × 23 × 13 = 5 980 (not 20 × 2 040).
    expect(qwen3Estimator.video(tenSeconds(hd))).toBe(5980);
    expect(qwen3Estimator.video(tenSeconds({ width: 1280, height: 720 }))).toBe(5980);
    // 9 frames of 720p fit unchanged: 5 pairs × 22 × 40.
    expect(qwen3Estimator.video({ width: 1280, height: 720, durationS: 2.3, fps: 30 })).toBe(4400);
    expect(qwen3Estimator.video({ width: 640, height: 480, durationS: 5, fps: 30 })).toBe(3000);
    // A 5-minute clip at 4 fps: 1 200 frames squeezed to 128×64, 600 pairs × 4 × 2.
    expect(qwen3Estimator.video({ ...hd, durationS: 300, fps: 30 })).toBe(4800);
  });

  it("follows the size bounds the request sends", () => {
    expect(qwen3Estimator.video(tenSeconds(hd), { longest_edge: 100_000_000 })).toBe(20 * 2040);
    expect(qwen3Estimator.image(hd, { longest_edge: 102_400 })).toBe(13 * 7);
  });
});

describe("Qwen2.5-VL (Reason1)", () => {
  it("counts an image at 28×28 pixels per token", () => {
    expect(qwen25Estimator.image(hd)).toBe(39 * 69); // 1932×1092
    expect(qwen25Estimator.image({ width: 64, height: 48 })).toBe(4); // 56×56
  });

  it("bounds each frame and counts two frames per token", () => {
    // 40 frames of 1288×728: 20 × 46 × 26.
    expect(qwen25Estimator.video(tenSeconds({ width: 1280, height: 720 }))).toBe(23_920);
    // max_pixels 321 126 per frame (Reason1's 6 422 528-pixel budget over 40 frames): 728×420, 20 × 26 × 15.
    expect(qwen25Estimator.video(tenSeconds({ width: 1280, height: 720 }), { longest_edge: 321_126 })).toBe(7800);
  });
});

describe("Nemotron Nano 12B v2 VL", () => {
  it("tiles an image into at most max_num_tiles 512-pixel tiles, plus a thumbnail when split", () => {
    expect(nemotronTiles(hd, 12)).toBe(9); // 4×2 grid + thumbnail
    expect(nemotronTiles({ width: 1080, height: 1920 }, 12)).toBe(9); // 2×4
    expect(nemotronTiles({ width: 1000, height: 500 }, 12)).toBe(3); // 2×1: too small for 4×2
    expect(nemotronTiles({ width: 4000, height: 1000 }, 12)).toBe(5);
    expect(nemotronTiles({ width: 512, height: 512 }, 12)).toBe(1);
    expect(nemotronTiles(hd, 1)).toBe(1);
    expect(NEMOTRON_TOKENS_PER_TILE).toBe(256);
    expect(nemotronEstimator.image(hd)).toBe(9 * 256);
    expect(nemotronEstimator.image(hd, { max_num_tiles: 1 })).toBe(256);
    expect(nemotronEstimator.image({ width: 1280, height: 720 }, { max_num_tiles: 6 })).toBe(3 * 256);
  });

  it("counts one tile per sampled frame, at its default 2 fps and at most 128 frames", () => {
    expect(nemotronEstimator.video(tenSeconds(hd))).toBe(20 * 256);
    expect(nemotronEstimator.video(tenSeconds(hd), { num_frames: 16 })).toBe(16 * 256);
    expect(nemotronEstimator.video({ ...hd, durationS: 600, fps: 30 }, { fps: 2 })).toBe(128 * 256);
  });
});
