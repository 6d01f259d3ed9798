import { mediaUrl } from "@/lib/media/media-api";
import { accessDenied } from "@/lib/server/access-guard";
import { errorResponse } from "@/lib/server/http";
import { uploadMedia } from "@/lib/media/server/service";
import { rateLimited } from "@/lib/server/route-limits";

export const dynamic = "force-dynamic";

/** Refusals leave the body unread: close the connection rather than drain it. */
function closing(response: Response): Response {
  response.headers.set("Connection", "close");
  return response;
}

export async function POST(request: Request): Promise<Response> {
  try {
    // The proxy skips this route (it would buffer whole videos), so access is checked here.
    const refused = accessDenied(request) ?? rateLimited(request, "uploads");
    if (refused) return closing(refused);
    const { media, created } = await uploadMedia(request);
    return Response.json(media, { status: created ? 201 : 200, headers: { Location: mediaUrl(media.id), "Cache-Control": "no-store" } });
  } catch (error) {
    return closing(errorResponse(error));
  }
}
