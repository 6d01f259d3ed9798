import { errorResponse } from "@/lib/server/http";
import { generationService, jobNotFound } from "@/lib/generation/server/service";

export const dynamic = "force-dynamic";

// The job id (128 random bits) is the capability: anyone holding it may poll or cancel, so a
// script without the owner cookie can follow the job it started.

interface Context {
  params: Promise<{ id: string }>;
}

const NO_STORE = { "Cache-Control": "no-store" };
const JOB_ID = /^[A-Za-z0-9_-]{22}$/;

async function jobId(context: Context): Promise<string> {
  const { id } = await context.params;
  if (!JOB_ID.test(id)) throw jobNotFound(id.slice(0, 40));
  return id;
}

export async function GET(_request: Request, context: Context): Promise<Response> {
  try {
    return Response.json(await generationService().get(await jobId(context)), { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}

/** Cancels: answers the job, now canceled (409 when it had already finished). */
export async function DELETE(_request: Request, context: Context): Promise<Response> {
  try {
    return Response.json(await generationService().cancel(await jobId(context)), { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}
