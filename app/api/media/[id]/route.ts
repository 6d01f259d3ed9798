import { PlaygroundError } from "@/lib/core/errors";
import { mediaIdSchema } from "@/lib/media/media-api";
import { errorResponse } from "@/lib/server/http";
import { mediaResponse } from "@/lib/media/server/download";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

async function handle(request: Request, context: Context): Promise<Response> {
  try {
    const parsed = mediaIdSchema.safeParse((await context.params).id);
    if (!parsed.success) throw new PlaygroundError("bad_request", `That is not a media id: ${parsed.error.issues[0]?.message ?? "wrong format"}.`);
    return await mediaResponse(request, parsed.data);
  } catch (error) {
    return errorResponse(error);
  }
}

export { handle as GET, handle as HEAD };
