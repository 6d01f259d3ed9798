import { z } from "zod";
import { PlaygroundError } from "@/lib/core/errors";
import { mediaIdSchema } from "@/lib/media/media-api";
import { accessConfig } from "@/lib/server/access";
import { isSharedMedia } from "@/lib/server/access-guard";
import { mediaResponse } from "@/lib/media/server/download";
import { methods, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

// Without the password, a file opens only while a live share shows it; any other id, real or not,
// gets the same 401.
const handle = route(
  {
    params: z.object({ id: mediaIdSchema }),
    badParams: (_, issues) => new PlaygroundError("bad_request", `That is not a media id: ${issues[0]?.message ?? "wrong format"}.`),
    access: { openWhen: async ({ id }) => accessConfig().publicShares && typeof id === "string" && (await isSharedMedia(id)) },
  },
  async ({ request, params }) => mediaResponse(request, params.id),
);

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: handle, HEAD: handle });
