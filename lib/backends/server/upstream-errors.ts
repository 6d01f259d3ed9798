import "server-only";

import OpenAI from "openai";

import { unreachableMessage, type Backend } from "@/lib/backends/server/backends";
import { redactKeys } from "@/lib/backends/server/redact";
import { limitReached, upstreamFetch } from "@/lib/backends/server/upstream-fetch";
import { PlaygroundError } from "@/lib/core/errors";

// An error page can be endless; its first kilobytes say everything a person needs.
const ERROR_BODY_LIMIT = 64 * 1024;

/** Reads the message out of any of the error bodies NIMs and vLLM versions send. */
export function upstreamErrorMessage(body: unknown): string | null {
  if (!body || typeof body !== "object") return null;
  const record = body as Record<string, unknown>;
  const nested = record.error;
  if (typeof nested === "string") return nested;
  if (nested && typeof nested === "object" && typeof (nested as { message?: unknown }).message === "string") {
    return (nested as { message: string }).message;
  }
  if (typeof record.message === "string") return record.message;
  if (typeof record.detail === "string") return record.detail;
  if (Array.isArray(record.detail)) {
    // FastAPI validation errors: [{loc, msg}]
    return record.detail
      .map((d) => (d && typeof d === "object" && "msg" in d ? String((d as { msg: unknown }).msg) : JSON.stringify(d)))
      .join("; ");
  }
  return null;
}

/** The body as text, up to maxBytes; the rest is not read (`complete` tells). */
export async function readTextUpTo(response: Response, maxBytes: number): Promise<{ text: string; complete: boolean }> {
  if (!response.body) return { text: "", complete: true };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return { text: Buffer.concat(chunks).toString("utf8"), complete: true };
    chunks.push(value);
    bytes += value.length;
    if (bytes > maxBytes) {
      await reader.cancel();
      return { text: Buffer.concat(chunks).subarray(0, maxBytes).toString("utf8"), complete: false };
    }
  }
}

/**
 * A network failure handed to the SDK outside its `cause` chain: the SDK calls any failure whose text
 * mentions a timeout (the system's "connect ETIMEDOUT") its own timeout, i.e. the backend's timeoutMs.
 */
class NetworkFailure extends Error {
  constructor(readonly failure: unknown) {
    super("fetch failed");
    this.name = "NetworkFailure";
  }
}

/**
 * A fetch for the SDK that rewrites every error body into `{"error":{"message":…}}`, so that the
 * server's own sentence survives whatever shape it came in (FastAPI `detail`, old vLLM, HTML).
 */
export const normalizingFetch: typeof fetch = async (input, init) => {
  if (input instanceof Request) throw new TypeError("An upstream call takes a URL, not a Request.");
  let response: Response;
  try {
    response = await upstreamFetch(input, init);
  } catch (error) {
    throw init?.signal?.aborted ? error : new NetworkFailure(error);
  }
  if (response.ok) {
    if (!response.body || !/^text\/event-stream/i.test(response.headers.get("content-type") ?? "")) return response;
    const { status, statusText, headers } = response;
    return new Response(response.body.pipeThrough(wholeLines()), { status, statusText, headers });
  }
  const { text } = await readTextUpTo(response, ERROR_BODY_LIMIT).catch(() => ({ text: "" }));
  const statusLine = `${response.status} ${response.statusText}`.trim();
  let message: string | null = null;
  if (/html/i.test(response.headers.get("content-type") ?? "") || /^\s*<(!doctype|html|head|body)/i.test(text)) {
    message = `the answer was an HTML error page (${statusLine}), often from a proxy in front of the model server — is the model server behind it running?`;
  } else {
    try {
      message = upstreamErrorMessage(JSON.parse(text));
    } catch {
      message = text.trim().slice(0, 500) || null;
    }
  }
  const body = JSON.stringify({ error: { message: message ?? statusLine } });
  const headers = new Headers({ "content-type": "application/json" });
  const retryAfter = response.headers.get("retry-after");
  if (retryAfter) headers.set("retry-after", retryAfter);
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
};

/** The longest event-stream line held while waiting for its end (a whole answer in one event stays under it). */
export const MAX_EVENT_LINE_BYTES = 16 * 1024 * 1024;

const lineTooLong = () =>
  new PlaygroundError(
    "upstream_error",
    `The model server sent an event-stream line of more than ${MAX_EVENT_LINE_BYTES / 1024 / 1024} MB without ending it; the stream was ended and the text so far is kept.`,
  );

/**
 * Regroups a byte stream so each piece ends at a line end. The SDK copies its whole pending buffer
 * on every network read, which is quadratic for one huge event (a 10 MB chunk took 13 s).
 */
function wholeLines(): TransformStream<Uint8Array, Uint8Array> {
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  return new TransformStream({
    transform(chunk, controller) {
      const end = Math.max(chunk.lastIndexOf(0x0a), chunk.lastIndexOf(0x0d)) + 1;
      if (end === 0) {
        held.push(chunk);
        heldBytes += chunk.length;
        // A line that never ends would be held in memory for ever.
        if (heldBytes > MAX_EVENT_LINE_BYTES) controller.error(lineTooLong());
        return;
      }
      controller.enqueue(held.length ? Buffer.concat([...held, chunk.subarray(0, end)]) : chunk.subarray(0, end));
      held = end < chunk.length ? [chunk.subarray(end)] : [];
      heldBytes = chunk.length - end;
      if (heldBytes > MAX_EVENT_LINE_BYTES) controller.error(lineTooLong());
    },
    flush(controller) {
      if (held.length) controller.enqueue(Buffer.concat(held));
    },
  });
}

