import { methods, route } from "@/lib/server/route";
import { importDemoPack, readUpload } from "@/lib/share/server/demo-pack";

export const dynamic = "force-dynamic";

// The proxy skips this route (it would buffer a large pack); the wrapper checks access and the limit.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  /** Imports a .nimdemo file as a new saved chat, its media stored here. */
  POST: route({ owner: true, accepts: "zip", limit: "uploads" }, async ({ owner, request }) => {
    const conversation = await importDemoPack(owner.id, await readUpload(request));
    return Response.json(
      { id: conversation.id, title: conversation.title, url: `/?c=${conversation.id}` },
      { status: 201, headers: { Location: `/api/conversations/${conversation.id}` } },
    );
  }),
});
