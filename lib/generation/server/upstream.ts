import "server-only";

import { authHeaders, type Backend } from "@/lib/backends/server/backends";
import { errorForStatus, fetchFailure, upstreamErrorMessage } from "@/lib/backends/server/upstream-errors";
import { fetchWithin, limitReached } from "@/lib/backends/server/upstream-fetch";
import { PlaygroundError } from "@/lib/core/errors";
import { guardrailRefusal } from "@/lib/generation/server/guardrail";
import { splitJsonMedia } from "@/lib/generation/server/json-media";

// HTTP to a generation backend: the key added here, the backend's timeoutMs over the whole exchange
// (headers and body), and every failure turned into one of our errors with a sentence to act on.

export class CanceledError extends Error {
  constructor() {
    super("The job was canceled.");
    this.name = "CanceledError";
  }
}

export interface UpstreamCall {
  method: "GET" | "POST" | "DELETE";
  /** Below the backend's /v1, e.g. "infer" or "videos/abc". */
  path: string;
  body?: BodyInit;
  headers?: Record<string, string>;
}

/** The raw response, whatever its status; throws for cancellation, timeouts and unreachable servers. */
export async function callUpstream(backend: Backend, call: UpstreamCall, signal: AbortSignal): Promise<Response> {
  if (signal.aborted) throw new CanceledError();
  const init = {
    method: call.method,
    headers: { Accept: "application/json", ...call.headers, ...authHeaders(backend) },
    body: call.body,
    signal,
    cache: "no-store",
    redirect: "manual",
  } as const;
  const expired = () => limitReached(backend, "finish", "for long generations raise its timeoutMs in the configuration.");
  try {
    return await fetchWithin(`${backend.baseUrl}/${call.path}`, init, backend.timeoutMs, expired);
  } catch (error) {
    throw failureOf(error, backend, signal);
  }
}

/** Reads a whole (small) body within the same limits. */
async function readBytes(response: Response, backend: Backend, signal: AbortSignal): Promise<Uint8Array> {
  try {
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw failureOf(error, backend, signal);
  }
}

/** A result body streamed on as it arrives, its failures (a stall, a cut, the time limit) made ours. */
export function streamBody(response: Response, backend: Backend, signal: AbortSignal): ReadableStream<Uint8Array> {
  const reader = response.body?.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = reader ? await reader.read() : { done: true as const, value: undefined };
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        } catch (error) {
          throw failureOf(error, backend, signal);
        }
      },
      cancel: (reason) => reader?.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

/** A JSON answer with its result as a base64 field, split as it streams (json-media.ts). */
export function jsonMediaOf(response: Response, backend: Backend, signal: AbortSignal, fields: readonly string[]) {
  const split = splitJsonMedia(streamBody(response, backend, signal), fields, (error) => failureOf(error, backend, signal));
  const rest = async () => {
    const { body, field } = await split.rest();
    if (!body) {
      throw new PlaygroundError(
        "upstream_error",
        `Backend '${backend.id}' answered ${response.status} with a body that is not a JSON object.`,
      );
    }
    return { body, field };
  };
  return { media: split.media, rest };
}

export async function readJsonBody(response: Response, backend: Backend, signal: AbortSignal): Promise<Record<string, unknown>> {
  const bytes = await readBytes(response, backend, signal);
  try {
    const body: unknown = JSON.parse(Buffer.from(bytes).toString("utf8"));
    if (typeof body === "object" && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new PlaygroundError("upstream_error", `Backend '${backend.id}' answered ${response.status} with a body that is not a JSON object.`);
}

// The backend's timeoutMs ends a call with our own error (fetchWithin), so anything else is the network.
function failureOf(error: unknown, backend: Backend, signal: AbortSignal): Error {
  if (error instanceof PlaygroundError) return error;
  if (signal.aborted) return new CanceledError();
  return fetchFailure(error, backend);
}

/** Throws our error for a response that is not 2xx, with the server's own sentence in it. */
export async function ensureOk(response: Response, backend: Backend): Promise<Response> {
  if (response.ok) return response;
  const text = await response.text().catch(() => "");
  let detail: string | null = null;
  try {
    detail = upstreamErrorMessage(JSON.parse(text));
  } catch {
    detail = /<html|<!doctype/i.test(text) ? null : text.trim().slice(0, 500) || null;
  }
  const blocked = guardrailRefusal(backend, detail);
  if (blocked) throw blocked;
  throw errorForStatus(backend, response.status, detail, response.headers);
}

/** The simulator's `simulated_note`, kept with the result so nobody takes a stock clip for a generation. */
export function notes(body: Record<string, unknown>): { note?: string } {
  const note = body.simulated_note;
  return typeof note === "string" && note.trim() !== "" ? { note } : {};
}
