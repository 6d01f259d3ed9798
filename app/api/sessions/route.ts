import { createShareSchema } from "@/lib/session-schema";
import { methods, route } from "@/lib/server/route";
import { SESSION_BODY_MAX_BYTES, shareSession } from "@/lib/server/session-service";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route({ body: createShareSchema, maxBodyBytes: SESSION_BODY_MAX_BYTES, limit: "shares" }, async ({ body }) => {
    const share = await shareSession(body);
    return Response.json(share, { status: 201, headers: { Location: `/api/sessions/${share.id}` } });
  }),
});
