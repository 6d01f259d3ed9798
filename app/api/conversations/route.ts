import { createConversationSchema, listConversationsSchema } from "@/lib/conversations/schema";
import { SESSION_BODY_MAX_BYTES } from "@/lib/conversations/server/service";
import { playgroundStore } from "@/lib/server/db/store";
import { methods, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route({ owner: true, query: listConversationsSchema }, async ({ owner, query: { q, limit, offset } }) => {
    return Response.json(await (await playgroundStore()).conversations.list(owner.id, { query: q, limit, offset }));
  }),

  POST: route({ owner: true, body: createConversationSchema, maxBodyBytes: SESSION_BODY_MAX_BYTES }, async ({ owner, body }) => {
    const conversation = await (await playgroundStore()).conversations.create(owner.id, body);
    return Response.json(conversation, { status: 201, headers: { Location: `/api/conversations/${conversation.id}` } });
  }),
});
