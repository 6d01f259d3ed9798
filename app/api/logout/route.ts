import { clearedAccessCookie } from "@/lib/server/access-guard";

export const dynamic = "force-dynamic";

export function POST(request: Request): Response {
  return new Response(null, { status: 303, headers: { Location: "/login", "Set-Cookie": clearedAccessCookie(request), "Cache-Control": "no-store" } });
}
