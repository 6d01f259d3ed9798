import { ID_PATTERN } from "@/lib/core/ids";

// Session values the browser needs without the schemas: lib/conversations/schema brings zod with it,
// which the playground's first load does without.

export const UNTITLED_SESSION = "Untitled session";

export const isSessionId = (value: string): boolean => ID_PATTERN.test(value);
