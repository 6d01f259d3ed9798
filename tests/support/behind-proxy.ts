// Next's server sets this up before anything else; its console patching (loaded with next/server)
// needs the AsyncLocalStorage global, or the first console.warn in a route throws.
import "next/dist/server/node-environment-baseline";

import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";

import { config, proxy } from "@/proxy";

import type { Route } from "./route-server";

// A route handler as `next start` runs it: proxy.ts first, when its matcher takes the path (Next's
// own matcher code decides), then the handler, with the proxy's response headers over its own.

export function behindProxy(handler: Route["handler"]): Route["handler"] {
  return async (request, context) => {
    if (!unstable_doesMiddlewareMatch({ config, url: request.url })) return handler(request, context);
    const gate = await passProxy(request.url, request.method, request.headers);
    if (gate.headers.get("x-middleware-next") !== "1") return gate;
    const response = await handler(request, context);
    const headers = new Headers(response.headers);
    gate.headers.forEach((value, name) => {
      if (!name.startsWith("x-middleware-")) headers.set(name, value);
    });
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

/** The proxy's answer for a request (never its body: the proxy reads none). */
export function passProxy(url: string, method = "GET", headers: HeadersInit = {}): Promise<Response> {
  return proxy(new NextRequest(url, { method, headers }));
}
