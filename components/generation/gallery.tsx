"use client";

import { compactSelect } from "@/components/generation/field";
import { ResultCard } from "@/components/generation/result-card";
import { ShareResultButton } from "@/components/generation/share-result-button";
import type { Critiques } from "@/components/generation/use-critiques";
import { Button } from "@/components/ui/button";
import { ColumnsIcon } from "@/components/ui/icons";
import type { BackendSummary } from "@/lib/backends/types";
import type { GenerationJobView } from "@/lib/generation/schema";

export type FinishedJob = GenerationJobView & { result: NonNullable<GenerationJobView["result"]> };

interface GalleryProps {
  results: FinishedJob[];
  backendLabel: (id: string) => string;
  critiques: Critiques;
  chatBackends: BackendSummary[];
  critic: BackendSummary | null;
  onCriticChange: (id: string) => void;
  selection: string[];
  onToggleSelect: (id: string) => void;
  onOpen: (job: FinishedJob) => void;
  onCompare: () => void;
  onCritique: (job: FinishedJob) => void;
}

/** Finished results, newest first, with the critic picker and side-by-side compare of two videos. */
export function Gallery({
  results,
  backendLabel,
  critiques,
  chatBackends,
  critic,
  onCriticChange,
  selection,
  onToggleSelect,
  onOpen,
  onCompare,
  onCritique,
}: GalleryProps) {
  return (
    <section aria-labelledby="gallery-heading" data-testid="gallery" className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h2 id="gallery-heading" className="text-sm font-semibold">
          Gallery <span className="font-normal text-fg-muted tabular-nums">{results.length}</span>
        </h2>
        <span className="flex-1" />
        {chatBackends.length > 0 && (
          <label className="flex items-center gap-2 text-xs text-fg-secondary">
            Critic
            <select
              data-testid="critic-backend"
              value={critic?.id ?? ""}
              onChange={(e) => onCriticChange(e.target.value)}
              className={`${compactSelect} max-w-56 text-xs`}
            >
              {chatBackends.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.label}
                  {b.status !== "ready" ? ` (${b.status})` : ""}
                </option>
              ))}
            </select>
          </label>
        )}
        {results.length > 1 && (
          <ShareResultButton
            jobs={[...results].reverse()}
            backendOf={(id) => ({ id, label: backendLabel(id) })}
            label="Share all"
            testId="gallery-share"
          />
        )}
        <Button
          size="sm"
          variant={selection.length === 2 ? "primary" : "secondary"}
          data-testid="compare-button"
          disabled={selection.length !== 2}
          onClick={onCompare}
          title="Select two videos, then play them side by side"
        >
          <ColumnsIcon className="size-3.5" /> Compare{selection.length > 0 ? ` ${selection.length}/2` : ""}
        </Button>
      </div>
      <ul className="grid items-start gap-3 [grid-template-columns:repeat(auto-fill,minmax(min(100%,17rem),1fr))]">
        {results.map((job) => (
          <ResultCard
            key={job.id}
            job={job}
            backendLabel={backendLabel(job.backend)}
            critique={critiques[job.id]}
            criticLabel={critic?.label ?? null}
            selected={selection.includes(job.id)}
            selectable={selection.length < 2}
            onToggleSelect={() => onToggleSelect(job.id)}
            onOpen={() => onOpen(job)}
            onCritique={() => onCritique(job)}
          />
        ))}
      </ul>
    </section>
  );
}
