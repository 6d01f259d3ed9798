import { summarizeBackends } from "@/lib/backends/server/status";
import { methods, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route({}, async () => Response.json({ backends: await summarizeBackends() })),
});
