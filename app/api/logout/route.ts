import { clearedAccessCookie, endAccessSession } from "@/lib/server/access-guard";
import { methods, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Ends the login on the server too: the cookie, if kept or copied, no longer opens anything. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route({ access: "open" }, async ({ request }) => {
    await endAccessSession(request.headers);
    return new Response(null, { status: 303, headers: { Location: "/login", "Set-Cookie": clearedAccessCookie(request) } });
  }),
});
