import "server-only";

import { createHash } from "node:crypto";

import type { PlaygroundError } from "@/lib/core/errors";
import {
  ACCESS_COOKIE,
  ACCESS_MAX_AGE_S,
  accessConfig,
  accessTokenNonce,
  basicAuthPassword,
  issueAccessToken,
  secretsEqual,
  unauthorizedError,
} from "@/lib/server/access";
import { lockedOut, recordFailedPassword } from "@/lib/server/auth-lockout";
import type { Client } from "@/lib/server/client-address";
import { cookieValue, setCookie } from "@/lib/server/cookies";
import { playgroundStore } from "@/lib/server/db/store";

// The parts of access control that need the database: logins kept on the server (each ends after
// ACCESS_MAX_AGE_S, logout ends it at once), password checks counted per address, shared media.

/** A media file is public only while a live share pins it; revoking the share removes the pin. */
export async function isSharedMedia(id: string): Promise<boolean> {
  return (await playgroundStore()).media.isPinned(id);
}

const nonceHash = (nonce: string) => createHash("sha256").update(nonce, "utf8").digest("base64url");

/** A new login: the cookie value, signed with the password and recorded until it expires. */
export async function startAccessSession(password: string, now = Date.now()): Promise<string> {
  const token = issueAccessToken(password);
  const nonce = token.split(".")[0]!;
  await (await playgroundStore()).accessSessions.create(nonceHash(nonce), now, now + ACCESS_MAX_AGE_S * 1000);
  return token;
}

/** Ends the login the request's cookie holds, if any; the cookie is worthless afterwards. */
export async function endAccessSession(headers: Headers): Promise<void> {
  const nonce = (cookieValue(headers.get("cookie"), ACCESS_COOKIE) ?? "").split(".")[0];
  if (nonce) await (await playgroundStore()).accessSessions.revoke(nonceHash(nonce));
}

async function liveSession(headers: Headers, password: string): Promise<boolean> {
  const nonce = accessTokenNonce(cookieValue(headers.get("cookie"), ACCESS_COOKIE), password);
  return nonce !== null && (await playgroundStore()).accessSessions.isLive(nonceHash(nonce), Date.now());
}

/** Null when `given` is the password; else the 401, or the 429 of a lockout. Every miss counts. */
export async function checkPassword(given: string, password: string, client: Client): Promise<PlaygroundError | null> {
  const locked = await lockedOut(client);
  if (locked) return locked;
  if (secretsEqual(given, password)) return null;
  return (await recordFailedPassword(client)) ?? unauthorizedError();
}

/** Null when the request may go on: no password set, a live login, or the password by Basic auth. */
export async function accessRefusal(headers: Headers, client: Client): Promise<PlaygroundError | null> {
  const { password } = accessConfig();
  if (password === null || (await liveSession(headers, password))) return null;
  const basic = basicAuthPassword(headers.get("authorization"));
  return basic === null ? unauthorizedError() : checkPassword(basic, password, client);
}

export function accessCookie(token: string, request: Request): string {
  return setCookie(ACCESS_COOKIE, token, ACCESS_MAX_AGE_S, request);
}

export function clearedAccessCookie(request: Request): string {
  return setCookie(ACCESS_COOKIE, "", 0, request);
}
