import { z } from "zod";

// GET /api/backends/{id}/snippet-target: where a "View code" snippet may send its request directly.
// Shared so the browser reads what the server answers. Only the NAME of the key's variable is given.

export const snippetTargetParamsSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, "a backend id is letters, digits, '.', '_' or '-'"),
});

export interface SnippetTargetInfo {
  baseUrl: string;
  apiKeyEnv: string | null;
  authScheme: "bearer" | "raw";
}
