import { describe, expect, it } from "vitest";

import { formatDuration, formatRate, formatSeconds } from "@/lib/core/format";

describe("format", () => {
  it("formats durations at a scale people read", () => {
    expect(formatDuration(312.4)).toBe("312 ms");
    expect(formatDuration(4210)).toBe("4.2 s");
    expect(formatDuration(65_000)).toBe("1 m 05 s");
    expect(formatDuration(Number.NaN)).toBe("–");
  });

  it("formats the live timer and token rates", () => {
    expect(formatSeconds(4249)).toBe("4.2 s");
    expect(formatRate(38.26)).toBe("38.3 tok/s");
    expect(formatRate(152.4)).toBe("152 tok/s");
  });
});
