"use client";

import type { UseMutationResult } from "@tanstack/react-query";
import { useCallback, useState } from "react";

import type { Batch } from "@/components/generation/use-batches";
import { batchSeeds } from "@/lib/generation/form-choices";
import type { GenerationJobView, GenerationRequest } from "@/lib/generation/schema";

interface SubmitOptions {
  create: UseMutationResult<GenerationJobView, Error, GenerationRequest>;
  criticId: string | null;
  addBatch: (batch: Batch) => void;
}

/** Queues one job, or a batch of seeds of one prompt; keeps the server's sentence when it refuses. */
export function useSubmitGeneration({ create, criticId, addBatch }: SubmitOptions) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { mutateAsync } = create;

  /** True when at least one job was queued. */
  const run = useCallback(
    async (request: GenerationRequest, batch: number | null): Promise<boolean> => {
      setPending(true);
      setError(null);
      try {
        if (batch === null) {
          await mutateAsync(request);
          return true;
        }
        const ids: string[] = [];
        try {
          for (const seed of batchSeeds(batch, request.seed ?? null)) ids.push((await mutateAsync({ ...request, seed })).id);
        } finally {
          // The seeds queued before a refusal still form a batch and are still critiqued.
          if (ids[0]) addBatch({ id: ids[0], prompt: request.prompt, jobIds: ids, criticBackendId: criticId, createdAt: Date.now() });
        }
        return true;
      } catch (caught) {
        setError(caught instanceof Error ? caught.message : "The server did not take the job.");
        return false;
      } finally {
        setPending(false);
      }
    },
    [mutateAsync, addBatch, criticId],
  );

  return { run, pending, error };
}
