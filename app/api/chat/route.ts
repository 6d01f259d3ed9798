import { chatRequestSchema, MAX_CHAT_BODY_BYTES } from "@/lib/chat/schema";
import { startChatStream } from "@/lib/chat/server/service";
import { STREAM_HEADERS } from "@/lib/server/http";
import { methods, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

// Outside the proxy's matcher: inline images can pass its 10 MB body buffer. The body is read up to
// its cap and refused as soon as it passes it, the rest unread.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route({ body: chatRequestSchema, maxBodyBytes: MAX_CHAT_BODY_BYTES }, async ({ request, body, requestId }) => {
    const stream = await startChatStream(body, request.signal, { requestId });
    return new Response(stream, { headers: STREAM_HEADERS });
  }),
});
