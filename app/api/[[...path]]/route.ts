import { PlaygroundError } from "@/lib/core/errors";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

// Any /api path no route serves: our JSON 404 rather than the HTML page (a 401 first when closed).
const unknown = route({}, async ({ request }) => {
  const path = new URL(request.url).pathname.slice(0, 200);
  throw new PlaygroundError("not_found", `There is no API route at ${path}; the README lists the routes the playground serves.`);
});

export { unknown as GET, unknown as POST, unknown as PUT, unknown as PATCH, unknown as DELETE, unknown as OPTIONS };
