// Reading and setting the playground's cookies, with one set of attributes for all of them.

import { requestProtocol } from "@/lib/server/request-origin";

export function cookieValue(header: string | null, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return null;
}

/**
 * A Set-Cookie value: HttpOnly, SameSite=Lax, for the whole site; Secure only over https, since
 * demos often run on plain-http LAN hosts where a Secure cookie is dropped. Max-Age 0 clears it.
 */
export function setCookie(name: string, value: string, maxAgeS: number, request: Request): string {
  const secure = requestProtocol(request.headers) === "https" ? "; Secure" : "";
  return `${name}=${value}; Path=/; Max-Age=${maxAgeS}; HttpOnly; SameSite=Lax${secure}`;
}
