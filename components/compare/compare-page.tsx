"use client";

import { useBackendsQuery } from "@/components/backends/use-backends-query";
import { useMemo } from "react";
import { chatBackends } from "@/lib/client/backends";
import { BackendsError, NoChatBackends } from "@/components/backends/backends-error";
import { CompareHeader } from "@/components/compare/compare-header";
import { CompareWorkspace } from "@/components/compare/compare-workspace";
import { Skeleton } from "@/components/ui/skeleton";

export function ComparePage() {
  const backendsQuery = useBackendsQuery();
  const backends = useMemo(() => chatBackends(backendsQuery.data?.backends ?? []), [backendsQuery.data]);

  if (backends.length > 0) return <CompareWorkspace backends={backends} />;

  let body = (
    <div aria-busy="true" aria-label="Loading backends" className="grid flex-1 gap-3 p-3 md:grid-cols-2">
      <Skeleton className="h-full min-h-64 rounded-2xl" />
      <Skeleton className="h-full min-h-64 rounded-2xl" />
    </div>
  );
  if (backendsQuery.isError) {
    body = (
      <div className="mx-auto w-full max-w-3xl p-6">
        <BackendsError message={backendsQuery.error.message} retrying={backendsQuery.isFetching} onRetry={() => void backendsQuery.refetch()} />
      </div>
    );
  } else if (backendsQuery.isSuccess) {
    body = (
      <div className="mx-auto w-full max-w-3xl p-6">
        <NoChatBackends />
      </div>
    );
  }
  return (
    <div className="flex h-dvh flex-col overflow-hidden">
      <CompareHeader />
      <main className="flex min-h-0 flex-1 flex-col">{body}</main>
    </div>
  );
}
