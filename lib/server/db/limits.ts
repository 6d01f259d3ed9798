import "server-only";

import { SESSION_MAX_BYTES } from "@/lib/conversations/schema";
import { PlaygroundError } from "@/lib/core/errors";

const MB = 1024 * 1024;
const megabytes = (bytes: number) => `${Math.round((bytes / MB) * 10) / 10} MB`;

/** The JSON to store, or a 413 that says how large the session is and what to do. */
export function checkSessionSize(data: unknown, maxBytes = SESSION_MAX_BYTES): string {
  const json = JSON.stringify(data);
  const bytes = Buffer.byteLength(json, "utf8");
  if (bytes > maxBytes) {
    throw new PlaygroundError(
      "payload_too_large",
      `The session is ${megabytes(bytes)}: the limit is ${megabytes(maxBytes)}. Clear some turns or start a new session, then save again.`,
    );
  }
  return json;
}
