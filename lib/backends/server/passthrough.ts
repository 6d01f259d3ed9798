import "server-only";

import { z } from "zod";

import type { BackendKind } from "@/lib/backends/families";
import { authHeaders, getBackend, type Backend } from "@/lib/backends/server/backends";
import { keyRedactingBytes, redactKeys } from "@/lib/backends/server/redact";
import { cutMidStreamMessage, fetchFailure } from "@/lib/backends/server/upstream-errors";
import { limitReached, upstreamFetch } from "@/lib/backends/server/upstream-fetch";
import { PlaygroundError } from "@/lib/core/errors";
import { MEDIA_CONTENT_SECURITY_POLICY } from "@/lib/core/security-headers";

// The OpenAI-compatible pass-through: only the paths a backend's kind serves, the key added here,
// the response streamed back as it arrives.

type Method = "GET" | "POST" | "DELETE";
const SEGMENT = "[A-Za-z0-9][A-Za-z0-9._-]{0,199}";
const COMMON: [RegExp, Method[]][] = [
  [/^models$/, ["GET"]],
  [/^health\/(ready|live)$/, ["GET"]],
  [/^(metadata|version|metrics)$/, ["GET"]],
];
const ALLOWED: Record<BackendKind, [RegExp, Method[]][]> = {
  chat: [...COMMON, [/^chat\/completions$/, ["POST"]], [/^completions$/, ["POST"]]],
  predict: [...COMMON, [/^infer$/, ["POST"]]],
  omni: [
    ...COMMON,
    [/^images\/generations$/, ["POST"]],
    [/^videos$/, ["GET", "POST"]],
    [/^videos\/sync$/, ["POST"]],
    [new RegExp(`^videos/${SEGMENT}$`), ["GET", "DELETE"]],
    [new RegExp(`^videos/${SEGMENT}/content$`), ["GET"]],
  ],
};

export const passthroughParamsSchema = z.object({
  id: z.string().min(1).max(100),
  path: z
    .array(z.string().regex(new RegExp(`^${SEGMENT}$`), "each path segment must be plain letters, digits, '.', '_' or '-'"))
    .min(1)
    .max(8),
});

const FORWARDED_REQUEST_HEADERS = ["content-type", "accept", "accept-language"];
const FORWARDED_RESPONSE_HEADERS = ["content-type", "cache-control", "content-disposition", "x-request-id", "retry-after"];
// Real values of the headers above are short; a longer one is junk or an attack, not for the browser.
const MAX_FORWARDED_HEADER_CHARS = 1024;
const encoder = new TextEncoder();

