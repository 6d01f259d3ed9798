"use client";

import { jobSeed } from "@/components/generation/job-text";
import type { Batch } from "@/components/generation/use-batches";
import type { Critiques } from "@/components/generation/use-critiques";
import { SpinnerIcon } from "@/components/ui/icons";
import { summarizeBatch } from "@/lib/generation/critique";
import type { GenerationJobView } from "@/lib/generation/schema";

interface BatchSummaryProps {
  batch: Batch;
  jobs: Map<string, GenerationJobView>;
  critiques: Critiques;
}

/** "3 of 5 approved", and each seed as a chip coloured by its verdict. */
export function BatchSummary({ batch, jobs, critiques }: BatchSummaryProps) {
  const members = batch.jobIds.map((id) => jobs.get(id));
  const summary = summarizeBatch(members, critiques);
  const judged = summary.approved + summary.rejected;
  return (
    <li data-testid="batch-summary" data-pending={summary.pending} className="rounded-xl border border-line bg-surface p-3 shadow-xs">
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
        <p className="text-sm font-semibold tabular-nums" data-testid="batch-approved">
          {summary.approved} of {summary.total} approved
        </p>
        <p className="min-w-0 flex-1 truncate text-xs text-fg-muted" title={batch.prompt}>
          Batch of {summary.total} seeds · {batch.prompt}
        </p>
        {summary.pending > 0 && (
          <span className="inline-flex items-center gap-1 text-[11px] text-fg-muted">
            <SpinnerIcon className="size-3 text-brand-600" /> {summary.pending} to go
          </span>
        )}
      </div>
      <ul className="mt-2 flex flex-wrap gap-1" aria-label="Seeds">
        {members.map((job, i) => {
          const verdict = job ? critiques[job.id]?.verdict : null;
          const done = job && critiques[job.id]?.status === "done";
          const tone = !done
            ? "bg-surface-muted text-fg-secondary"
            : verdict === "approve"
              ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300"
              : verdict === "reject"
                ? "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300"
                : "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300";
          const seed = job ? jobSeed(job) : undefined;
          return (
            <li
              key={batch.jobIds[i]}
              className={`rounded-md px-1.5 py-0.5 font-mono text-[11px] tabular-nums ${tone}`}
              title={done ? (verdict ?? "no verdict") : (job?.status ?? "not found")}
            >
              {seed ?? "?"}
            </li>
          );
        })}
      </ul>
      {judged > 0 && summary.passingSeeds.length > 0 && (
        <p className="mt-1.5 text-[11px] text-fg-muted">
          Passing seeds: <span className="font-mono">{summary.passingSeeds.join(", ")}</span>
        </p>
      )}
    </li>
  );
}
