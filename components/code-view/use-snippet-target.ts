"use client";

import { useQuery } from "@tanstack/react-query";

import type { SnippetTargetInfo } from "@/lib/code-view/snippet-target";
import { errorFromResponse } from "@/lib/core/errors";
import { queryKeys } from "@/lib/core/query-keys";

async function fetchSnippetTarget(backendId: string, signal: AbortSignal): Promise<SnippetTargetInfo> {
  const response = await fetch(`/api/backends/${encodeURIComponent(backendId)}/snippet-target`, {
    signal,
    headers: { accept: "application/json" },
  });
  if (!response.ok) throw await errorFromResponse(response);
  return (await response.json()) as SnippetTargetInfo;
}

/** A backend's own base URL and key variable name; an error for a simulated or vanished backend. */
export function useSnippetTarget(backendId: string) {
  return useQuery({
    queryKey: queryKeys.snippetTarget(backendId),
    queryFn: ({ signal }) => fetchSnippetTarget(backendId, signal),
    // A simulated backend answers 404 every time; asking again would only delay the message.
    retry: false,
    staleTime: 60_000,
  });
}
