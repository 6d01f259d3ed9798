import { z } from "zod";

import { renameConversationSchema, saveConversationSchema, sessionIdSchema } from "@/lib/conversations/schema";
import { ownConversation, SESSION_BODY_MAX_BYTES } from "@/lib/conversations/server/service";
import { conversationNotFound } from "@/lib/server/db/conversations";
import { playgroundStore } from "@/lib/server/db/store";
import { methods, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

// An id that cannot exist is answered like an unknown one.
const one = { owner: true, params: z.object({ id: sessionIdSchema }), badParams: () => conversationNotFound() } as const;
const conversations = async () => (await playgroundStore()).conversations;

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(one, async ({ owner, params }) => Response.json(await ownConversation(owner.id, params.id))),

  /** Saves the whole session; `revision` must be the one it was loaded or last saved at. */
  PUT: route({ ...one, body: saveConversationSchema, maxBodyBytes: SESSION_BODY_MAX_BYTES }, async ({ owner, params, body }) => {
    return Response.json(await (await conversations()).save(owner.id, params.id, body));
  }),

  /** Renames; answers the summary with the new revision. */
  PATCH: route({ ...one, body: renameConversationSchema, maxBodyBytes: 64 * 1024 }, async ({ owner, params, body }) => {
    return Response.json(await (await conversations()).rename(owner.id, params.id, body.title, body.revision));
  }),

  DELETE: route(one, async ({ owner, params }) => {
    if (!(await (await conversations()).delete(owner.id, params.id))) await ownConversation(owner.id, params.id);
    return new Response(null, { status: 204 });
  }),
});
