import { z } from "zod";

import { PlaygroundError } from "@/lib/core/errors";
import { mediaIdSchema } from "@/lib/media/media-api";
import { mediaResponse } from "@/lib/media/server/download";
import { checkMediaSignature } from "@/lib/media/server/media-signature";
import { accessConfig } from "@/lib/server/access";
import { isSharedMedia } from "@/lib/server/access-guard";
import { methods, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

// Without the password, a file opens only while a live share shows it, or by a signed link the
// playground made for a model server (a bad or expired signature is a 403); any other id gets 401.
const handle = route(
  {
    params: z.object({ id: mediaIdSchema }),
    badParams: (_, issues) => new PlaygroundError("bad_request", `That is not a media id: ${issues[0]?.message ?? "wrong format"}.`),
    access: {
      openWhen: async ({ id }, request) =>
        typeof id === "string" && (checkMediaSignature(request.url, id) || (accessConfig().publicShares && (await isSharedMedia(id)))),
    },
  },
  async ({ request, params }) => mediaResponse(request, params.id),
);

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: handle, HEAD: handle });
