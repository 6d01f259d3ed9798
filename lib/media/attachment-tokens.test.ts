import { describe, expect, it } from "vitest";

import { estimateMediaTokens, sizeLabel, summarizeTokens } from "@/lib/media/attachment-tokens";
import type { MediaFacts } from "@/lib/media/attachments";
import { qwen3Estimator } from "@/lib/media/token-estimators";

const png: MediaFacts = { kind: "image", width: 64, height: 48 };
const hd: MediaFacts = { kind: "video", width: 1920, height: 1080, durationS: 10, fps: 30 };

describe("estimateMediaTokens", () => {
  it("estimates images and videos, and is null while sizes are unknown", () => {
    expect(estimateMediaTokens("cosmos-reason2", png, {})).toBe(4);
    expect(estimateMediaTokens("cosmos-reason2", { kind: "video", width: 640, height: 480, durationS: 10, fps: 4 }, { fps: 4 })).toBe(
      20 * 15 * 20,
    );
    expect(estimateMediaTokens("nemotron-vl", { kind: "video", width: 640, height: 480, durationS: 10, fps: 4 }, { fps: 2 })).toBe(
      20 * 256,
    );
    expect(estimateMediaTokens("cosmos-reason2", { kind: "image" }, {})).toBeNull();
    expect(estimateMediaTokens("cosmos-reason2", { kind: "video", width: 640, height: 480 }, {})).toBeNull();
  });
});

describe("summarizeTokens", () => {
  it("adds this turn's and earlier media and stays quiet under the budget", () => {
    const summary = summarizeTokens("cosmos-reason2", [png, { kind: "image" }], [png], {}, "fps");
    expect(summary).toMatchObject({ perItem: [4, null], total: 8, earlier: 4, partial: true, over: false, advice: null });
  });

  it("does not offer a downscale of a Qwen3-VL video whose whole clip the pixel bound already caps", () => {
    // Counted frame by frame this was 40 800 tokens and a 480p downscale was offered.
    expect(summarizeTokens("cosmos-reason2", [png, hd], [], { fps: 4 }, "fps")).toMatchObject({
      total: 4 + 5980,
      over: false,
      advice: null,
    });
  });

  it("offers a downscale of the largest video when it brings the total under the budget", () => {
    const wide = { fps: 4, longest_edge: 100_000_000 };
    const summary = summarizeTokens("cosmos-reason2", [png, hd], [], wide, "fps");
    expect(summary.over).toBe(true);
    expect(summary.advice).toMatchObject({ action: "downscale", index: 1, width: 854, height: 480 });
    expect((summary.advice?.tokens ?? Infinity) + 4).toBeLessThanOrEqual(16_000);
  });

  it("offers fewer frames when even the smallest size is over the budget", () => {
    const long: MediaFacts = { kind: "video", width: 640, height: 360, durationS: 600, fps: 30 };
    const summary = summarizeTokens("nemotron-vl", [long], [], { fps: 2 }, "fps");
    expect(summary.advice).toMatchObject({ action: "sampling", index: 0 });
    const advice = summary.advice;
    if (advice?.action !== "sampling" || advice.fps === undefined) throw new Error("expected an fps advice");
    expect(advice.fps).toBeLessThan(2);
    expect(advice.tokens).toBeLessThanOrEqual(16_000);
    expect(summarizeTokens("nemotron-vl", [long], [], { num_frames: 128 }, "num_frames").advice).toMatchObject({
      action: "sampling",
      num_frames: 62,
    });
  });

  it("offers nothing when the earlier turns alone are over the budget", () => {
    const summary = summarizeTokens("cosmos-reason2", [png], [hd], { fps: 4, longest_edge: 100_000_000 }, "fps");
    expect(summary).toMatchObject({ over: true, advice: null });
    expect(
      qwen3Estimator.video({ width: 1920, height: 1080, durationS: 10, fps: 30 }, { fps: 4, longest_edge: 100_000_000 }),
    ).toBeGreaterThan(16_000);
  });
});

describe("sizeLabel", () => {
  it("names a size by its short side", () => {
    expect(sizeLabel({ width: 854, height: 480 })).toBe("480p");
    expect(sizeLabel({ width: 720, height: 1280 })).toBe("720p");
  });
});

describe("summarizeTokens with failed attachments", () => {
  it("leaves them out without calling the total partial", () => {
    expect(summarizeTokens("cosmos-reason2", [png, null], [], {}, "fps")).toMatchObject({ perItem: [4, null], total: 4, partial: false });
  });
});
