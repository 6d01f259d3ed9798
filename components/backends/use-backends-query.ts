"use client";

import { useQuery } from "@tanstack/react-query";

import { fetchBackends } from "@/lib/backends/client/backends";
import { queryKeys } from "@/lib/core/query-keys";

/** The backends list every page shows, refreshed in the background so status dots stay live. */
export function useBackendsQuery() {
  return useQuery({
    queryKey: queryKeys.backends,
    queryFn: ({ signal }) => fetchBackends(signal),
    refetchInterval: 30_000,
  });
}
