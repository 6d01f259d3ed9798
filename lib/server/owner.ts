import "server-only";
import { randomBytes } from "node:crypto";
import { errorResponse } from "@/lib/server/http";

// Saved sessions belong to an anonymous owner: a random id in an httpOnly cookie, issued on first
// use. SameSite=Lax keeps other sites from writing with it; nothing identifies the person.

export const OWNER_COOKIE = "playground_owner";
const MAX_AGE_S = 365 * 24 * 60 * 60;
const OWNER_ID = /^[A-Za-z0-9_-]{22}$/;

export interface Owner {
  id: string;
  /** True when the request had no valid cookie and the response must set one. */
  isNew: boolean;
}

function cookieValue(header: string | null, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return null;
}

export function requestOwner(request: Request): Owner {
  const id = cookieValue(request.headers.get("cookie"), OWNER_COOKIE);
  if (id && OWNER_ID.test(id)) return { id, isNew: false };
  return { id: randomBytes(16).toString("base64url"), isNew: true };
}

/** Secure only over https: demos often run on plain-http LAN hosts, where a Secure cookie is dropped. */
export function isHttps(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded ?? new URL(request.url).protocol.replace(/:$/, "")) === "https";
}

export function ownerCookie(owner: Owner, request: Request): string {
  return `${OWNER_COOKIE}=${owner.id}; Path=/; Max-Age=${MAX_AGE_S}; HttpOnly; SameSite=Lax${isHttps(request) ? "; Secure" : ""}`;
}

type OwnerHandler<C> = (request: Request, owner: Owner, context: C) => Promise<Response>;

/** Runs a route with its owner, maps errors to our JSON shape, and sets the cookie when new. */
export function withOwner<C>(handler: OwnerHandler<C>): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => {
    const owner = requestOwner(request);
    const response = await handler(request, owner, context).catch(errorResponse);
    if (owner.isNew) response.headers.append("Set-Cookie", ownerCookie(owner, request));
    return response;
  };
}
