import "server-only";

import { Agent, fetch as undiciFetch } from "undici";

import type { Backend } from "@/lib/backends/server/backends";
import { PlaygroundError } from "@/lib/core/errors";
import { processMemo } from "@/lib/core/process-memo";

// Every request to a model server goes through here. undici's own clocks (300 s for headers, 300 s
// between body chunks, 10 s to connect) are switched off: the only limits are the backend's timeoutMs
// and idleTimeoutMs, held as timers by the callers, so each error names the limit that ended the call.

export const UPSTREAM_AGENT_OPTIONS = { headersTimeout: 0, bodyTimeout: 0, connectTimeout: 0 } as const;

/** One agent (one connection pool) per process. */
export function upstreamAgent(): Agent {
  return processMemo("upstream-agent", "", () => new Agent(UPSTREAM_AGENT_OPTIONS));
}

type UndiciInit = NonNullable<Parameters<typeof undiciFetch>[1]>;

const REDIRECTS = [301, 302, 303, 307, 308];
const MAX_REDIRECTS = 5;

/**
 * fetch to a model server, through the agent above. Redirects are followed only within the same
 * origin (a redirect elsewhere would carry the key to another host); `redirect: "manual"` hands
 * them to the caller as they are.
 */
export async function upstreamFetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
  const send = (target: URL, request: RequestInit) =>
    undiciFetch(target, { ...(request as UndiciInit), redirect: "manual", dispatcher: upstreamAgent() }) as unknown as Promise<Response>;
  if (init.redirect === "manual") return send(new URL(url), init);
  let target = new URL(url);
  let request = init;
  for (let hops = 0; ; hops++) {
    const response = await send(target, request);
    const location = REDIRECTS.includes(response.status) ? response.headers.get("location") : null;
    if (!location) return response;
    await response.body?.cancel();
    const next = new URL(location, target);
    if (next.origin !== target.origin) throw redirectRefused(target, `redirected to another host (${next.origin})`);
    if (hops >= MAX_REDIRECTS) throw redirectRefused(target, `redirected more than ${MAX_REDIRECTS} times`);
    // 303, and 301/302 after a POST, turn into a GET without the body, as browsers do.
    const keepMethod = response.status === 307 || response.status === 308 || (response.status !== 303 && !request.body);
    if (keepMethod && request.body instanceof ReadableStream) throw redirectRefused(target, "redirected a streamed request");
    if (!keepMethod) request = { ...request, method: "GET", body: null };
    target = next;
  }
}

function redirectRefused(from: URL, what: string): PlaygroundError {
  return new PlaygroundError(
    "upstream_error",
    `The model server at ${from.origin} ${what}; the playground follows redirects only within the same server, so requests and keys stay with the configured one. Set the backend's baseUrl to the address that answers.`,
  );
}

/** 1500 → "1.5 s", 600000 → "600 s". */
export function secondsOf(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

type Limits = Pick<Backend, "id" | "timeoutMs" | "idleTimeoutMs">;

/** The error for a call one of the backend's own limits ended, naming that limit. */
export function limitReached(backend: Limits, what: "start" | "finish" | "idle", then = ""): PlaygroundError {
  const said = {
    start: `did not start answering within its timeoutMs (${secondsOf(backend.timeoutMs)})`,
    finish: `did not finish within its timeoutMs (${secondsOf(backend.timeoutMs)})`,
    idle: `sent nothing for its idleTimeoutMs (${secondsOf(backend.idleTimeoutMs)})`,
  }[what];
  return new PlaygroundError("upstream_timeout", `Backend '${backend.id}' ${said}${then ? `; ${then}` : "."}`);
}

/**
 * fetch whose whole exchange, headers and body, must end within `ms`, else the call or its body
 * fails with `expired()`; when `init.signal` aborts, with its reason. The timer is held here:
 * Node 20 loses an AbortSignal.timeout inside AbortSignal.any to garbage collection.
 */
export async function fetchWithin(url: string | URL, init: RequestInit, ms: number, expired: () => Error): Promise<Response> {
  const caller = init.signal;
  const abort = new AbortController();
  const onCallerAbort = () => abort.abort(caller?.reason);
  const timer = setTimeout(() => abort.abort(expired()), ms);
  const release = () => {
    clearTimeout(timer);
    caller?.removeEventListener("abort", onCallerAbort);
  };
  if (caller?.aborted) onCallerAbort();
  else caller?.addEventListener("abort", onCallerAbort, { once: true });
  try {
    return untilBodyEnds(await upstreamFetch(url, { ...init, signal: abort.signal }), abort.signal, release);
  } catch (error) {
    release();
    throw abort.signal.aborted ? abort.signal.reason : error;
  }
}

const NULL_BODY_STATUSES = [101, 204, 205, 304];

/** The response with its body passed through; `release` runs once the body ended, failed or was canceled. */
function untilBodyEnds(response: Response, signal: AbortSignal, release: () => void): Response {
  if (!response.body || NULL_BODY_STATUSES.includes(response.status)) {
    release();
    return response;
  }
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await reader.read();
          if (!next.done) return controller.enqueue(next.value);
          release();
          controller.close();
        } catch (error) {
          release();
          controller.error(signal.aborted ? signal.reason : error);
        }
      },
      cancel(reason) {
        release();
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
