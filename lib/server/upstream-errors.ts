import "server-only";
import OpenAI from "openai";
import { PlaygroundError } from "@/lib/errors";
import { unreachableMessage, type Backend } from "@/lib/server/backends";

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

/**
 * A fetch for the SDK that rewrites every error body into `{"error":{"message":…}}`, so that the
 * server's own sentence survives whatever shape it came in (FastAPI `detail`, old vLLM, HTML).
 */
export const normalizingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (response.ok) return response;
  const text = await response.text().catch(() => "");
  let message: string | null = null;
  try {
    message = upstreamErrorMessage(JSON.parse(text));
  } catch {
    message = /<html|<!doctype/i.test(text) ? null : text.trim().slice(0, 500) || null;
  }
  const body = JSON.stringify({ error: { message: message ?? `${response.status} ${response.statusText}`.trim() } });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: { "content-type": "application/json" } });
};

/** Turns whatever the upstream call threw into one of our errors, with a sentence a person can act on. */
export function toPlaygroundError(error: unknown, backend: Backend): PlaygroundError {
  if (error instanceof PlaygroundError) return error;
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new PlaygroundError("upstream_timeout", `Backend '${backend.id}' did not start answering within ${Math.round(backend.timeoutMs / 1000)} s.`);
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return new PlaygroundError("backend_unreachable", unreachableMessage(backend));
  }
  if (error instanceof OpenAI.APIError) {
    const detail = upstreamErrorMessage({ error: error.error }) ?? error.message;
    const status = error.status;
    if (status === undefined) {
      return new PlaygroundError("upstream_error", `The model server reported an error mid-stream: ${detail}`);
    }
    if (status === 401 || status === 403) {
      const where = backend.apiKeyEnv ? `the key in ${backend.apiKeyEnv}` : "a key (set apiKeyEnv in the configuration)";
      return new PlaygroundError("upstream_rejected", `Backend '${backend.id}' refused the request (${status}); check ${where}.`, status);
    }
    if (status >= 400 && status < 500) {
      return new PlaygroundError("upstream_rejected", `Backend '${backend.id}' rejected the request (${status}): ${detail}`, status);
    }
    return new PlaygroundError("upstream_error", `Backend '${backend.id}' failed (${status}): ${detail}`);
  }
  if (error instanceof SyntaxError) {
    return new PlaygroundError("upstream_error", `Backend '${backend.id}' sent a chunk that is not valid JSON; the stream was ended.`);
  }
  return new PlaygroundError("upstream_error", `The stream from backend '${backend.id}' failed: ${(error as Error)?.message ?? String(error)}`);
}
