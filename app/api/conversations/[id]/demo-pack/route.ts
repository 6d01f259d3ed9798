import { z } from "zod";

import { readSessionData, snapshotOf } from "@/lib/conversations/read";
import { sessionIdSchema } from "@/lib/conversations/schema";
import { ownConversation } from "@/lib/conversations/server/service";
import { PlaygroundError } from "@/lib/core/errors";
import { conversationNotFound } from "@/lib/server/db/conversations";
import { methods, route } from "@/lib/server/route";
import { packResponse } from "@/lib/share/server/demo-pack";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  /** A saved chat and its media as one .nimdemo file. */
  GET: route(
    { owner: true, params: z.object({ id: sessionIdSchema }), badParams: () => conversationNotFound() },
    async ({ owner, params }) => {
      const conversation = await ownConversation(owner.id, params.id);
      const data = readSessionData(conversation.data);
      if (!data) throw new PlaygroundError("conflict", "This chat was saved by another version of the playground and cannot be packed.");
      return packResponse(conversation.title, snapshotOf(data), conversation.createdAt);
    },
  ),
});
