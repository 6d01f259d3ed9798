import "server-only";
import type { z } from "zod";
import { PlaygroundError } from "@/lib/core/errors";

/** The JSON error response of every route: our code, its status, a sentence; never a stack. */
export function errorResponse(error: unknown): Response {
  const failure =
    error instanceof PlaygroundError
      ? error
      : new PlaygroundError("internal", "Something went wrong on the playground server; the details are in its log.");
  if (!(error instanceof PlaygroundError)) console.error("[playground] unexpected error:", error);
  return Response.json(failure.toBody(), { status: failure.status, headers: { "Cache-Control": "no-store" } });
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
  const tooLarge = () => new PlaygroundError("payload_too_large", `The request body is over the limit of ${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB.`);
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
