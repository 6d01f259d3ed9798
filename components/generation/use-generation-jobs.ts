"use client";

import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";

import { queryKeys } from "@/lib/core/query-keys";
import { cancelGeneration, createGeneration, getGeneration, isActive, listGenerations } from "@/lib/generation/client/api";
import type { GenerationJobView, GenerationRequest } from "@/lib/generation/schema";

// This browser's jobs come from the server (an owner cookie), so a reload shows them again. Each
// queued or running job is polled on its own about every second; what a poll sees is written back
// into the list, so a finished job leaves the queue for the gallery without a second fetch.

const POLL_MS = 1000;

export function useGenerationJobs() {
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: queryKeys.generationList,
    queryFn: ({ signal }) => listGenerations(undefined, signal),
  });

  const upsert = useCallback(
    (job: GenerationJobView) => {
      queryClient.setQueryData<GenerationJobView[]>(queryKeys.generationList, (old = []) =>
        old.some((j) => j.id === job.id) ? old.map((j) => (j.id === job.id ? job : j)) : [job, ...old],
      );
      queryClient.setQueryData(queryKeys.generation(job.id), job);
    },
    [queryClient],
  );

  const activeIds = useMemo(() => (list.data ?? []).filter((j) => isActive(j.status)).map((j) => j.id), [list.data]);
  useQueries({
    queries: activeIds.map((id) => ({
      queryKey: queryKeys.generation(id),
      queryFn: async ({ signal }: { signal: AbortSignal }) => {
        const job = await getGeneration(id, signal);
        upsert(job);
        return job;
      },
      refetchInterval: POLL_MS,
      refetchIntervalInBackground: true,
    })),
  });

  const create = useMutation({
    mutationFn: (request: GenerationRequest) => createGeneration(request),
    onSuccess: upsert,
  });

  const cancel = useMutation({
    mutationFn: (id: string) => cancelGeneration(id),
    onSuccess: upsert,
    // A 409 means it finished meanwhile: show what it became.
    onError: (_error, id) => void queryClient.invalidateQueries({ queryKey: queryKeys.generation(id) }),
  });

  const jobs = list.data ?? [];
  return { list, jobs, create, cancel };
}
