import { NextResponse, type NextRequest } from "next/server";
import { PlaygroundError } from "@/lib/errors";
import { shareRemovedHtml } from "@/lib/share-removed-html";
import { readShare } from "@/lib/server/session-service";

// A revoked share link must answer 410 Gone, which a page cannot set; everything else about
// /s/<id> (found, unknown, malformed) is left to the page itself.

export async function proxy(request: NextRequest): Promise<NextResponse> {
  if (request.method !== "GET" && request.method !== "HEAD") return NextResponse.next();
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
  return NextResponse.next();
}

export const config = { matcher: "/s/:id" };
