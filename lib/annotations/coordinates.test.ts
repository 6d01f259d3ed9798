import { describe, expect, it } from "vitest";

import { coordinateConvention, meanDistance, modelInputSize, toNormalized, toPixels } from "@/lib/annotations/coordinates";
import { FAMILIES } from "@/lib/backends/families";

describe("coordinateConvention", () => {
  it("is normalized-1000 for the Qwen3-VL families and absolute pixels for Reason1", () => {
    expect(Object.fromEntries(FAMILIES.map((family) => [family, coordinateConvention(family)]))).toEqual({
      "cosmos-reason2": "normalized-1000",
      "cosmos-reason1": "absolute-pixels",
      "cosmos3-reasoner": "normalized-1000",
      "nemotron-vl": "normalized-1000",
      generic: "normalized-1000",
    });
  });
});

describe("toPixels / toNormalized", () => {
  const size = { width: 1920, height: 1080 };

  it("scales each axis on its own", () => {
    expect(toPixels({ x: 500, y: 500 }, size, "normalized-1000")).toEqual({ x: 960, y: 540 });
    expect(toPixels({ x: 1000, y: 0 }, size)).toEqual({ x: 1920, y: 0 });
    const small = toPixels({ x: 713, y: 680 }, { width: 640, height: 480 });
    expect(small.x).toBeCloseTo(456.32, 9);
    expect(small.y).toBeCloseTo(326.4, 9);
  });

  it("passes absolute pixels through when the model saw the image at its own size", () => {
    expect(toPixels({ x: 713, y: 680 }, size, "absolute-pixels")).toEqual({ x: 713, y: 680 });
  });

  it("scales absolute pixels back from the size Qwen2.5-VL resized the image to", () => {
    expect(modelInputSize(size)).toEqual({ width: 1932, height: 1092 });
    expect(modelInputSize(size, { longest_edge: 602_112 })).toEqual({ width: 1008, height: 560 });
    expect(toPixels({ x: 1932, y: 546 }, size, "absolute-pixels", modelInputSize(size))).toEqual({ x: 1920, y: 540 });
  });

  it("rounds to integers and clamps to 0–1000", () => {
    expect(toNormalized({ x: 960, y: 540 }, size)).toEqual({ x: 500, y: 500 });
    expect(toNormalized({ x: 1, y: 1079 }, size)).toEqual({ x: 1, y: 999 });
    expect(toNormalized({ x: -20, y: 2000 }, size)).toEqual({ x: 0, y: 1000 });
    expect(toNormalized({ x: 10, y: 10 }, { width: 0, height: 0 })).toEqual({ x: 0, y: 0 });
  });

  it("round-trips a normalized point through pixels", () => {
    const point = { x: 412, y: 655 };
    expect(toNormalized(toPixels(point, size), size)).toEqual(point);
  });
});

describe("meanDistance", () => {
  it("is zero for the same path, however it is sampled", () => {
    const coarse = [
      { x: 0, y: 0 },
      { x: 1000, y: 0 },
    ];
    const fine = [
      { x: 0, y: 0 },
      { x: 250, y: 0 },
      { x: 500, y: 0 },
      { x: 1000, y: 0 },
    ];
    expect(meanDistance(coarse, fine)).toBeCloseTo(0, 9);
  });

  it("is the offset between two parallel paths", () => {
    const a = [
      { x: 0, y: 100 },
      { x: 1000, y: 100 },
    ];
    const b = [
      { x: 0, y: 130 },
      { x: 500, y: 130 },
      { x: 1000, y: 130 },
    ];
    expect(meanDistance(a, b)).toBeCloseTo(30, 9);
  });

  it("compares by arc length, not by index", () => {
    // Same straight line, but b's points bunch up at the start: by index they would disagree.
    const a = [
      { x: 0, y: 0 },
      { x: 500, y: 0 },
      { x: 1000, y: 0 },
    ];
    const b = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 1000, y: 0 },
    ];
    expect(meanDistance(a, b)).toBeCloseTo(0, 9);
  });

  it("handles single points, reversed paths and empty input", () => {
    expect(meanDistance([{ x: 0, y: 0 }], [{ x: 30, y: 40 }])).toBeCloseTo(50, 9);
    const forward = [
      { x: 0, y: 0 },
      { x: 1000, y: 0 },
    ];
    // Continuous answer 500; the even samples land a little above it.
    const reversed = meanDistance(forward, [...forward].reverse());
    expect(reversed).toBeGreaterThanOrEqual(500);
    expect(reversed).toBeLessThan(510);
    expect(meanDistance([], forward)).toBeNaN();
  });
});
