import "server-only";

import { PlaygroundError } from "@/lib/core/errors";
import { processMemo } from "@/lib/core/process-memo";
import type { Client, Env } from "@/lib/server/client-address";
import { StoredCounter, type CounterWindow } from "@/lib/server/db/rate-limits";
import { playgroundStore } from "@/lib/server/db/store";
import { readEnv } from "@/lib/server/env";
import { describeRetry, parseRate, type Rate } from "@/lib/server/rate-limit";

// The limits the routes apply, per client address, read from the environment and counted in the
// database. One counter per action, rate and database; a changed rate starts afresh.

const ACTIONS = {
  shares: { env: "PLAYGROUND_RATE_SHARES", fallback: { count: 20, windowMs: 600_000 }, what: "shared sessions" },
  uploads: { env: "PLAYGROUND_RATE_UPLOADS", fallback: { count: 60, windowMs: 600_000 }, what: "uploads" },
  logins: { env: "PLAYGROUND_RATE_LOGINS", fallback: { count: 10, windowMs: 60_000 }, what: "login attempts" },
} as const;

export type LimitedAction = keyof typeof ACTIONS;

/** Reads every limit once, so a bad value stops the server at start rather than failing a request. */
export function checkRateSettings(env: Env = process.env): void {
  for (const { env: name, fallback } of Object.values(ACTIONS)) parseRate(env[name], fallback, name);
}

/** The counter `name` over `window` in the configured database, opened once. */
export async function storedCounter(name: string, window: CounterWindow): Promise<StoredCounter> {
  const { db } = await playgroundStore();
  const byDb = processMemo("rate-counters", "", () => new WeakMap<object, Map<string, Promise<StoredCounter>>>());
  let counters = byDb.get(db);
  if (!counters) byDb.set(db, (counters = new Map()));
  const key = `${name}:${window.points}/${window.durationS}`;
  let counter = counters.get(key);
  if (!counter) {
    counter = StoredCounter.open(db, name, window);
    counters.set(key, counter);
    counter.catch(() => counters.delete(key));
  }
  return counter;
}

const windowOf = (rate: Rate): CounterWindow => ({ points: rate.count, durationS: Math.round(rate.windowMs / 1000) });

/** The 429 for a client over a limit, with Retry-After. */
export function tooMany(what: string, retryAfterS: number, limit?: string): PlaygroundError {
  const sentence = `Too many ${what}${limit ? `: the limit is ${limit}` : ""}. Try again ${describeRetry(retryAfterS)}.`;
  return new PlaygroundError("rate_limited", sentence, undefined, { "Retry-After": String(retryAfterS) });
}

/** Counts one `action` for the client; throws the 429 once it is over the limit. */
export async function enforceRateLimit(action: LimitedAction, client: Client): Promise<void> {
  const { env, what } = ACTIONS[action];
  const rate = readEnv()[env];
  const counter = await storedCounter(action, windowOf(rate));
  const count = await counter.hit(client.key);
  if (count.consumed <= rate.count) return;
  const retryAfterS = Math.max(1, Math.ceil(count.msBeforeNext / 1000));
  throw tooMany(what, retryAfterS, `${rate.count} per ${Math.round(rate.windowMs / 1000)} seconds`);
}
