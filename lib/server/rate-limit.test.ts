import { describe, expect, it } from "vitest";

import { describeRetry, parseRate } from "@/lib/server/rate-limit";

describe("parseRate", () => {
  const fallback = { count: 20, windowMs: 600_000 };
  it("reads count/seconds or falls back", () => {
    expect(parseRate(undefined, fallback, "X")).toBe(fallback);
    expect(parseRate(" ", fallback, "X")).toBe(fallback);
    expect(parseRate("5/60", fallback, "X")).toEqual({ count: 5, windowMs: 60_000 });
    expect(parseRate(" 5 / 60 ", fallback, "X")).toEqual({ count: 5, windowMs: 60_000 });
  });

  it.each(["5", "5/", "/60", "0/60", "5/0", "-1/60", "5/60s", "1.5/60"])("refuses %j naming the variable", (raw) => {
    expect(() => parseRate(raw, fallback, "PLAYGROUND_RATE_SHARES")).toThrow(/PLAYGROUND_RATE_SHARES must look like "count\/seconds"/);
  });
});

describe("describeRetry", () => {
  it("says seconds, then minutes", () => {
    expect(describeRetry(1)).toBe("in 1 second");
    expect(describeRetry(45)).toBe("in 45 seconds");
    expect(describeRetry(200)).toBe("in 4 minutes");
  });
});
