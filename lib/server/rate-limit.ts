import "server-only";

// How rate limits are written in the environment and told to a person. The counting itself is
// rate-limiter-flexible's, in the database (lib/server/db/rate-limits.ts).

export interface Rate {
  count: number;
  windowMs: number;
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

/** "in 3 minutes", "in 40 seconds": when the client may try again. */
export function describeRetry(seconds: number): string {
  if (seconds < 90) return `in ${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `in ${minutes} minutes`;
}
