import { createShareSchema } from "@/lib/conversations/schema";
import { SESSION_BODY_MAX_BYTES, shareSession } from "@/lib/conversations/server/service";
import { methods, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route({ body: createShareSchema, maxBodyBytes: SESSION_BODY_MAX_BYTES, limit: "shares" }, async ({ body }) => {
    const share = await shareSession(body);
    return Response.json(share, { status: 201, headers: { Location: `/api/sessions/${share.id}` } });
  }),
});
