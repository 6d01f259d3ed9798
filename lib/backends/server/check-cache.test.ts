import { describe, expect, it } from "vitest";

import { CheckCache } from "@/lib/backends/server/check-cache";

describe("CheckCache", () => {
  it("runs a check once however many ask at once, answers a fresh result without running again", async () => {
    const cache = new CheckCache<{ at: number; n: number }>("check-cache-test");
    let runs = 0;
    const run = async () => ({ at: Date.now(), n: ++runs });
    const [a, b] = await Promise.all([cache.get("x", () => 60_000, run), cache.get("x", () => 60_000, run)]);
    expect([a.n, b.n, runs]).toEqual([1, 1, 1]);
    expect((await cache.get("x", () => 60_000, run)).n).toBe(1);
  });

  it("answers a stale result at once while it refreshes, then the new one", async () => {
    const cache = new CheckCache<{ at: number; n: number }>("check-cache-stale");
    let runs = 0;
    const run = async () => ({ at: Date.now(), n: ++runs });
    await cache.get("x", () => 0, run);
    expect((await cache.get("x", () => 0, run)).n).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(cache.last("x")?.n).toBe(2);
  });

  it("lets a failed check be tried again", async () => {
    const cache = new CheckCache<{ at: number }>("check-cache-fail");
    await expect(
      cache.get(
        "x",
        () => 0,
        () => Promise.reject(new Error("down")),
      ),
    ).rejects.toThrow("down");
    expect(
      await cache.get(
        "x",
        () => 0,
        async () => ({ at: 1 }),
      ),
    ).toEqual({ at: 1 });
  });
});
