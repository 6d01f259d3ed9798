"use client";

import { useEffect, useRef } from "react";

import type { Batch } from "@/components/generation/use-batches";
import type { useCritiques } from "@/components/generation/use-critiques";
import type { BackendSummary } from "@/lib/backends/types";
import type { GenerationJobView } from "@/lib/generation/schema";

interface AutoCritiqueOptions {
  batches: Batch[];
  jobs: Map<string, GenerationJobView>;
  critiques: ReturnType<typeof useCritiques>;
  chatBackends: BackendSummary[];
  /** When the batch's own critic is gone from the configuration. */
  fallback: BackendSummary | null;
}

/** Critiques each video of a batch as soon as it finishes, once. */
export function useAutoCritique({ batches, jobs, critiques, chatBackends, fallback }: AutoCritiqueOptions) {
  const started = useRef(new Set<string>());
  const { loaded, critiques: done, start } = critiques;

  useEffect(() => {
    // Before the stored critiques are read, every video would look uncritiqued.
    if (!loaded) return;
    for (const batch of batches) {
      const backend = chatBackends.find((b) => b.id === batch.criticBackendId) ?? fallback;
      if (!backend) continue;
      for (const id of batch.jobIds) {
        const job = jobs.get(id);
        if (job?.status !== "succeeded" || job.result?.kind !== "video" || done[id] || started.current.has(id)) continue;
        started.current.add(id);
        void start(job, backend);
      }
    }
  }, [loaded, batches, jobs, done, chatBackends, fallback, start]);
}
