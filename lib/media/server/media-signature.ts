import "server-only";

import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { PlaygroundError } from "@/lib/core/errors";
import { processMemo } from "@/lib/core/process-memo";
import { mediaUrl } from "@/lib/media/media-url";
import { readEnv } from "@/lib/server/env";

// Signed, expiring links to one stored media, for a model server that fetches its media by URL
// (backend option mediaTransport "url"). The signature is an HMAC over the id and the expiry with
// a server secret: PLAYGROUND_MEDIA_URL_SECRET, else one made once and kept in the data folder.

const MEDIA_URL_TTL_SECONDS = 3600;
const SECRET_FILE = "media-url-secret";

function secret(): Buffer {
  const env = readEnv();
  const fromEnv = env.PLAYGROUND_MEDIA_URL_SECRET;
  const dataDir = path.resolve(env.PLAYGROUND_DATA_DIR);
  const source = fromEnv ? "env" : dataDir;
  return processMemo("media-url-secret", source, () => (fromEnv ? Buffer.from(fromEnv, "utf8") : fileSecret(dataDir)));
}

function fileSecret(dataDir: string): Buffer {
  const file = path.join(dataDir, SECRET_FILE);
  try {
    return Buffer.from(readFileSync(file, "utf8").trim(), "base64url");
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const made = randomBytes(32);
    // "wx": when two processes race, the one that loses reads the winner's secret.
    try {
      writeFileSync(file, made.toString("base64url"), { mode: 0o600, flag: "wx" });
      return made;
    } catch {
      return Buffer.from(readFileSync(file, "utf8").trim(), "base64url");
    }
  }
}

function signature(id: string, expires: number): string {
  return createHmac("sha256", secret()).update(`${id}.${expires}`).digest("base64url");
}

/** An absolute URL of the media route that works without a login until it expires. */
export function signedMediaUrl(publicBaseUrl: string, id: string, nowMs = Date.now(), ttlSeconds = MEDIA_URL_TTL_SECONDS): string {
  const expires = Math.floor(nowMs / 1000) + ttlSeconds;
  return `${publicBaseUrl.replace(/\/$/, "")}${mediaUrl(id)}?exp=${expires}&sig=${signature(id, expires)}`;
}

/**
 * Checks the `exp` and `sig` of a request for media `id`: returns false when it carries neither
 * (the usual access rules apply), true when they are valid, and throws 403 when they are not.
 */
export function checkMediaSignature(requestUrl: string, id: string, nowMs = Date.now()): boolean {
  const query = new URL(requestUrl).searchParams;
  const exp = query.get("exp");
  const sig = query.get("sig");
  if (exp === null && sig === null) return false;
  const expires = /^\d{1,12}$/.test(exp ?? "") ? Number(exp) : NaN;
  const expected = Buffer.from(Number.isNaN(expires) ? "" : signature(id, expires));
  const given = Buffer.from(sig ?? "");
  if (expected.length === 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new PlaygroundError(
      "forbidden",
      "This media link's signature does not match; links to media are made by the playground for each message.",
    );
  }
  if (expires * 1000 < nowMs)
    throw new PlaygroundError("forbidden", "This media link has expired; send the message again for a fresh one.");
  return true;
}
