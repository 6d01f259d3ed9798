import { z } from "zod";

import { readShare, removeShare } from "@/lib/conversations/server/service";
import { accessConfig } from "@/lib/server/access";
import { methods, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

// Revocation must take effect at once, so nothing is cached (route() sends no-store); links should
// not end up in search engines.
const HEADERS = { "X-Robots-Tag": "noindex" };
const params = z.object({ id: z.string() });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route({ params, access: { openWhen: async () => accessConfig().publicShares } }, async ({ params }) => {
    return Response.json(await readShare(params.id), { headers: HEADERS });
  }),

  DELETE: route({ params }, async ({ request, params }) => {
    const token = request.headers.get("x-delete-token") ?? new URL(request.url).searchParams.get("token");
    await removeShare(params.id, token);
    return new Response(null, { status: 204, headers: HEADERS });
  }),
});
