import "server-only";

import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

import { PlaygroundError } from "@/lib/core/errors";
import { readEnv } from "@/lib/server/env";

// Optional password protection (PLAYGROUND_PASSWORD). Pure rules over plain request facts, shared by
// proxy.ts (pages) and the route wrapper (API); lib/server/access-guard.ts holds what needs the database.

export const ACCESS_COOKIE = "playground_access";
export const ACCESS_MAX_AGE_S = 30 * 24 * 60 * 60;
const BASIC_REALM = 'Basic realm="NIM Playground"';
export const UNAUTHORIZED_MESSAGE = "This playground is protected: log in at /login or send the password with HTTP Basic auth.";

export interface AccessConfig {
  /** null: the playground is open to everyone. */
  password: string | null;
  /** Shared pages /s/<id> (and what they render) stay open without the password. */
  publicShares: boolean;
}

export function accessConfig(source: Record<string, string | undefined> = process.env): AccessConfig {
  const env = readEnv(source);
  return { password: env.PLAYGROUND_PASSWORD || null, publicShares: env.PLAYGROUND_PUBLIC_SHARES ?? true };
}

export type PathClass = "static" | "open" | "login" | "share-page" | "share-api" | "share-media" | "api" | "page";

const STATIC_PREFIXES = ["/_next/static/", "/ffmpeg/", "/samples/"];
const STATIC_FILES = new Set(["/icon.svg", "/favicon.ico"]);
const ONE_SEGMENT = "[^/]+";

/** What kind of resource a request asks for; only reads (GET/HEAD) of shares count as shares. */
export function classifyPath(method: string, pathname: string): PathClass {
  const read = method === "GET" || method === "HEAD";
  if (STATIC_FILES.has(pathname) || STATIC_PREFIXES.some((prefix) => pathname.startsWith(prefix))) return "static";
  if (read && pathname === "/api/health") return "open";
  if (pathname === "/login" || pathname === "/api/login" || pathname === "/api/logout") return "login";
  if (read && new RegExp(`^/s/${ONE_SEGMENT}$`).test(pathname)) return "share-page";
  if (read && new RegExp(`^/api/sessions/${ONE_SEGMENT}$`).test(pathname)) return "share-api";
  if (read && new RegExp(`^/api/media/${ONE_SEGMENT}$`).test(pathname)) return "share-media";
  return pathname === "/api" || pathname.startsWith("/api/") ? "api" : "page";
}

/** Equal-length digests compared in constant time, so neither content nor length leaks. */
export function secretsEqual(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The password of an `Authorization: Basic` header (any user name); null when absent or malformed. */
export function basicAuthPassword(header: string | null): string | null {
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header ?? "");
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon === -1 ? null : decoded.slice(colon + 1);
}

const mac = (password: string, nonce: string) => createHmac("sha256", password).update(`playground-access:${nonce}`).digest("base64url");

/** A random value with its HMAC keyed by the password: a new password invalidates every cookie. */
export function issueAccessToken(password: string): string {
  const nonce = randomBytes(18).toString("base64url");
  return `${nonce}.${mac(password, nonce)}`;
}

/** The token's nonce when its signature matches the password, else null. */
export function accessTokenNonce(token: string | null, password: string): string | null {
  const [nonce, signature, extra] = (token ?? "").split(".");
  if (!nonce || !signature || extra !== undefined) return null;
  return secretsEqual(signature, mac(password, nonce)) ? nonce : null;
}

export function accessTokenValid(token: string | null, password: string): boolean {
  return accessTokenNonce(token, password) !== null;
}

/** Only a same-origin path may follow a login; anything else ("//evil", "https:…", "/\\evil") goes home. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || /[\\\u0000-\u001f]/.test(next)) return "/";
  const base = "http://playground.invalid";
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return "/";
  }
  // Dot segments can normalise to "//host", which a browser would read as another origin.
  if (url.origin !== base || url.pathname.startsWith("//") || url.pathname === "/login" || url.pathname.startsWith("/api/")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * What a request needs: open (anyone), password, or shared-media (anyone while a live share shows
 * the file, else the password). Only GET/HEAD of shares count as shares (classifyPath).
 */
export type AccessRule = "open" | "password" | "shared-media";

export function accessRule(method: string, pathname: string, config: AccessConfig): AccessRule {
  if (config.password === null) return "open";
  const kind = classifyPath(method, pathname);
  if (kind === "static" || kind === "open" || kind === "login") return "open";
  if (config.publicShares && (kind === "share-page" || kind === "share-api")) return "open";
  if (config.publicShares && kind === "share-media") return "shared-media";
  return "password";
}

/** The 401 every closed route answers, with the Basic challenge scripts need. */
export function unauthorizedError(): PlaygroundError {
  return new PlaygroundError("unauthorized", UNAUTHORIZED_MESSAGE, undefined, { "WWW-Authenticate": BASIC_REALM });
}

export function loginRedirectPath(pathname: string, search: string): string {
  return `/login?next=${encodeURIComponent(safeNextPath(`${pathname}${search}`))}`;
}
