import { renameConversationSchema, saveConversationSchema } from "@/lib/conversations/schema";
import { playgroundStore } from "@/lib/server/db/store";
import { readJson } from "@/lib/server/http";
import { withOwner } from "@/lib/server/owner";
import { checkConversationId, ownConversation, SESSION_BODY_MAX_BYTES } from "@/lib/conversations/server/service";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

const NO_STORE = { "Cache-Control": "no-store" };
const conversations = async () => (await playgroundStore()).conversations;

export const GET = withOwner<Context>(async (_request, owner, context) => {
  return Response.json(await ownConversation(owner.id, (await context.params).id), { headers: NO_STORE });
});

/** Saves the whole session; `revision` must be the one it was loaded or last saved at. */
export const PUT = withOwner<Context>(async (request, owner, context) => {
  const id = checkConversationId((await context.params).id);
  const input = await readJson(request, saveConversationSchema, { maxBytes: SESSION_BODY_MAX_BYTES });
  return Response.json(await (await conversations()).save(owner.id, id, input), { headers: NO_STORE });
});

/** Renames; answers the summary with the new revision. */
export const PATCH = withOwner<Context>(async (request, owner, context) => {
  const id = checkConversationId((await context.params).id);
  const { title, revision } = await readJson(request, renameConversationSchema, { maxBytes: 64 * 1024 });
  return Response.json(await (await conversations()).rename(owner.id, id, title, revision), { headers: NO_STORE });
});

export const DELETE = withOwner<Context>(async (_request, owner, context) => {
  const id = checkConversationId((await context.params).id);
  if (!(await (await conversations()).delete(owner.id, id))) await ownConversation(owner.id, id);
  return new Response(null, { status: 204, headers: NO_STORE });
});