export async function passThrough(request: Request, params: z.infer<typeof passthroughParamsSchema>): Promise<Response> {
  const backend = await getBackend(params.id);
  const path = params.path.join("/");
  const method = request.method.toUpperCase();
  const rule = ALLOWED[backend.kind].find(([pattern]) => pattern.test(path));
  if (!rule) {
    throw new PlaygroundError("path_not_allowed", `A ${backend.kind} backend does not serve /v1/${path} through the playground.`);
  }
  if (!rule[1].includes(method as Method)) {
    const allow = [...rule[1], ...(rule[1].includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
    throw new PlaygroundError("method_not_allowed", `/v1/${path} takes ${rule[1].join(" or ")}, not ${method}.`, undefined, {
      Allow: allow,
    });
  }

  const search = new URL(request.url).search;
  const target = new URL(`${backend.baseUrl}/${path}${search}`);
  if (!target.href.startsWith(`${backend.baseUrl}/`)) {
    throw new PlaygroundError("path_not_allowed", `/v1/${path} does not stay inside the backend's /v1.`);
  }
  const headers = new Headers(authHeaders(backend));
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  const hasBody = method === "POST";
  const upstreamAbort = new AbortController();
  request.signal.addEventListener("abort", () => upstreamAbort.abort(request.signal.reason), { once: true });
  const headerTimer = setTimeout(() => upstreamAbort.abort(limitReached(backend, "start")), backend.timeoutMs);
  let upstream: Response;
  try {
    upstream = await upstreamFetch(target, {
      method,
      headers,
      body: hasBody ? request.body : undefined,
      // @ts-expect-error -- Node's fetch needs duplex for a streamed request body; the DOM type lacks it.
      duplex: hasBody ? "half" : undefined,
      signal: upstreamAbort.signal,
      cache: "no-store",
      redirect: "manual",
    });
  } catch (error) {
    if (request.signal.aborted) throw new PlaygroundError("bad_request", "The request was cancelled.");
    if (upstreamAbort.signal.aborted) throw limitReached(backend, "start");
    throw fetchFailure(error, backend);
  } finally {
    clearTimeout(headerTimer);
  }

  const responseHeaders = new Headers({ "Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no", ...INERT });
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value && value.length <= MAX_FORWARDED_HEADER_CHARS && redactKeys(value) === value) responseHeaders.set(name, value);
  }
  const type = upstream.headers.get("content-type") ?? "";
  // A document type would render on our origin (a hijacked NIM's page reading saved chats): never inline.
  if (RENDERABLE.test(type) || (!type && upstream.body)) responseHeaders.set("Content-Disposition", "attachment");
  const eventStream = /^text\/event-stream/i.test(type);
  const guarded = upstream.body && guardBody(upstream.body, backend, eventStream, () => upstreamAbort.abort());
  const redacting = keyRedactingBytes();
  const body = guarded && redacting ? guarded.pipeThrough(redacting) : guarded;
  return new Response(body, { status: upstream.status, headers: responseHeaders });
}

/** Whatever the upstream sends is not run or sniffed into something runnable (the media routes' policy). */
const INERT = { "Content-Security-Policy": MEDIA_CONTENT_SECURITY_POLICY, "X-Content-Type-Options": "nosniff" };
// HTML, XHTML, SVG, any XML and the other types a browser renders as a document.
const RENDERABLE = /^\s*(text\/(html|xml|xsl|xslt|vtt)|[\w.+-]+\/([\w.-]+\+)?xml|image\/svg|application\/(xhtml|pdf|x-shockwave))/i;

/**
 * Streams the upstream body through unchanged, but ends it when the upstream stalls for
 * idleTimeoutMs or its connection is cut. An event stream then gets a last `data: {"error":…}`
 * event (OpenAI's shape, so SDK clients raise it); any other body is aborted.
 */
function guardBody(
  body: ReadableStream<Uint8Array>,
  backend: Backend,
  eventStream: boolean,
  abortUpstream: () => void,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let tail = "\n\n"; // the last bytes sent: an error event may only start after a blank line
  const fail = (controller: ReadableStreamDefaultController<Uint8Array>, code: string, message: string) => {
    abortUpstream();
    void reader.cancel().catch(() => undefined);
    if (eventStream && /(\r?\n\r?\n|\r\r)$/.test(tail)) {
      controller.enqueue(encoder.encode(`data: ${JSON.stringify({ error: { code, type: code, message } })}\n\n`));
      controller.close();
    } else {
      controller.error(new Error(message));
    }
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let timer: NodeJS.Timeout | undefined;
        const idle = new Promise<"idle">((resolve) => (timer = setTimeout(() => resolve("idle"), backend.idleTimeoutMs)));
        try {
          const next = await Promise.race([reader.read(), idle]);
          if (next === "idle") return fail(controller, "upstream_timeout", limitReached(backend, "idle", "the stream was ended.").message);
          if (next.done) return controller.close();
          tail = (tail + Buffer.from(next.value.subarray(-4)).toString("latin1")).slice(-4);
          controller.enqueue(next.value);
        } catch {
          fail(controller, "upstream_error", cutMidStreamMessage(backend));
        } finally {
          clearTimeout(timer);
        }
      },
      cancel(reason) {
        abortUpstream();
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
