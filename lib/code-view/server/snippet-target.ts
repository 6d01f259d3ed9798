import "server-only";

import { getBackend } from "@/lib/backends/server/backends";
import type { SnippetTargetInfo } from "@/lib/code-view/snippet-target";
import { PlaygroundError } from "@/lib/core/errors";

/**
 * A configured backend's base URL and the name of its key variable, for snippets that call it
 * directly. The simulator listens on a private port of this server, so it is reached through the
 * pass-through only.
 */
export async function snippetTargetFor(id: string): Promise<SnippetTargetInfo> {
  const backend = await getBackend(id);
  if (backend.simulated) {
    throw new PlaygroundError(
      "not_found",
      `'${backend.label}' is simulated inside the playground and has no URL of its own; call it through the playground's pass-through.`,
    );
  }
  return { baseUrl: backend.baseUrl, apiKeyEnv: backend.apiKeyEnv ?? null, authScheme: backend.authScheme };
}
