import { PlaygroundError } from "@/lib/core/errors";
import { snippetTargetParamsSchema } from "@/lib/code-view/snippet-target";
import { describeIssues, errorResponse } from "@/lib/server/http";
import { snippetTargetFor } from "@/lib/code-view/server/snippet-target";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

export async function GET(_request: Request, context: Context): Promise<Response> {
  try {
    const parsed = snippetTargetParamsSchema.safeParse(await context.params);
    if (!parsed.success) throw new PlaygroundError("bad_request", describeIssues(parsed.error.issues));
    return Response.json(await snippetTargetFor(parsed.data.id), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
