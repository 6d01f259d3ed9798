import { PlaygroundError } from "@/lib/core/errors";
import { generationRequestSchema, listGenerationsSchema } from "@/lib/generation/schema";
import { describeIssues, readJson } from "@/lib/server/http";
import { generationService } from "@/lib/generation/server/service";
import { withOwner } from "@/lib/server/owner";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/** Queues a generation; it runs in the background, so poll GET /api/generations/{id}. */
export const POST = withOwner(async (request, owner) => {
  const input = await readJson(request, generationRequestSchema, { maxBytes: 256 * 1024 });
  const job = await generationService().create(owner.id, input);
  return Response.json(job, { status: 202, headers: { ...NO_STORE, Location: `/api/generations/${job.id}` } });
});

/** This browser's recent jobs, newest first. */
export const GET = withOwner(async (request, owner) => {
  const parsed = listGenerationsSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new PlaygroundError("bad_request", describeIssues(parsed.error.issues));
  const { backend, limit } = parsed.data;
  const jobs = await generationService().list(owner.id, { ...(backend ? { backendId: backend } : {}), limit });
  return Response.json({ jobs }, { headers: NO_STORE });
});
