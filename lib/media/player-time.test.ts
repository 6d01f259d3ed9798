import { describe, expect, it } from "vitest";

import { formatPlayerTime, frameAt, stepFrames } from "@/lib/media/player-time";

describe("stepFrames", () => {
  it("moves by whole frames from the nearest frame boundary", () => {
    expect(stepFrames(0, 1, 24, 3)).toBeCloseTo(1 / 24, 10);
    expect(stepFrames(1.01, 1, 24, 3)).toBeCloseTo(25 / 24, 10);
    expect(stepFrames(2.25, -2, 24, 3)).toBeCloseTo(52 / 24, 10);
  });

  it("stays inside the clip", () => {
    expect(stepFrames(0, -1, 24, 3)).toBe(0);
    expect(stepFrames(3, 1, 24, 3)).toBe(3);
  });
});

describe("frameAt", () => {
  it("counts frames from the duration and never shows one past the last", () => {
    expect(frameAt(0, 24, 3)).toEqual({ index: 0, count: 72 });
    expect(frameAt(1.5, 24, 3)).toEqual({ index: 36, count: 72 });
    expect(frameAt(3, 24, 3)).toEqual({ index: 71, count: 72 });
    expect(frameAt(0, 24, 0)).toEqual({ index: 0, count: 1 });
  });
});

describe("formatPlayerTime", () => {
  it("shows minutes, seconds and hundredths", () => {
    expect(formatPlayerTime(0)).toBe("0:00.00");
    expect(formatPlayerTime(1.254)).toBe("0:01.25");
    expect(formatPlayerTime(75.5)).toBe("1:15.50");
    expect(formatPlayerTime(Number.NaN)).toBe("0:00.00");
  });
});
