// What the playground's server does before Next.js sees a request (scripts/serve.mjs; the tests'
// route server does the same): it stamps the peer's address where route code can trust it, and
// answers what Next cannot take (it fails with a bare 500) in the API's JSON error shape.
import { randomUUID } from "node:crypto";

export const PEER_HEADER = "x-playground-peer";
/** lib/server/client-address.ts believes PEER_HEADER only while this is set on globalThis. */
export const STAMPING_FLAG = Symbol.for("nim-playground.peer-stamping");

// fetch's Request refuses TRACE, TRACK and CONNECT; Next routes no others.
const SERVED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export function markPeerStamping() {
  globalThis[STAMPING_FLAG] = true;
}

function refuse(res, status, code, message, headers = {}) {
  const body = JSON.stringify({ error: { code, message, errorId: randomUUID() } });
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    Connection: "close",
    ...headers,
  });
  res.end(body);
  return true;
}

function decodes(pathname) {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** Stamps the request; answers it itself (and says true) when Next could not. */
export function frontDoor(req, res) {
  // Set on every request, over anything a client sent under this name.
  if (req.socket.remoteAddress) req.headers[PEER_HEADER] = req.socket.remoteAddress;
  else delete req.headers[PEER_HEADER];
  if (!SERVED_METHODS.includes(req.method ?? "")) {
    return refuse(
      res,
      405,
      "method_not_allowed",
      `${String(req.method).slice(0, 20)} is not served here; the playground takes ${SERVED_METHODS.join(", ")}.`,
      { Allow: SERVED_METHODS.join(", ") },
    );
  }
  const pathname = (req.url ?? "/").split("?")[0] ?? "/";
  if (!decodes(pathname)) {
    return refuse(
      res,
      400,
      "bad_request",
      "The address has a malformed %-escape (a % must be followed by two hex digits of UTF-8); fix the link and try again.",
    );
  }
  return false;
}
