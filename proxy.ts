import { randomBytes, randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";

import { readShare } from "@/lib/conversations/server/service";
import { PlaygroundError } from "@/lib/core/errors";
import { contentSecurityPolicy, MEDIA_CONTENT_SECURITY_POLICY } from "@/lib/core/security-headers";
import { accessConfig, accessRule, classifyPath, loginRedirectPath } from "@/lib/server/access";
import { accessRefusal } from "@/lib/server/access-guard";
import { requestClient } from "@/lib/server/client-address";
import { errorResponse } from "@/lib/server/http";
import { checkHost } from "@/lib/server/request-origin";
import { shareRemovedHtml } from "@/lib/share/removed-html";

// In front of pages and the API routes it matches: only the playground's own host names (against
// DNS rebinding), the optional password for pages (API routes check it in lib/server/route.ts),
// 410 Gone for a revoked share link, which a page cannot set, the sandbox policy of stored media,
// and each page's script nonce.

export async function proxy(request: NextRequest): Promise<Response> {
  const { pathname, search } = request.nextUrl;
  try {
    checkHost(request);
    if (pathname === "/api" || pathname.startsWith("/api/")) {
      const media = classifyPath(request.method, pathname) === "share-media";
      return NextResponse.next(media ? { headers: { "Content-Security-Policy": MEDIA_CONTENT_SECURITY_POLICY } } : undefined);
    }
    if (accessRule(request.method, pathname, accessConfig()) === "password") {
      const refusal = await accessRefusal(request.headers, requestClient(request.headers));
      if (refusal?.code === "unauthorized") return NextResponse.redirect(new URL(loginRedirectPath(pathname, search), request.url), 303);
      if (refusal) throw refusal;
    }
  } catch (error) {
    return errorResponse(error, randomUUID());
  }
  if (classifyPath(request.method, pathname) === "share-page") {
    const removed = await removedShare(request);
    if (removed) return removed;
  }
  return withNonce(request);
}

/**
 * A page with this request's script nonce: Next reads it from the request's CSP header and puts it
 * on the scripts it renders (pages render per request for it: app/layout.tsx).
 */
function withNonce(request: NextRequest): Response {
  const policy = contentSecurityPolicy(process.env.NODE_ENV === "development", randomBytes(16).toString("base64"));
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

async function removedShare(request: NextRequest): Promise<Response | null> {
  const id = request.nextUrl.pathname.split("/")[2] ?? "";
  try {
    await readShare(decodeURIComponent(id));
  } catch (error) {
    if (error instanceof PlaygroundError && error.code === "gone") {
      return new NextResponse(request.method === "HEAD" ? null : shareRemovedHtml(), {
        status: 410,
        headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Robots-Tag": "noindex" },
      });
    }
  }
  return null;
}

// Everything but static files, and the routes whose large bodies the proxy would buffer in memory
// (uploads, chat with inline media, the OpenAI pass-through); those check the host themselves.
export const config = {
  matcher: [
    "/((?!_next/static/|ffmpeg/|samples/|icon\\.svg$|favicon\\.ico$|api/media$|api/demo-packs$|api/chat$|api/backends/[^/]+/v1/).*)",
  ],
};
