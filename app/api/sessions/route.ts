import { createShareSchema } from "@/lib/conversations/schema";
import { errorResponse, readJson } from "@/lib/server/http";
import { rateLimited } from "@/lib/server/route-limits";
import { SESSION_BODY_MAX_BYTES, shareSession } from "@/lib/conversations/server/service";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    const limited = rateLimited(request, "shares");
    if (limited) return limited;
    const input = await readJson(request, createShareSchema, { maxBytes: SESSION_BODY_MAX_BYTES });
    const share = await shareSession(input);
    return Response.json(share, { status: 201, headers: { Location: `/api/sessions/${share.id}`, "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
