import "server-only";

import { ID_PATTERN } from "@/lib/core/ids";
import { cookieValue, setCookie } from "@/lib/server/cookies";
import { playgroundStore } from "@/lib/server/db/store";
import { newId } from "@/lib/server/ids";

// Saved sessions belong to an anonymous owner: a random id in an httpOnly cookie, issued by the
// server on first use and recorded, so a cookie naming an id the server never issued counts for
// nothing. SameSite=Lax keeps other sites from writing with it; nothing identifies the person.

const OWNER_COOKIE = "playground_owner";
const MAX_AGE_S = 365 * 24 * 60 * 60;

export interface Owner {
  id: string;
  /** True when the request had no valid cookie and the response must set one. */
  isNew: boolean;
}

export { newId as newOwnerId } from "@/lib/server/ids";

/** The request's owner when the server issued its cookie; else a new owner, recorded now. */
export async function requestOwner(request: Request): Promise<Owner> {
  const { owners } = await playgroundStore();
  const id = cookieValue(request.headers.get("cookie"), OWNER_COOKIE);
  if (id && ID_PATTERN.test(id) && (await owners.exists(id))) return { id, isNew: false };
  const issued = newId();
  await owners.add(issued, Date.now());
  return { id: issued, isNew: true };
}

export function ownerCookie(owner: Owner, request: Request): string {
  return setCookie(OWNER_COOKIE, owner.id, MAX_AGE_S, request);
}
