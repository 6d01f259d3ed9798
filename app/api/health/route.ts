import { methods, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route({ access: "open" }, async () => Response.json({ ok: true })),
});
