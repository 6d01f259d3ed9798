import "server-only";

import { PlaygroundError } from "@/lib/core/errors";
import type { Client, Env } from "@/lib/server/client-address";
import { readEnv } from "@/lib/server/env";
import { parseRate } from "@/lib/server/rate-limit";
import { storedCounter, tooMany } from "@/lib/server/route-limits";

// Password guessing, whether by the login form or HTTP Basic auth: every wrong password counts
// against the address it came from; too many lock the address out, 1 minute the first time and
// twice as long each further time that day (up to an hour). A lockout refuses the right password too.

const FAILURES_ENV = "PLAYGROUND_RATE_AUTH_FAILURES";
const FAILURES_FALLBACK = { count: 10, windowMs: 15 * 60_000 };
const FIRST_LOCKOUT_S = 60;
const LONGEST_LOCKOUT_S = 60 * 60;
const LOCKOUTS_REMEMBERED_S = 24 * 60 * 60;
const WHAT = "wrong passwords from your address";

async function failures() {
  const rate = readEnv()[FAILURES_ENV];
  return storedCounter("auth-failures", { points: rate.count, durationS: Math.round(rate.windowMs / 1000) });
}

const retryS = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** The 429 while the client's address is locked out; null when it may try a password. */
export async function lockedOut(client: Client): Promise<PlaygroundError | null> {
  const counter = await failures();
  const count = await counter.peek(client.key);
  return count && count.consumed > counter.points ? tooMany(WHAT, retryS(count.msBeforeNext)) : null;
}

/** Counts a wrong password; answers the 429 of the lockout it started, if it did. */
export async function recordFailedPassword(client: Client): Promise<PlaygroundError | null> {
  const counter = await failures();
  const count = await counter.hit(client.key);
  if (count.consumed < counter.points) return null;
  if (count.consumed > counter.points) return tooMany(WHAT, retryS(count.msBeforeNext));
  const lockouts = await storedCounter("auth-lockouts", { points: 1_000_000, durationS: LOCKOUTS_REMEMBERED_S });
  const previous = (await lockouts.hit(client.key)).consumed - 1;
  const seconds = Math.min(FIRST_LOCKOUT_S * 2 ** previous, LONGEST_LOCKOUT_S);
  await counter.block(client.key, seconds);
  console.warn(
    `[playground] ${client.address ?? "an unknown address"} locked out for ${seconds} s after ${count.consumed} wrong passwords`,
  );
  return tooMany(WHAT, seconds);
}

export function checkLockoutSettings(env: Env = process.env): void {
  parseRate(env[FAILURES_ENV], FAILURES_FALLBACK, FAILURES_ENV);
}
