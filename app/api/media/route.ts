import { mediaUrl } from "@/lib/media/media-api";
import { errorResponse } from "@/lib/server/http";
import { uploadMedia } from "@/lib/server/media-service";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    const { media, created } = await uploadMedia(request);
    return Response.json(media, { status: created ? 201 : 200, headers: { Location: mediaUrl(media.id), "Cache-Control": "no-store" } });
  } catch (error) {
    // The body may be partly unread (a refused upload): close the connection rather than drain it.
    const response = errorResponse(error);
    response.headers.set("Connection", "close");
    return response;
  }
}
