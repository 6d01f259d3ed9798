import "server-only";

import { randomBytes } from "node:crypto";

/** 128 random bits as base64url (22 characters): unguessable and saying nothing about what it names. */
export function newId(): string {
  return randomBytes(16).toString("base64url");
}
