import { accessConfig, issueAccessToken, safeNextPath, secretsEqual, UNAUTHORIZED_MESSAGE } from "@/lib/server/access";
import { accessCookie } from "@/lib/server/access-guard";
import { errorResponse } from "@/lib/server/http";
import { rateLimited } from "@/lib/server/route-limits";

export const dynamic = "force-dynamic";

/** The login form posts here (urlencoded); scripts may post JSON `{ "password": … }`. */
async function readLogin(request: Request): Promise<{ password: string; next: string; json: boolean }> {
  if ((request.headers.get("content-type") ?? "").includes("application/json")) {
    const body = (await request.json().catch(() => ({}))) as { password?: unknown; next?: unknown };
    return { password: String(body.password ?? ""), next: safeNextPath(typeof body.next === "string" ? body.next : null), json: true };
  }
  const form = await request.formData().catch(() => new FormData());
  const next = form.get("next");
  return { password: String(form.get("password") ?? ""), next: safeNextPath(typeof next === "string" ? next : null), json: false };
}

// 303 so the browser follows with a GET; relative Locations keep us on whatever host the user sees.
const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });

export async function POST(request: Request): Promise<Response> {
  try {
    const { password } = accessConfig();
    if (password === null) return seeOther("/");
    const limited = rateLimited(request, "logins");
    if (limited) return limited;
    const login = await readLogin(request);
    if (!secretsEqual(login.password, password)) {
      if (login.json) return Response.json({ error: { code: "unauthorized", message: UNAUTHORIZED_MESSAGE } }, { status: 401, headers: { "Cache-Control": "no-store" } });
      return seeOther(`/login?error=1&next=${encodeURIComponent(login.next)}`);
    }
    const response = login.json ? Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } }) : seeOther(login.next);
    response.headers.append("Set-Cookie", accessCookie(issueAccessToken(password), request));
    return response;
  } catch (error) {
    return errorResponse(error);
  }
}
