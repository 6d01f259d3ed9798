import { chatRequestSchema } from "@/lib/chat/schema";
import { startChatStream } from "@/lib/chat/server/service";
import { STREAM_HEADERS } from "@/lib/server/http";
import { methods, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

// Outside the proxy's matcher: inline images can pass its 10 MB body buffer.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route({ body: chatRequestSchema }, async ({ request, body }) => {
    const stream = await startChatStream(body, request.signal);
    return new Response(stream, { headers: STREAM_HEADERS });
  }),
});
