import { generationRequestSchema, listGenerationsSchema } from "@/lib/generation/schema";
import { generationService } from "@/lib/generation/server/service";
import { methods, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  /** Queues a generation; it runs in the background, so poll GET /api/generations/{id}. */
  POST: route({ owner: true, body: generationRequestSchema, maxBodyBytes: 256 * 1024 }, async ({ owner, body }) => {
    const job = await generationService().create(owner.id, body);
    return Response.json(job, { status: 202, headers: { Location: `/api/generations/${job.id}` } });
  }),

  /** This browser's recent jobs, newest first. */
  GET: route({ owner: true, query: listGenerationsSchema }, async ({ owner, query: { backend, limit } }) => {
    const jobs = await generationService().list(owner.id, { ...(backend ? { backendId: backend } : {}), limit });
    return Response.json({ jobs });
  }),
});
