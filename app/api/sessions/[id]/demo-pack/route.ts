import { z } from "zod";

import { readShare } from "@/lib/conversations/server/service";
import { accessConfig } from "@/lib/server/access";
import { methods, route } from "@/lib/server/route";
import { packResponse } from "@/lib/share/server/demo-pack";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  /** A shared session and its media as one .nimdemo file; as open as the share itself. */
  GET: route(
    { params: z.object({ id: z.string() }), access: { openWhen: async () => accessConfig().publicShares } },
    async ({ params }) => {
      const share = await readShare(params.id);
      return packResponse(share.title, share.data, share.createdAt);
    },
  ),
});
