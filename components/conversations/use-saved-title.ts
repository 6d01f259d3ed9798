"use client";

import { useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useCallback, useSyncExternalStore } from "react";

import { useSessionShell } from "@/components/conversations/shell-context";
import type { ConversationSummary } from "@/lib/conversations/schema";
import { queryKeys } from "@/lib/core/query-keys";

type ListPage = { conversations: ConversationSummary[] };

/** The title this chat is saved under, as the sidebar lists it (renames included); null before it is. */
export function useSavedTitle(): string | null {
  const id = useSessionShell()?.conversationId ?? null;
  const client = useQueryClient();
  const subscribe = useCallback((onChange: () => void) => client.getQueryCache().subscribe(onChange), [client]);
  const read = useCallback(() => {
    if (id === null) return null;
    for (const [, data] of client.getQueriesData<InfiniteData<ListPage>>({ queryKey: queryKeys.conversationLists })) {
      const found = data?.pages?.flatMap((page) => page.conversations).find((c) => c.id === id);
      if (found) return found.title;
    }
    return null;
  }, [client, id]);
  return useSyncExternalStore(subscribe, read, () => null);
}
