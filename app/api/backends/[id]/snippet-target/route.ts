import { snippetTargetParamsSchema } from "@/lib/snippet-target";
import { methods, route } from "@/lib/server/route";
import { snippetTargetFor } from "@/lib/server/snippet-target";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route({ params: snippetTargetParamsSchema }, async ({ params }) => Response.json(await snippetTargetFor(params.id))),
});
