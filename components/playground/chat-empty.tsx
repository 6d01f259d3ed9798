"use client";

import { BackendsError, NoChatBackends } from "@/components/backends/backends-error";
import type { useBackendsQuery } from "@/components/backends/use-backends-query";
import { EmptyState, EmptyStateSkeleton } from "@/components/chat/empty-state";
import type { BackendSummary } from "@/lib/backends/types";

interface ChatEmptyProps {
  query: ReturnType<typeof useBackendsQuery>;
  backend: BackendSummary | null;
  reasoning: boolean;
  /** A saved chat is still being opened. */
  loading: boolean;
  onPick: (prompt: string, files: File[]) => void;
}

/** What an empty chat shows: starter cards, or why there is nothing to talk to yet. */
export function ChatEmpty({ query, backend, reasoning, loading, onPick }: ChatEmptyProps) {
  if (loading) return <EmptyStateSkeleton />;
  if (backend) return <EmptyState backend={backend} reasoning={reasoning} onPick={onPick} />;
  if (query.isError && !query.data) {
    return <BackendsError message={query.error.message} retrying={query.isFetching} onRetry={() => void query.refetch()} />;
  }
  if (query.isSuccess) return <NoChatBackends />;
  return <EmptyStateSkeleton />;
}
