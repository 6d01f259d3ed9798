import "server-only";

import { isIP } from "node:net";

// Who is asking, for rate limits and lockouts: the address of the peer that connected. The
// playground's server (scripts/serve.mjs) writes it into PEER_HEADER on every request, over
// whatever a client sent. Behind PLAYGROUND_TRUST_PROXY=N proxies, the client is the right-most
// X-Forwarded-For entry those N did not add; nothing a client writes there is read further left.

export const PEER_HEADER = "x-playground-peer";
/** Set on globalThis by the server that stamps PEER_HEADER; without it the header is a client's. */
export const STAMPING_FLAG = Symbol.for("nim-playground.peer-stamping");

/** The environment, or a part of it in tests. */
export type Env = Readonly<Record<string, string | undefined>>;

export interface Client {
  /** The client's IP address; null when the server cannot know it (e.g. `next dev`). */
  address: string | null;
  /** What limits count by: the address, an IPv6 client by its /64 (one host's usual share). */
  key: string;
}

function peerStamping(): boolean {
  return (globalThis as Record<symbol, unknown>)[STAMPING_FLAG] === true;
}

/** How many proxies in front of the playground may be believed: 0 unless told. */
export function parseTrustProxy(raw: string | undefined): number {
  const value = (raw ?? "").trim().toLowerCase();
  if (value === "" || value === "0" || value === "false" || value === "no") return 0;
  if (value === "true" || value === "yes") return 1;
  if (/^\d{1,2}$/.test(value) && Number(value) <= 10) return Number(value);
  throw new Error(
    `PLAYGROUND_TRUST_PROXY must be true, false or how many proxies stand in front of the playground (1 to 10), got '${raw}'.`,
  );
}

/** The peer's address as the server stamped it; null when it did not. */
function stampedPeer(headers: Headers): string | null {
  return peerStamping() ? plainAddress(headers.get(PEER_HEADER)) : null;
}

/** "1.2.3.4", "1.2.3.4:567", "[2001:db8::1]:80", "::ffff:1.2.3.4" → the bare address; null if none. */
export function plainAddress(raw: string | null | undefined): string | null {
  let value = (raw ?? "").trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) value = mapped[1]!;
  return isIP(value) ? value.toLowerCase() : null;
}

export function requestClient(headers: Headers, env: Env = process.env): Client {
  const hops = parseTrustProxy(env.PLAYGROUND_TRUST_PROXY);
  const peer = stampedPeer(headers);
  const forwarded =
    hops > 0
      ? (headers.get("x-forwarded-for") ?? "")
          .split(",")
          .map((entry) => entry.trim())
          .filter(Boolean)
      : [];
  // The chain as the nearest proxy saw it, ending with the peer itself; the last `hops` are proxies.
  const chain: (string | null)[] = [...forwarded, peer];
  const picked = chain[Math.max(0, chain.length - 1 - hops)] ?? null;
  const address = picked === peer ? peer : plainAddress(picked);
  return { address, key: address === null ? "unknown" : addressKey(address) };
}

/** IPv4 as is; IPv6 by its first 64 bits, since one subscriber usually holds a whole /64. */
export function addressKey(address: string): string {
  if (isIP(address) !== 6) return `ip:${address}`;
  return `ip6:${expandIpv6(address).slice(0, 4).join(":")}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head = "", tail] = address.split("::");
  const parts = (text: string) => (text === "" ? [] : text.split(":"));
  const left = parts(head);
  const right = tail === undefined ? [] : parts(tail);
  const zeros = Array(Math.max(0, 8 - left.length - right.length)).fill("0");
  return [...left, ...zeros, ...right].map((group) => group.replace(/^0+(?=.)/, ""));
}
