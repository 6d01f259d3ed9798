import { mediaUrl } from "@/lib/media/media-api";
import { uploadMedia } from "@/lib/media/server/service";
import { methods, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

// The proxy skips this route (it would buffer whole videos); the wrapper checks access and the limit.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route({ accepts: "upload", limit: "uploads" }, async ({ request }) => {
    const { media, created } = await uploadMedia(request);
    return Response.json(media, { status: created ? 201 : 200, headers: { Location: mediaUrl(media.id) } });
  }),
});
