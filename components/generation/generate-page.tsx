"use client";

import { useMemo } from "react";

import { BackendsFallback } from "@/components/backends/backends-fallback";
import { useBackendsQuery } from "@/components/backends/use-backends-query";
import { GenerateWorkspace } from "@/components/generation/generate-workspace";
import { PageHeader } from "@/components/ui/page-header";
import { chatBackends } from "@/lib/backends/client/backends";

export function GeneratePage() {
  const backendsQuery = useBackendsQuery();
  const all = backendsQuery.data?.backends;
  const generators = useMemo(() => (all ?? []).filter((b) => b.generationFamily !== undefined), [all]);
  const chat = useMemo(() => chatBackends(all ?? []), [all]);

  if (generators.length > 0) return <GenerateWorkspace generators={generators} chatBackends={chat} />;

  return (
    <BackendsFallback
      query={backendsQuery}
      header={<PageHeader />}
      loadingLayout="gap-4 p-4 lg:grid-cols-[24rem_1fr]"
      skeletonHeight="min-h-96"
      empty={
        <div data-testid="no-generators" className="mx-auto max-w-md py-16 text-center">
          <h2 className="text-lg font-semibold tracking-tight">No world-generation backends configured</h2>
          <p className="mt-1.5 text-sm text-fg-soft">
            Add a backend of kind <code className="font-mono">predict</code> (Cosmos Predict, the Cosmos3 generator NIM) or{" "}
            <code className="font-mono">omni</code> (Cosmos3 Generator) to the playground configuration, or turn on the simulator with{" "}
            <code className="font-mono">&quot;simulator&quot;: true</code>.
          </p>
        </div>
      }
    />
  );
}
