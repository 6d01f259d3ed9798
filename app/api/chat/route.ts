import { chatRequestSchema } from "@/lib/chat/schema";
import { startChatStream } from "@/lib/chat/server/service";
import { accessDenied } from "@/lib/server/access-guard";
import { errorResponse, readJson, STREAM_HEADERS } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  // Outside the proxy's matcher: inline images can pass its 10 MB body buffer.
  const denied = accessDenied(request);
  if (denied) return denied;
  try {
    const chat = await readJson(request, chatRequestSchema);
    const stream = await startChatStream(chat, request.signal);
    return new Response(stream, { headers: STREAM_HEADERS });
  } catch (error) {
    return errorResponse(error);
  }
}
