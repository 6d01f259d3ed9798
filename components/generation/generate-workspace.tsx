"use client";

import { useCallback, useMemo, useState } from "react";

import { BackendPicker } from "@/components/backends/backend-picker";
import { BatchSummary } from "@/components/generation/batch-summary";
import { EmptyGallery } from "@/components/generation/empty-gallery";
import { Gallery, type FinishedJob } from "@/components/generation/gallery";
import { GenerateForm } from "@/components/generation/generate-form";
import { JobQueue } from "@/components/generation/job-queue";
import { CompareDialog, ResultDialog } from "@/components/generation/player-dialog";
import { useAutoCritique } from "@/components/generation/use-auto-critique";
import { useBatches } from "@/components/generation/use-batches";
import { useCritiques } from "@/components/generation/use-critiques";
import { useDismissedJobs } from "@/components/generation/use-dismissed-jobs";
import { useGenerateDraft } from "@/components/generation/use-generate-draft";
import { useGenerationJobs } from "@/components/generation/use-generation-jobs";
import { useInputMedia, type StoredMedia } from "@/components/generation/use-input-media";
import { useSubmitGeneration } from "@/components/generation/use-submit-generation";
import { AlertIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { pickBackend } from "@/lib/backends/client/backends";
import { generationProfile } from "@/lib/backends/generation-families";
import type { BackendSummary } from "@/lib/backends/types";
import { isActive } from "@/lib/generation/client/api";
import { defaultCriticBackend } from "@/lib/generation/critique";
import type { GenerationRequest } from "@/lib/generation/schema";

interface GenerateWorkspaceProps {
  /** Backends with a generationFamily; never empty. */
  generators: BackendSummary[];
  chatBackends: BackendSummary[];
}

type Viewing = { type: "result"; id: string } | { type: "compare" } | null;

export function GenerateWorkspace({ generators, chatBackends }: GenerateWorkspaceProps) {
  const [backendId, setBackendId] = useState<string | null>(null);
  const backend = pickBackend(generators, backendId) ?? generators[0]!;
  // The contract the server speaks decides the form; before it is known, the family's fallback.
  const profile = backend.generation?.profile ?? generationProfile(backend.generationFamily ?? "cosmos-predict");
  const { draft, notice, set } = useGenerateDraft(profile);
  const media = useInputMedia();
  const control = useInputMedia();
  const { list, jobs, create, cancel } = useGenerationJobs();
  const critiques = useCritiques();
  const { batches, add: addBatch } = useBatches();
  const [criticId, setCriticId] = useState<string | null>(null);
  const critic = chatBackends.find((b) => b.id === criticId) ?? defaultCriticBackend(chatBackends);
  const [selection, setSelection] = useState<string[]>([]);
  const [viewing, setViewing] = useState<Viewing>(null);

  const labels = useMemo(() => new Map([...generators, ...chatBackends].map((b) => [b.id, b.label])), [generators, chatBackends]);
  const backendLabel = useCallback((id: string) => labels.get(id) ?? id, [labels]);
  const byId = useMemo(() => new Map(jobs.map((j) => [j.id, j])), [jobs]);
  // Running jobs first, then the waiting ones in the order they will run.
  const active = useMemo(
    () =>
      jobs
        .filter((j) => isActive(j.status))
        .sort((a, b) => Number(b.status === "running") - Number(a.status === "running") || a.createdAt.localeCompare(b.createdAt)),
    [jobs],
  );
  const { dismissed, dismiss } = useDismissedJobs();
  const stopped = useMemo(
    () => jobs.filter((j) => (j.status === "failed" || j.status === "canceled") && !dismissed.includes(j.id)),
    [jobs, dismissed],
  );
  const results = useMemo(() => jobs.filter((j): j is FinishedJob => j.status === "succeeded" && j.result !== undefined), [jobs]);
  const generated = useMemo(
    (): StoredMedia[] =>
      results.flatMap(({ result, request }) =>
        result.kind === "actions"
          ? []
          : [
              {
                mediaId: result.mediaId,
                kind: result.kind,
                name: request.prompt.slice(0, 60),
                ...(request.fps ? { fps: request.fps } : {}),
              },
            ],
      ),
    [results],
  );
  const shownBatches = batches.filter((b) => b.jobIds.some((id) => byId.has(id))).slice(0, 3);

  const submit = useSubmitGeneration({ create, criticId: critic?.id ?? null, addBatch });
  useAutoCritique({ batches, jobs: byId, critiques, chatBackends, fallback: critic });

  // Below lg the form fills the first screen: bring the new job into view.
  const revealQueue = (queued: boolean) => {
    if (queued && window.matchMedia("(max-width: 1023px)").matches) {
      requestAnimationFrame(() => document.getElementById("generate-main")?.scrollIntoView({ behavior: "smooth", block: "start" }));
    }
  };
  const toggleSelect = (id: string) => setSelection((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id].slice(-2)));
  const viewed = viewing?.type === "result" ? results.find((j) => j.id === viewing.id) : undefined;
  const pair = selection.map((id) => results.find((j) => j.id === id)).filter((j): j is FinishedJob => j !== undefined);

  return (
    <div className="flex h-dvh flex-col overflow-hidden">
      <PageHeader>
        <BackendPicker backends={generators} selected={backend} onSelect={setBackendId} />
      </PageHeader>
      <div className="flex min-h-0 flex-1 flex-col overflow-y-auto lg:flex-row lg:overflow-hidden">
        <aside
          aria-label="Generate"
          className="flex shrink-0 flex-col border-b border-line bg-white lg:min-h-0 lg:w-[25rem] lg:border-r lg:border-b-0 dark:bg-zinc-900/60"
        >
          <GenerateForm
            backend={backend}
            profile={profile}
            draft={draft}
            notice={notice}
            onChange={set}
            media={media}
            control={control}
            chatBackends={chatBackends}
            generated={generated}
            submitting={submit.pending}
            serverError={submit.error}
            onSubmit={(request: GenerationRequest, batch: number | null) => void submit.run(request, batch).then(revealQueue)}
          />
        </aside>
        <main id="generate-main" className="min-w-0 flex-1 scroll-mt-2 space-y-6 p-4 sm:p-6 lg:overflow-y-auto" data-testid="generate-main">
          {list.isError && (
            <p role="alert" className="flex gap-2 rounded-xl bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-200">
              <AlertIcon className="mt-0.5 size-4 shrink-0" /> Could not load your generations: {list.error.message}
            </p>
          )}
          <JobQueue
            active={active}
            stopped={stopped}
            backendLabel={backendLabel}
            cancelling={cancel.isPending ? (cancel.variables ?? null) : null}
            onCancel={(id) => cancel.mutate(id)}
            onRetry={(job) => void submit.run(job.request, null)}
            onClearCanceled={() => dismiss(stopped.filter((j) => j.status === "canceled").map((j) => j.id))}
          />
          {shownBatches.length > 0 && (
            <ul className="space-y-2" aria-label="Batches">
              {shownBatches.map((batch) => (
                <BatchSummary key={batch.id} batch={batch} jobs={byId} critiques={critiques.critiques} />
              ))}
            </ul>
          )}
          {results.length > 0 ? (
            <Gallery
              results={results}
              backendLabel={backendLabel}
              critiques={critiques.critiques}
              chatBackends={chatBackends}
              critic={critic}
              onCriticChange={setCriticId}
              selection={selection}
              onToggleSelect={toggleSelect}
              onOpen={(job) => setViewing({ type: "result", id: job.id })}
              onCompare={() => setViewing({ type: "compare" })}
              onCritique={(job) => critic && void critiques.start(job, critic)}
            />
          ) : (
            active.length === 0 && list.isSuccess && <EmptyGallery backend={backend} onPick={(prompt) => set("prompt", prompt)} />
          )}
        </main>
      </div>
      {viewed && <ResultDialog job={viewed} backendLabel={backendLabel(viewed.backend)} onClose={() => setViewing(null)} />}
      {viewing?.type === "compare" && pair.length === 2 && (
        <CompareDialog left={pair[0]!} right={pair[1]!} backendLabel={backendLabel} onClose={() => setViewing(null)} />
      )}
    </div>
  );
}
