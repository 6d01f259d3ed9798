"use client";

import { useMemo } from "react";

import { NoChatBackends } from "@/components/backends/backends-error";
import { BackendsFallback } from "@/components/backends/backends-fallback";
import { useBackendsQuery } from "@/components/backends/use-backends-query";
import { CompareWorkspace } from "@/components/compare/compare-workspace";
import { PageHeader } from "@/components/ui/page-header";
import { chatBackends } from "@/lib/backends/client/backends";

export function ComparePage() {
  const backendsQuery = useBackendsQuery();
  const backends = useMemo(() => chatBackends(backendsQuery.data?.backends ?? []), [backendsQuery.data]);

  if (backends.length > 0) return <CompareWorkspace backends={backends} />;

  return (
    <BackendsFallback
      query={backendsQuery}
      header={<PageHeader />}
      loadingLayout="gap-3 p-3 md:grid-cols-2"
      skeletonHeight="min-h-64"
      empty={
        <div className="mx-auto w-full max-w-3xl p-6">
          <NoChatBackends />
        </div>
      }
    />
  );
}
