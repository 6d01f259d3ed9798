import { describe, expect, it } from "vitest";
import { clientKey, describeRetry, parseRate, SlidingWindowLimiter } from "@/lib/server/rate-limit";

function fakeClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe("SlidingWindowLimiter", () => {
  it("allows count hits per window, then says when the oldest one expires", () => {
    const clock = fakeClock();
    const limiter = new SlidingWindowLimiter({ count: 3, windowMs: 60_000 }, clock.now);
    expect(limiter.hit("a")).toEqual({ ok: true });
    clock.advance(10_000);
    expect(limiter.hit("a")).toEqual({ ok: true });
    expect(limiter.hit("a")).toEqual({ ok: true });
    expect(limiter.hit("a")).toEqual({ ok: false, retryAfterS: 50 });
    expect(limiter.hit("b")).toEqual({ ok: true });
    clock.advance(49_999);
    expect(limiter.hit("a")).toEqual({ ok: false, retryAfterS: 1 });
    clock.advance(1);
    expect(limiter.hit("a")).toEqual({ ok: true });
    expect(limiter.hit("a")).toEqual({ ok: false, retryAfterS: 10 });
  });

  it("slides rather than resetting at fixed boundaries", () => {
    const clock = fakeClock();
    const limiter = new SlidingWindowLimiter({ count: 2, windowMs: 1000 }, clock.now);
    limiter.hit("a");
    clock.advance(900);
    limiter.hit("a");
    clock.advance(200);
    expect(limiter.hit("a").ok).toBe(true);
    expect(limiter.hit("a")).toEqual({ ok: false, retryAfterS: 1 });
  });

  it("refused hits do not count against the client", () => {
    const clock = fakeClock();
    const limiter = new SlidingWindowLimiter({ count: 1, windowMs: 1000 }, clock.now);
    limiter.hit("a");
    for (let i = 0; i < 5; i++) limiter.hit("a");
    clock.advance(1000);
    expect(limiter.hit("a").ok).toBe(true);
  });

  it("forgets idle clients once many are tracked", () => {
    const clock = fakeClock();
    const limiter = new SlidingWindowLimiter({ count: 1, windowMs: 1000 }, clock.now);
    for (let i = 0; i < 10_000; i++) limiter.hit(`c${i}`);
    clock.advance(1001);
    limiter.hit("new");
    expect(limiter.size).toBe(1);
  });
});

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

describe("clientKey", () => {
  const owner = "A".repeat(22);
  it("prefers the owner cookie, then a trusted X-Forwarded-For, then the socket", () => {
    expect(clientKey({ ownerId: owner, forwardedFor: "1.2.3.4" }, true)).toBe(`owner:${owner}`);
    expect(clientKey({ ownerId: "short", forwardedFor: "1.2.3.4, 10.0.0.1" }, true)).toBe("ip:1.2.3.4");
    expect(clientKey({ ownerId: null, forwardedFor: "1.2.3.4" }, false)).toBe("unknown");
    expect(clientKey({ ownerId: null, forwardedFor: "1.2.3.4", socketAddress: "10.0.0.9" }, false)).toBe("ip:10.0.0.9");
    expect(clientKey({ ownerId: null, forwardedFor: " , x" }, true)).toBe("unknown");
  });
});

describe("describeRetry", () => {
  it("says seconds, then minutes", () => {
    expect(describeRetry(1)).toBe("in 1 second");
    expect(describeRetry(45)).toBe("in 45 seconds");
    expect(describeRetry(200)).toBe("in 4 minutes");
  });
});
