import "server-only";

// An in-memory sliding-window limiter: each client keeps the times of its recent hits. One process
// only (no shared store); enough to stop a runaway script from filling the disk with shares or uploads.

export interface Rate {
  count: number;
  windowMs: number;
}

export type LimitResult = { ok: true } | { ok: false; retryAfterS: number };

/** Past this many tracked clients, idle ones are swept before a new one is added. */
const SWEEP_AT = 10_000;

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly rate: Rate,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one hit for the client unless it is over the limit; then says when a slot frees up. */
  hit(client: string): LimitResult {
    const now = this.now();
    const since = now - this.rate.windowMs;
    const recent = (this.hits.get(client) ?? []).filter((time) => time > since);
    if (recent.length >= this.rate.count) {
      this.hits.set(client, recent);
      return { ok: false, retryAfterS: Math.max(1, Math.ceil((recent[0]! + this.rate.windowMs - now) / 1000)) };
    }
    if (!this.hits.has(client) && this.hits.size >= SWEEP_AT) this.sweep(since);
    recent.push(now);
    this.hits.set(client, recent);
    return { ok: true };
  }

  /** How many clients are tracked (for tests of the sweep). */
  get size(): number {
    return this.hits.size;
  }

  private sweep(since: number): void {
    for (const [client, times] of this.hits) {
      if (times.every((time) => time <= since)) this.hits.delete(client);
    }
  }
}

/** "count/seconds", e.g. "20/600"; throws a sentence naming the variable when it is not. */
export function parseRate(raw: string | undefined, fallback: Rate, name: string): Rate {
  if (raw === undefined || raw.trim() === "") return fallback;
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  const count = Number(match?.[1]);
  const seconds = Number(match?.[2]);
  if (!match || count < 1 || seconds < 1) throw new Error(`${name} must look like "count/seconds" (e.g. "20/600"), got '${raw}'.`);
  return { count, windowMs: seconds * 1000 };
}

const OWNER_ID = /^[A-Za-z0-9_-]{22}$/;

/**
 * Who is asking: the owner cookie, else the first X-Forwarded-For entry when a trusted proxy sets
 * it, else the socket address when the caller knows it, else one shared "unknown" client.
 */
export function clientKey(request: { ownerId: string | null; forwardedFor: string | null; socketAddress?: string | null }, trustProxy: boolean): string {
  if (request.ownerId && OWNER_ID.test(request.ownerId)) return `owner:${request.ownerId}`;
  const forwarded = trustProxy ? request.forwardedFor?.split(",")[0]?.trim() : undefined;
  if (forwarded) return `ip:${forwarded}`;
  if (request.socketAddress) return `ip:${request.socketAddress}`;
  return "unknown";
}

/** "in 3 minutes", "in 40 seconds": when the client may try again. */
export function describeRetry(seconds: number): string {
  if (seconds < 90) return `in ${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `in ${minutes} minutes`;
}
