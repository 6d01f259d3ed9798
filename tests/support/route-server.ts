import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

import { frontDoor, markPeerStamping } from "../../scripts/front-door.mjs";

// Serves Next route handlers over real HTTP in tests, with the same abort-on-disconnect behaviour,
// behind the front door the production server (scripts/serve.mjs) puts in front of Next.

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;

export interface Route {
  method: string;
  /** e.g. /api/chat or /api/backends/[id]/v1/[...path] */
  pattern: string;
  handler: RouteHandler;
}

function match(pattern: string, pathname: string): Record<string, string | string[]> | null {
  const patternParts = pattern.split("/").filter(Boolean);
  const parts = pathname.split("/").filter(Boolean);
  const params: Record<string, string | string[]> = {};
  for (let i = 0; i < patternParts.length; i++) {
    const p = patternParts[i]!;
    if (p.startsWith("[[...")) {
      if (i < parts.length) params[p.slice(5, -2)] = parts.slice(i).map(decodeURIComponent);
      return params;
    }
    if (p.startsWith("[...")) {
      if (i >= parts.length) return null;
      params[p.slice(4, -1)] = parts.slice(i).map(decodeURIComponent);
      return params;
    }
    const part = parts[i];
    if (part === undefined) return null;
    if (p.startsWith("[")) params[p.slice(1, -1)] = decodeURIComponent(part);
    else if (p !== part) return null;
  }
  return parts.length === patternParts.length ? params : null;
}

function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(new URL(req.url ?? "/", origin), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    signal,
    // @ts-expect-error -- required by Node for streamed bodies
    duplex: "half",
  });
}

/** Next tries a catch-all only after every more specific route. */
const catchAllLast = (routes: Route[]) =>
  [...routes].sort((a, b) => Number(a.pattern.includes("[[...")) - Number(b.pattern.includes("[[...")));

export async function serveRoutes(routes: Route[]): Promise<{ url: string; close(): Promise<void> }> {
  let origin = "";
  const ordered = catchAllLast(routes);
  markPeerStamping();
  const server = createServer(async (req, res) => {
    if (frontDoor(req, res)) return;
    const controller = new AbortController();
    res.on("close", () => controller.abort());
    const pathname = new URL(req.url ?? "/", "http://x").pathname;
    for (const route of ordered) {
      const params = route.method === req.method || route.method === "*" ? match(route.pattern, pathname) : null;
      if (!params) continue;
      const response = await route.handler(toRequest(req, origin, controller.signal), { params: Promise.resolve(params) });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.flushHeaders();
      if (!response.body) return void res.end();
      const reader = response.body.getReader();
      res.on("close", () => void reader.cancel().catch(() => undefined));
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
        if (done) break;
        res.write(value);
      }
      return void res.end();
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
