import { PlaygroundError } from "@/lib/core/errors";
import { createConversationSchema, listConversationsSchema } from "@/lib/conversations/schema";
import { playgroundStore } from "@/lib/server/db/store";
import { describeIssues, readJson } from "@/lib/server/http";
import { withOwner } from "@/lib/server/owner";
import { SESSION_BODY_MAX_BYTES } from "@/lib/conversations/server/service";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

export const GET = withOwner(async (request, owner) => {
  const parsed = listConversationsSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new PlaygroundError("bad_request", describeIssues(parsed.error.issues));
  const { q, limit, offset } = parsed.data;
  const page = await (await playgroundStore()).conversations.list(owner.id, { query: q, limit, offset });
  return Response.json(page, { headers: NO_STORE });
});

export const POST = withOwner(async (request, owner) => {
  const input = await readJson(request, createConversationSchema, { maxBytes: SESSION_BODY_MAX_BYTES });
  const conversation = await (await playgroundStore()).conversations.create(owner.id, input);
  return Response.json(conversation, { status: 201, headers: { ...NO_STORE, Location: `/api/conversations/${conversation.id}` } });
});
