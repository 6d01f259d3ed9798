import { passThrough, passthroughParamsSchema } from "@/lib/backends/server/passthrough";
import { PlaygroundError } from "@/lib/core/errors";
import { describeIssues } from "@/lib/server/http";
import { methods, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

// Outside the proxy's matcher: request bodies stream through unbuffered. Which methods a path takes
// is the pass-through's to say (405 naming them).
const handle = route(
  {
    params: passthroughParamsSchema,
    badParams: (_, issues) => new PlaygroundError("path_not_allowed", describeIssues(issues)),
    accepts: "openai",
  },
  async ({ request, params }) => passThrough(request, params),
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: handle,
  POST: handle,
  PUT: handle,
  PATCH: handle,
  DELETE: handle,
});
