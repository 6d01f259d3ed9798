import "server-only";

import { formatWithOptions } from "node:util";

import { getConfig } from "@/lib/backends/server/config";
import { SecretRedactor } from "@/lib/core/redact";

// The one way upstream content loses the keys: every key the configuration names, cut out of
// whatever comes back from a model server before it is sent on, stored or logged.

/** The value of every configured key variable that is set. */
export function configuredKeys(): string[] {
  const keys = getConfig().backends.map((backend) => (backend.apiKeyEnv ? process.env[backend.apiKeyEnv] : undefined));
  return keys.filter((key): key is string => typeof key === "string" && key.length > 0);
}

/** A redactor for one stream of upstream text (or for whole texts). */
export const keyRedactor = (): SecretRedactor => new SecretRedactor(configuredKeys());

export const redactKeys = (text: string): string => keyRedactor().redact(text);

/**
 * The same for a byte stream of any content (the pass-through): bytes map one to one onto latin1
 * characters, so the keys' UTF-8 bytes are matched wherever they fall. Null when no key is set.
 */
export function keyRedactingBytes(): TransformStream<Uint8Array, Uint8Array> | null {
  const redactor = new SecretRedactor(configuredKeys().map((key) => Buffer.from(key, "utf8").toString("latin1")));
  if (redactor.empty) return null;
  return new TransformStream({
    transform(chunk, controller) {
      const out = redactor.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString("latin1"));
      if (out.length > 0) controller.enqueue(Buffer.from(out, "latin1"));
    },
    flush(controller) {
      const held = redactor.flush();
      if (held.length > 0) controller.enqueue(Buffer.from(held, "latin1"));
    },
  });
}

const CONSOLE_METHODS = ["log", "info", "warn", "error", "debug", "trace"] as const;

/**
 * Makes every console line of the process go out without the keys (an upstream's text can reach an
 * error that is logged, ours or a library's). Lines without a key pass as they were. Returns the undo.
 */
export function redactConsole(): () => void {
  const originals = CONSOLE_METHODS.map((method) => [method, console[method]] as const);
  for (const [method, unbound] of originals) {
    const original = unbound.bind(console);
    console[method] = (...args: unknown[]) => {
      const redactor = keyRedactor();
      if (redactor.empty) return original(...args);
      const line = formatWithOptions({ colors: false }, ...args);
      const clean = redactor.redact(line);
      return clean === line ? original(...args) : original(clean);
    };
  }
  return () => {
    for (const [method, original] of originals) console[method] = original;
  };
}
