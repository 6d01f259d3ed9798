import { snippetTargetFor } from "@/lib/code-view/server/snippet-target";
import { snippetTargetParamsSchema } from "@/lib/code-view/snippet-target";
import { methods, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route({ params: snippetTargetParamsSchema }, async ({ params }) => Response.json(await snippetTargetFor(params.id))),
});
