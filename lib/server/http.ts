import "server-only";

import type { z } from "zod";

import { PlaygroundError } from "@/lib/core/errors";

export const NO_STORE = { "Cache-Control": "no-store" } as const;

/**
 * The JSON error response of every route: our code, its status, its headers, a sentence and the
 * request's id; never a stack. Unexpected errors are logged with that id, so a report can be traced.
 */
export function errorResponse(error: unknown, requestId?: string): Response {
  const failure =
    error instanceof PlaygroundError
      ? error
      : new PlaygroundError("internal", "Something went wrong on the playground server; the details are in its log.");
  if (!(error instanceof PlaygroundError)) console.error(`[playground] ${requestId ?? "-"} unexpected error:`, error);
  else if (failure.status >= 500) console.error(`[playground] ${requestId ?? "-"} ${failure.code}: ${failure.message}`);
  return Response.json(failure.toBody(requestId), { status: failure.status, headers: { ...NO_STORE, ...failure.headers } });
}

/** Describes zod issues as one sentence naming each bad field. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 5).map((issue) => {
    const field = issue.path.length ? issue.path.map(String).join(".") : "body";
    return `${field}: ${issue.message}`;
  });
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : "";
  return `The request is not valid — ${parts.join("; ")}${more}.`;
}

/** The body as text, refused with 413 as soon as it passes maxBytes (declared or streamed). */
async function readTextWithin(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new PlaygroundError("payload_too_large", `The request body is over the limit of ${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB.`);
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    if (bytes > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Deeper JSON than this is refused: storing it would overflow the stack in JSON.stringify. */
const MAX_JSON_DEPTH = 64;

/** How deeply arrays and objects nest in a parsed JSON value, counted without recursion. */
function jsonDepthOver(value: unknown, limit: number): boolean {
  let level: unknown[] = [value];
  for (let depth = 0; level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const item of level) {
      if (item === null || typeof item !== "object") continue;
      if (depth >= limit) return true;
      for (const child of Array.isArray(item) ? item : Object.values(item)) next.push(child);
    }
    level = next;
  }
  return false;
}

/** Reads a JSON body and validates it; throws a 400 PlaygroundError with a readable message. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S, options: { maxBytes?: number } = {}): Promise<z.infer<S>> {
  let raw: unknown;
  const text = options.maxBytes === undefined ? request.text() : readTextWithin(request, options.maxBytes);
  try {
    raw = JSON.parse(await text);
  } catch (error) {
    if (error instanceof PlaygroundError) throw error;
    throw new PlaygroundError("bad_request", "The request body must be JSON (Content-Type: application/json).");
  }
  if (jsonDepthOver(raw, MAX_JSON_DEPTH)) {
    throw new PlaygroundError(
      "bad_request",
      `The request body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep; flatten it.`,
    );
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw new PlaygroundError("bad_request", describeIssues(result.error.issues));
  return result.data;
}

export const STREAM_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform keeps proxies and compression from holding events back; X-Accel-Buffering for nginx.
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
  Connection: "keep-alive",
} as const;
