import "server-only";

import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  RateLimiterSQLite,
  type RateLimiterStoreAbstract,
} from "rate-limiter-flexible";

import type { NativeClient, SqlDatabase } from "@/lib/server/db/sql";

// Counters kept in the playground's own database by rate-limiter-flexible's SQLite and PostgreSQL
// stores (table rate_limits, migration 4), so every instance sharing the database counts together.
// Should the database fail, each instance counts in memory until it answers again.

export interface CounterWindow {
  points: number;
  durationS: number;
}

export interface Count {
  /** Points counted in the current window, this one included. */
  consumed: number;
  /** Until the window (or a block) ends. */
  msBeforeNext: number;
}

const TABLE = "rate_limits";
const SWEEP_EVERY_MS = 5 * 60_000;

function storeLimiter(client: NativeClient, keyPrefix: string, window: CounterWindow): RateLimiterStoreAbstract {
  const options = {
    keyPrefix,
    points: window.points,
    duration: window.durationS,
    tableName: TABLE,
    tableCreated: true,
    clearExpiredByTimeout: false,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix, points: window.points, duration: window.durationS }),
  };
  return client.dialect === "postgres"
    ? new RateLimiterPostgres({ ...options, storeClient: client.pool, storeType: "pool" })
    : new RateLimiterSQLite({ ...options, storeClient: client.database, storeType: "better-sqlite3" });
}

const toCount = (res: RateLimiterRes): Count => ({ consumed: res.consumedPoints, msBeforeNext: Math.max(0, res.msBeforeNext) });

/** One kind of count (e.g. uploads per address) over one window. */
export class StoredCounter {
  private lastSweep = Date.now();

  private constructor(
    private readonly db: SqlDatabase,
    private readonly limiter: RateLimiterStoreAbstract,
  ) {}

  static async open(db: SqlDatabase, keyPrefix: string, window: CounterWindow): Promise<StoredCounter> {
    return new StoredCounter(db, await db.withNative(async (client) => storeLimiter(client, keyPrefix, window)));
  }

  get points(): number {
    return this.limiter.points;
  }

  /** Counts one for `key`; `consumed` over `points` means the key is over its limit. */
  async hit(key: string): Promise<Count> {
    this.sweepSometimes();
    try {
      return toCount(await this.db.withNative(() => this.limiter.consume(key)));
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return toCount(refusal);
      throw refusal;
    }
  }

  /** The count so far, without counting; null when the key has none. */
  async peek(key: string): Promise<Count | null> {
    const res = await this.db.withNative(() => this.limiter.get(key));
    return res ? toCount(res) : null;
  }

  /** Holds the key over its limit for `seconds`. */
  async block(key: string, seconds: number): Promise<void> {
    await this.db.withNative(() => this.limiter.block(key, seconds));
  }

  private sweepSometimes(): void {
    if (Date.now() - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = Date.now();
    this.db.run(`DELETE FROM ${TABLE} WHERE expire < ?`, [Date.now()]).catch((error: unknown) => {
      console.error("[playground] sweeping expired rate limits failed:", error);
    });
  }
}
