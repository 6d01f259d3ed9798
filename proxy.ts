import { NextResponse, type NextRequest } from "next/server";
import { PlaygroundError } from "@/lib/core/errors";
import { MEDIA_CONTENT_SECURITY_POLICY } from "@/lib/core/security-headers";
import { shareRemovedHtml } from "@/lib/share/removed-html";
import { accessConfig, classifyPath, decideAccess, loginRedirectPath, unauthorizedResponse } from "@/lib/server/access";
import { isSharedMedia } from "@/lib/server/access-guard";
import { readShare } from "@/lib/conversations/server/service";
import { carriesMediaSignature } from "@/lib/media/media-url";

// Three jobs in front of the app: the optional password (lib/server/access.ts), 410 Gone for a
// revoked share link, which a page cannot set, and the sandbox policy of stored media.

export async function proxy(request: NextRequest): Promise<Response> {
  const { pathname, search } = request.nextUrl;
  const decision = decideAccess({ method: request.method, pathname, headers: request.headers }, accessConfig());
  // A model server fetching a signed media link has no login; the media route checks the signature.
  if (decision !== "allow" && classifyPath(request.method, pathname) === "share-media" && carriesMediaSignature(request.nextUrl.searchParams)) {
    return NextResponse.next();
  }
  if (decision === "login-page") return NextResponse.redirect(new URL(loginRedirectPath(pathname, search), request.url), 303);
  if (decision === "unauthorized") return unauthorizedResponse();
  if (decision === "check-media" && !(await mediaIsShared(pathname))) return unauthorizedResponse();
  const kind = classifyPath(request.method, pathname);
  if (kind === "share-page") return (await removedShare(request)) ?? NextResponse.next();
  if (kind === "share-media") return NextResponse.next({ headers: { "Content-Security-Policy": MEDIA_CONTENT_SECURITY_POLICY } });
  return NextResponse.next();
}

async function mediaIsShared(pathname: string): Promise<boolean> {
  try {
    return await isSharedMedia(decodeURIComponent(pathname.split("/")[3] ?? ""));
  } catch {
    return false;
  }
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
// (uploads, chat with inline media, the OpenAI pass-through); those check access themselves.
export const config = {
  matcher: ["/((?!_next/static/|ffmpeg/|samples/|icon\\.svg$|favicon\\.ico$|api/media$|api/chat$|api/backends/[^/]+/v1/).*)"],
};
