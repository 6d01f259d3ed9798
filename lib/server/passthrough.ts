import "server-only";
import { z } from "zod";
import { PlaygroundError } from "@/lib/errors";
import type { BackendKind } from "@/lib/families";
import { authHeaders, getBackend, unreachableMessage } from "@/lib/server/backends";

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

export async function passThrough(request: Request, params: z.infer<typeof passthroughParamsSchema>): Promise<Response> {
  const backend = await getBackend(params.id);
  const path = params.path.join("/");
  const method = request.method.toUpperCase();
  const rule = ALLOWED[backend.kind].find(([pattern]) => pattern.test(path));
  if (!rule) {
    throw new PlaygroundError("path_not_allowed", `A ${backend.kind} backend does not serve /v1/${path} through the playground.`);
  }
  if (!rule[1].includes(method as Method)) {
    throw new PlaygroundError("method_not_allowed", `/v1/${path} takes ${rule[1].join(" or ")}, not ${method}.`);
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
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method,
      headers,
      body: hasBody ? request.body : undefined,
      // @ts-expect-error -- Node's fetch needs duplex for a streamed request body; the DOM type lacks it.
      duplex: hasBody ? "half" : undefined,
      signal: request.signal,
      cache: "no-store",
      redirect: "manual",
    });
  } catch (error) {
    if (request.signal.aborted) throw new PlaygroundError("bad_request", "The request was cancelled.");
    throw new PlaygroundError("backend_unreachable", unreachableMessage(backend));
  }

  const responseHeaders = new Headers({ "Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no" });
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) responseHeaders.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers: responseHeaders });
}