/** Seconds to wait from a Retry-After header (seconds or an HTTP date), or null. */
function retryAfterSeconds(headers: Headers | undefined): number | null {
  const value = headers?.get("retry-after")?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(1, Math.ceil((at - Date.now()) / 1000));
}

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let e = error; e && typeof e === "object" && codes.length < 5; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
  }
  return codes;
}

/**
 * Our error for an upstream answer that is not 2xx, for every kind of call (chat, generation, status
 * checks): the server's own sentence, and what to do about busy servers, loading NIMs and keys.
 */
export function errorForStatus(backend: Backend, status: number, upstreamSaid: string | null, headers?: Headers): PlaygroundError {
  const detail = upstreamSaid === null ? null : redactKeys(upstreamSaid);
  const said = detail ? `: ${detail}` : "";
  const wait = retryAfterSeconds(headers);
  if (status === 429) {
    return new PlaygroundError(
      "upstream_rejected",
      `Backend '${backend.id}' is busy (429${said}); retry ${wait === null ? "in a few seconds" : `in ${wait} s`}.`,
      status,
    );
  }
  if (status === 503) {
    const retry = wait === null ? "try again in a minute" : `retry in ${wait} s`;
    return new PlaygroundError(
      "upstream_error",
      `Backend '${backend.id}' is starting up or overloaded (503${said}); a NIM answers this while it loads its model — ${retry}.`,
      status,
    );
  }
  if (status === 401 || status === 403) {
    const where = backend.apiKeyEnv ? `the key in ${backend.apiKeyEnv}` : "a key (set apiKeyEnv in the configuration)";
    return new PlaygroundError("upstream_rejected", `Backend '${backend.id}' refused the request (${status}); check ${where}.`, status);
  }
  if (status >= 400 && status < 500) {
    return new PlaygroundError(
      "upstream_rejected",
      `Backend '${backend.id}' rejected the request (${status})${detail ? said : "."}`,
      status,
    );
  }
  return new PlaygroundError("upstream_error", `Backend '${backend.id}' failed (${status})${detail ? said : "."}`);
}

/** Why a fetch to the backend failed before any answer: headers too large, or not reachable. */
export function fetchFailure(error: unknown, backend: Backend): PlaygroundError {
  // Already a sentence of ours (a redirect refused by upstreamFetch).
  if (error instanceof PlaygroundError) return error;
  if (errorCodes(error).includes("UND_ERR_HEADERS_OVERFLOW")) {
    return new PlaygroundError(
      "upstream_error",
      `Backend '${backend.id}' answered with response headers larger than the 16 KB the server accepts.`,
    );
  }
  return new PlaygroundError("backend_unreachable", unreachableMessage(backend));
}

/** True when the socket under a streamed body went away (reset, or closed mid-message). */
function isConnectionCut(error: unknown): boolean {
  if (error instanceof TypeError && error.message === "terminated") return true;
  return errorCodes(error).some((code) => ["UND_ERR_SOCKET", "ECONNRESET", "EPIPE"].includes(code));
}

export function cutMidStreamMessage(backend: Backend): string {
  return `The connection to backend '${backend.id}' was cut mid-stream; the text so far is kept. Try again.`;
}

/**
 * Turns whatever the upstream call threw into one of our errors, with a sentence a person can act
 * on and without the backend's key, whatever the upstream echoed.
 */
export function toPlaygroundError(error: unknown, backend: Backend): PlaygroundError {
  const failure = describeFailure(error, backend);
  const message = redactKeys(failure.message);
  return message === failure.message ? failure : new PlaygroundError(failure.code, message, failure.status);
}

function describeFailure(error: unknown, backend: Backend): PlaygroundError {
  if (error instanceof PlaygroundError) return error;
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return limitReached(backend, "start");
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return fetchFailure(error.cause instanceof NetworkFailure ? error.cause.failure : error.cause, backend);
  }
  if (error instanceof OpenAI.APIError) {
    const detail = upstreamErrorMessage({ error: error.error }) ?? error.message;
    const status = error.status;
    if (status === undefined) {
      return new PlaygroundError("upstream_error", `The model server reported an error mid-stream: ${detail}`);
    }
    return errorForStatus(backend, status, detail, error.headers);
  }
  if (error instanceof SyntaxError) {
    return new PlaygroundError("upstream_error", `Backend '${backend.id}' sent a chunk that is not valid JSON; the stream was ended.`);
  }
  if (isConnectionCut(error)) return new PlaygroundError("upstream_error", cutMidStreamMessage(backend));
  return new PlaygroundError(
    "upstream_error",
    `The stream from backend '${backend.id}' failed: ${(error as Error)?.message ?? String(error)}`,
  );
}
