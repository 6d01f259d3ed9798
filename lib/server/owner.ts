import "server-only";
import { randomBytes } from "node:crypto";
import { cookieValue } from "@/lib/server/access";
import { playgroundStore } from "@/lib/server/db/store";
import { requestProtocol } from "@/lib/server/request-origin";

// Saved sessions belong to an anonymous owner: a random id in an httpOnly cookie, issued by the
// server on first use and recorded, so a cookie naming an id the server never issued counts for
// nothing. SameSite=Lax keeps other sites from writing with it; nothing identifies the person.

export const OWNER_COOKIE = "playground_owner";
const MAX_AGE_S = 365 * 24 * 60 * 60;
const OWNER_ID = /^[A-Za-z0-9_-]{22}$/;

export interface Owner {
  id: string;
  /** True when the request had no valid cookie and the response must set one. */
  isNew: boolean;
}

export const newOwnerId = (): string => randomBytes(16).toString("base64url");

/** The request's owner when the server issued its cookie; else a new owner, recorded now. */
export async function requestOwner(request: Request): Promise<Owner> {
  const { owners } = await playgroundStore();
  const id = cookieValue(request.headers.get("cookie"), OWNER_COOKIE);
  if (id && OWNER_ID.test(id) && (await owners.exists(id))) return { id, isNew: false };
  const issued = newOwnerId();
  await owners.add(issued, Date.now());
  return { id: issued, isNew: true };
}

/** Secure only over https: demos often run on plain-http LAN hosts, where a Secure cookie is dropped. */
export function ownerCookie(owner: Owner, request: Request): string {
  const secure = requestProtocol(request.headers) === "https" ? "; Secure" : "";
  return `${OWNER_COOKIE}=${owner.id}; Path=/; Max-Age=${MAX_AGE_S}; HttpOnly; SameSite=Lax${secure}`;
}
