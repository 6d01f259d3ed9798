import { z } from "zod";

import { ID_PATTERN } from "@/lib/core/ids";
import { generationService, jobNotFound } from "@/lib/generation/server/service";
import { methods, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

// The job id (128 random bits) is the capability: anyone holding it may poll or cancel, so a
// script without the owner cookie can follow the job it started.
const job = {
  params: z.object({ id: z.string().regex(ID_PATTERN) }),
  badParams: (raw: Record<string, string | string[]>) => jobNotFound(String(raw.id).slice(0, 40)),
} as const;

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(job, async ({ params }) => Response.json(await generationService().get(params.id))),

  /** Cancels: answers the job, now canceled (409 when it had already finished). */
  DELETE: route(job, async ({ params }) => Response.json(await generationService().cancel(params.id))),
});
