import { describe, expect, it } from "vitest";

import { estimatedProgress, expectedSeconds, median, runRate } from "@/lib/generation/estimate";

describe("duration estimate", () => {
  it("takes the median of past rates, else the family's rate, else the nominal time", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(expectedSeconds({ workUnits: 1000, pastRates: [0.01, 0.5, 0.02], defaultRate: 1 })).toBe(20);
    expect(expectedSeconds({ workUnits: 1000, pastRates: [], defaultRate: 0.03 })).toBe(30);
    expect(expectedSeconds({ workUnits: 1000, pastRates: [], defaultRate: 0.03, nominalSeconds: 8 })).toBe(8);
    expect(expectedSeconds({ workUnits: 1000, pastRates: [0.002], defaultRate: 0.03, nominalSeconds: 8 })).toBe(2);
  });

  it("is elapsed over expected, and never claims to be done", () => {
    expect(estimatedProgress(15, 60)).toBe(0.25);
    expect(estimatedProgress(600, 60)).toBe(0.99);
    expect(estimatedProgress(0, 60)).toBe(0);
    expect(estimatedProgress(5, 0)).toBe(0);
  });

  it("counts a finished run only when it took time and did work", () => {
    expect(runRate(30, 1000)).toBe(0.03);
    expect(runRate(0, 1000)).toBeNull();
    expect(runRate(30, 0)).toBeNull();
  });
});
