// Session values the browser needs without the schemas: lib/conversations/schema brings zod with it,
// which the playground's first load does without.

export const UNTITLED_SESSION = "Untitled session";

/** Share and conversation ids: 128 random bits, base64url. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export const isSessionId = (value: string): boolean => SESSION_ID_PATTERN.test(value);
