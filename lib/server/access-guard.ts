import "server-only";
import { accessConfig, ACCESS_COOKIE, ACCESS_MAX_AGE_S, isAuthenticated, unauthorizedResponse } from "@/lib/server/access";
import { playgroundStore } from "@/lib/server/db/store";
import { isHttps } from "@/lib/server/owner";

// The parts of access control that need the database or a response: the proxy and the few routes
// it skips (their large bodies would be buffered by it) call these.

/** A media file is public only while a live share pins it; revoking the share removes the pin. */
export async function isSharedMedia(id: string): Promise<boolean> {
  return (await playgroundStore()).media.isPinned(id);
}

/** For routes outside the proxy's matcher: null when allowed, else the 401. */
export function accessDenied(request: Request): Response | null {
  const { password } = accessConfig();
  if (password === null || isAuthenticated(request.headers, password)) return null;
  return unauthorizedResponse();
}

export function accessCookie(token: string, request: Request): string {
  return `${ACCESS_COOKIE}=${token}; Path=/; Max-Age=${ACCESS_MAX_AGE_S}; HttpOnly; SameSite=Lax${isHttps(request) ? "; Secure" : ""}`;
}

export function clearedAccessCookie(request: Request): string {
  return `${ACCESS_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${isHttps(request) ? "; Secure" : ""}`;
}
