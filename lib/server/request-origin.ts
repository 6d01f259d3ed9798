import "server-only";

import { isIP } from "node:net";

import { PlaygroundError } from "@/lib/core/errors";
import { parseTrustProxy, type Env } from "@/lib/server/client-address";

// Which host a request is for, and whether to answer it. A page elsewhere can point a name it owns
// at this server (DNS rebinding) or post to it from a visitor's browser (cross-site requests): the
// playground answers only for its own names, and takes changes only from its own pages and scripts.

const WILDCARD_LISTEN = new Set(["", "0.0.0.0", "::", "[::]"]);

/** The last value of a header a trusted proxy sets (the one nearest to us), or null. */
function lastValue(headers: Headers, name: string): string | null {
  const values = (headers.get(name) ?? "")
    .split(",")
    .map((value) => value.trim())
    .filter(Boolean);
  return values.at(-1) ?? null;
}

const trustsProxy = (env: Env) => parseTrustProxy(env.PLAYGROUND_TRUST_PROXY) > 0;

/** host[:port] as the client asked for it: X-Forwarded-Host only behind a trusted proxy, else Host. */
function requestHost(headers: Headers, url: string, env: Env = process.env): string {
  const forwarded = trustsProxy(env) ? lastValue(headers, "x-forwarded-host") : null;
  return (forwarded ?? headers.get("host") ?? new URL(url).host).toLowerCase();
}

/** https only when a trusted proxy says so: the playground's own server speaks plain http. */
export function requestProtocol(headers: Headers, env: Env = process.env): "http" | "https" {
  return trustsProxy(env) && lastValue(headers, "x-forwarded-proto")?.toLowerCase() === "https" ? "https" : "http";
}

export function requestOrigin(headers: Headers, url: string, env: Env = process.env): URL {
  return new URL(`${requestProtocol(headers, env)}://${requestHost(headers, url, env)}`);
}

/** "Example.com:3000" → "example.com", "[::1]:80" → "[::1]". */
export function hostName(host: string): string {
  const value = host.trim().toLowerCase().replace(/\.$/, "");
  if (value.startsWith("[")) return value.slice(0, value.indexOf("]") + 1);
  return value.includes(":") && value.indexOf(":") === value.lastIndexOf(":")
    ? value.slice(0, value.indexOf(":")).replace(/\.$/, "")
    : value;
}

/** PLAYGROUND_ALLOWED_HOSTS: names, or ".example.com" for a domain and all under it. */
export function parseAllowedHosts(raw: string | undefined): string[] {
  const entries = (raw ?? "")
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
  for (const entry of entries) {
    if (!/^\.?(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d+)?$/.test(entry)) {
      throw new Error(
        `PLAYGROUND_ALLOWED_HOSTS is a comma-separated list of host names (e.g. playground.example.com,.lab.example.com), got '${entry}'.`,
      );
    }
  }
  return entries.map((entry) => (entry.startsWith(".") ? `.${hostName(entry.slice(1))}` : hostName(entry)));
}

/**
 * localhost, any IP address (a rebinding page needs a name it owns, and a browser that asked for an
 * IP address keeps that address's origin), the name the server listens on, and the configured names.
 */
export function hostAllowed(headers: Headers, url: string, env: Env = process.env): boolean {
  const name = hostName(requestHost(headers, url, env));
  if (name === "localhost" || isIP(name.replace(/^\[(.*)\]$/, "$1")) !== 0) return true;
  const listen = hostName(env.HOST ?? "");
  if (!WILDCARD_LISTEN.has(listen) && name === listen) return true;
  return parseAllowedHosts(env.PLAYGROUND_ALLOWED_HOSTS).some((allowed) =>
    allowed.startsWith(".") ? name === allowed.slice(1) || name.endsWith(allowed) : name === allowed,
  );
}

export function checkHost(request: Request, env: Env = process.env): void {
  if (hostAllowed(request.headers, request.url, env)) return;
  const name = hostName(requestHost(request.headers, request.url, env)).slice(0, 100);
  throw new PlaygroundError(
    "host_not_allowed",
    `This playground does not answer for the host name '${name}'. Its operator can add the name to PLAYGROUND_ALLOWED_HOSTS.`,
  );
}

const DEFAULT_PORTS: Record<string, string> = { "http:": "80", "https:": "443" };

function sameHost(origin: string, host: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (!(url.protocol in DEFAULT_PORTS)) return false;
  const withPort = (value: string) => (/:\d+$/.test(value) && !value.endsWith("]") ? value : `${value}:${DEFAULT_PORTS[url.protocol]}`);
  return withPort(url.host) === withPort(host);
}

/**
 * Refuses a change asked for by another site's page: Sec-Fetch-Site says cross-site, or Origin names
 * another host. Scripts send neither and go on; so do the playground's own pages.
 */
export function checkSameSite(request: Request, env: Env = process.env): void {
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  if (site !== "cross-site" && (origin === null || sameHost(origin, requestHost(request.headers, request.url, env)))) return;
  throw new PlaygroundError(
    "cross_site",
    "This playground takes changes only from its own pages or from scripts; the request came from another site's page.",
  );
}
