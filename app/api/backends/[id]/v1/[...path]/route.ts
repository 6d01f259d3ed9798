import { PlaygroundError } from "@/lib/core/errors";
import { accessDenied } from "@/lib/server/access-guard";
import { describeIssues, errorResponse } from "@/lib/server/http";
import { passThrough, passthroughParamsSchema } from "@/lib/backends/server/passthrough";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string; path: string[] }>;
}

async function handle(request: Request, context: Context): Promise<Response> {
  // Outside the proxy's matcher: request bodies stream through unbuffered.
  const denied = accessDenied(request);
  if (denied) return denied;
  try {
    const parsed = passthroughParamsSchema.safeParse(await context.params);
    if (!parsed.success) throw new PlaygroundError("path_not_allowed", describeIssues(parsed.error.issues));
    return await passThrough(request, parsed.data);
  } catch (error) {
    return errorResponse(error);
  }
}

export { handle as GET, handle as POST, handle as DELETE, handle as PUT, handle as PATCH };
