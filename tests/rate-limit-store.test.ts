import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { StoredCounter } from "@/lib/server/db/rate-limits";
import { openStore, type DatabaseLocation, type PlaygroundStore } from "@/lib/server/db/store";

import { postgresCase, sqliteCase } from "./support/database-drivers";

// The rate-limit counts live in the playground's database (rate-limiter-flexible's SQLite and
// PostgreSQL stores), so two instances on one database count together.

describe.each([sqliteCase, postgresCase])("$name rate-limit counts", (driver) => {
  let location: DatabaseLocation;
  let first: PlaygroundStore;
  let second: PlaygroundStore;
  const window = { points: 3, durationS: 60 };

  beforeAll(async () => {
    await driver.start();
    location = await driver.freshLocation();
    first = await openStore(location);
    second = await openStore(location);
  }, 60_000);
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await driver.stop();
  });

  it("are shared by two instances on one database", async () => {
    const [a, b] = [await StoredCounter.open(first.db, "shares", window), await StoredCounter.open(second.db, "shares", window)];
    expect((await a.hit("ip:192.0.2.1")).consumed).toBe(1);
    expect((await b.hit("ip:192.0.2.1")).consumed).toBe(2);
    expect((await a.hit("ip:192.0.2.1")).consumed).toBe(3);
    const over = await b.hit("ip:192.0.2.1");
    expect(over.consumed).toBe(4);
    expect(over.msBeforeNext).toBeGreaterThan(55_000);
    expect(over.msBeforeNext).toBeLessThanOrEqual(60_000);
    expect((await b.hit("ip:192.0.2.2")).consumed).toBe(1);
    // Another kind of count under the same key starts from nothing.
    expect((await (await StoredCounter.open(second.db, "uploads", window)).hit("ip:192.0.2.1")).consumed).toBe(1);
  });

  it("count every one of many hits at once, across instances", async () => {
    const [a, b] = [
      await StoredCounter.open(first.db, "burst", { points: 100, durationS: 60 }),
      await StoredCounter.open(second.db, "burst", { points: 100, durationS: 60 }),
    ];
    const counts = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).hit("ip:192.0.2.9")));
    expect(counts.map((count) => count.consumed).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it("start afresh once the window is over, and hold a block for its time", async () => {
    const counter = await StoredCounter.open(first.db, "windows", window);
    for (let i = 0; i < 4; i++) await counter.hit("ip:192.0.2.3");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 61_000);
    expect(await counter.peek("ip:192.0.2.3")).toBeNull();
    expect((await counter.hit("ip:192.0.2.3")).consumed).toBe(1);
    await counter.block("ip:192.0.2.3", 300);
    const blocked = await (await StoredCounter.open(second.db, "windows", window)).peek("ip:192.0.2.3");
    expect(blocked!.consumed).toBeGreaterThan(window.points);
    expect(blocked!.msBeforeNext).toBeGreaterThan(295_000);
  });

  it("keep counting in memory while the database is gone", async () => {
    const gone = await openStore(location);
    const counter = await StoredCounter.open(gone.db, "outage", window);
    await gone.close();
    const counts = [];
    for (let i = 0; i < 4; i++) counts.push((await counter.hit("ip:192.0.2.4")).consumed);
    expect(counts).toEqual([1, 2, 3, 4]);
  });
});
