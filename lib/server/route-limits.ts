import "server-only";
import { PlaygroundError } from "@/lib/core/errors";
import { OWNER_COOKIE } from "@/lib/server/owner";
import { cookieValue } from "@/lib/server/access";
import { clientKey, describeRetry, parseRate, SlidingWindowLimiter, type Rate } from "@/lib/server/rate-limit";

// The limits the routes apply, read from the environment. One limiter per action and rate, kept
// on globalThis so that dev reloads do not reset the counts; a changed rate starts afresh.

const ACTIONS = {
  shares: { env: "PLAYGROUND_RATE_SHARES", fallback: { count: 20, windowMs: 600_000 }, what: "shared sessions" },
  uploads: { env: "PLAYGROUND_RATE_UPLOADS", fallback: { count: 60, windowMs: 600_000 }, what: "uploads" },
  logins: { env: "PLAYGROUND_RATE_LOGINS", fallback: { count: 10, windowMs: 60_000 }, what: "login attempts" },
} as const;

export type LimitedAction = keyof typeof ACTIONS;

const cache = globalThis as typeof globalThis & { __playgroundLimiters?: Map<string, SlidingWindowLimiter> };

function limiterFor(action: LimitedAction): SlidingWindowLimiter {
  const { env, fallback } = ACTIONS[action];
  const rate: Rate = parseRate(process.env[env], fallback, env);
  const key = `${action}:${rate.count}/${rate.windowMs}`;
  const limiters = (cache.__playgroundLimiters ??= new Map());
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = new SlidingWindowLimiter(rate);
    limiters.set(key, limiter);
  }
  return limiter;
}

/** Null when the request may go on; else the 429 to answer, with Retry-After. */
export function rateLimited(request: Request, action: LimitedAction): Response | null {
  const client = clientKey(
    { ownerId: cookieValue(request.headers.get("cookie"), OWNER_COOKIE), forwardedFor: request.headers.get("x-forwarded-for") },
    process.env.PLAYGROUND_TRUST_PROXY === "1",
  );
  const limiter = limiterFor(action);
  const result = limiter.hit(client);
  if (result.ok) return null;
  const { count, windowMs } = limiter.rate;
  const message = `Too many ${ACTIONS[action].what}: the limit is ${count} per ${Math.round(windowMs / 1000)} seconds. Try again ${describeRetry(result.retryAfterS)}.`;
  return Response.json(
    new PlaygroundError("rate_limited", message).toBody(),
    { status: 429, headers: { "Retry-After": String(result.retryAfterS), "Cache-Control": "no-store" } },
  );
}
