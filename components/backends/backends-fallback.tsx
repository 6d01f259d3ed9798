"use client";

import type { ReactNode } from "react";

import { BackendsError } from "@/components/backends/backends-error";
import type { useBackendsQuery } from "@/components/backends/use-backends-query";
import { Skeleton } from "@/components/ui/skeleton";

interface BackendsFallbackProps {
  query: ReturnType<typeof useBackendsQuery>;
  header: ReactNode;
  /** Grid classes of the two loading placeholders, shaped like the page they stand in for. */
  loadingLayout: string;
  skeletonHeight: string;
  /** Shown when the list loaded but holds no backend this page can use. */
  empty: ReactNode;
}

/** What a page shows before it has backends to work with: loading, the error with Retry, or none. */
export function BackendsFallback({ query, header, loadingLayout, skeletonHeight, empty }: BackendsFallbackProps) {
  let body: ReactNode = (
    <div aria-busy="true" aria-label="Loading backends" className={`grid flex-1 ${loadingLayout}`}>
      <Skeleton className={`h-full ${skeletonHeight} rounded-2xl`} />
      <Skeleton className={`h-full ${skeletonHeight} rounded-2xl`} />
    </div>
  );
  if (query.isError) {
    body = (
      <div className="mx-auto w-full max-w-3xl p-6">
        <BackendsError message={query.error.message} retrying={query.isFetching} onRetry={() => void query.refetch()} />
      </div>
    );
  } else if (query.isSuccess) {
    body = empty;
  }
  return (
    <div className="flex h-dvh flex-col overflow-hidden">
      {header}
      <main className="flex min-h-0 flex-1 flex-col">{body}</main>
    </div>
  );
}
