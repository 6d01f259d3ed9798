import { errorResponse } from "@/lib/server/http";
import { readShare, removeShare } from "@/lib/conversations/server/service";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

// Revocation must take effect at once, so nothing is cached; links should not end up in search engines.
const HEADERS = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" };

export async function GET(_request: Request, context: Context): Promise<Response> {
  try {
    return Response.json(await readShare((await context.params).id), { headers: HEADERS });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function DELETE(request: Request, context: Context): Promise<Response> {
  try {
    const token = request.headers.get("x-delete-token") ?? new URL(request.url).searchParams.get("token");
    await removeShare((await context.params).id, token);
    return new Response(null, { status: 204, headers: HEADERS });
  } catch (error) {
    return errorResponse(error);
  }
}
