// Apart from lib/generation/schema.ts, so that the form's checks in the browser do not load zod.
export const MAX_PROMPT_CHARS = 8000;
