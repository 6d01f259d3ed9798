import { PlaygroundError } from "@/lib/core/errors";
import { accessConfig, safeNextPath, UNAUTHORIZED_MESSAGE } from "@/lib/server/access";
import { accessCookie, checkPassword, startAccessSession } from "@/lib/server/access-guard";
import { methods, route } from "@/lib/server/route";
import { enforceRateLimit } from "@/lib/server/route-limits";

export const dynamic = "force-dynamic";

/** The login form posts here (urlencoded); scripts may post JSON `{ "password": … }`. */
async function readLogin(request: Request): Promise<{ password: string; next: string; json: boolean }> {
  if ((request.headers.get("content-type") ?? "").includes("application/json")) {
    const body = (await request.json().catch(() => ({}))) as { password?: unknown; next?: unknown } | null;
    return { password: String(body?.password ?? ""), next: safeNextPath(typeof body?.next === "string" ? body.next : null), json: true };
  }
  const form = await request.formData().catch(() => new FormData());
  const next = form.get("next");
  return { password: String(form.get("password") ?? ""), next: safeNextPath(typeof next === "string" ? next : null), json: false };
}

// 303 so the browser follows with a GET; relative Locations keep us on whatever host the user sees.
const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location } });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route({ access: "open", accepts: "form" }, async ({ request, client }) => {
    const { password } = accessConfig();
    if (password === null) return seeOther("/");
    await enforceRateLimit("logins", client);
    const login = await readLogin(request);
    const refusal = await checkPassword(login.password, password, client);
    if (refusal?.code === "unauthorized") {
      // No Basic challenge here: a browser would answer it with its own password dialog.
      if (login.json) throw new PlaygroundError("unauthorized", UNAUTHORIZED_MESSAGE);
      return seeOther(`/login?error=1&next=${encodeURIComponent(login.next)}`);
    }
    if (refusal) throw refusal;
    const response = login.json ? Response.json({ ok: true }) : seeOther(login.next);
    response.headers.append("Set-Cookie", accessCookie(await startAccessSession(password), request));
    return response;
  }),
});
