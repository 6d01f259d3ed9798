"use client";

import { useState } from "react";

import { describeJob } from "@/components/generation/job-text";
import { Button } from "@/components/ui/button";
import { AlertIcon, RefreshIcon, SpinnerIcon, TrashIcon, XIcon } from "@/components/ui/icons";
import { formatClock, remainingSeconds } from "@/lib/generation/client/api";
import type { GenerationJobView } from "@/lib/generation/schema";

interface JobQueueProps {
  active: GenerationJobView[];
  stopped: GenerationJobView[];
  backendLabel: (id: string) => string;
  cancelling: string | null;
  onCancel: (id: string) => void;
  /** Queues the failed job's request again. */
  onRetry: (job: GenerationJobView) => void;
  /** Takes every canceled job off the list at once. */
  onClearCanceled: () => void;
}

const SHOWN_STOPPED = 3;

/** Queued and running jobs with their progress; failed and canceled ones under them. */
export function JobQueue({ active, stopped, backendLabel, cancelling, onCancel, onRetry, onClearCanceled }: JobQueueProps) {
  const [allStopped, setAllStopped] = useState(false);
  if (active.length === 0 && stopped.length === 0) return null;
  const running = active.filter((j) => j.status === "running").length;
  const shownStopped = allStopped ? stopped : stopped.slice(0, SHOWN_STOPPED);
  const canceled = stopped.filter((j) => j.status === "canceled").length;
  return (
    <section aria-labelledby="queue-heading" data-testid="job-queue" className="space-y-2">
      <div className="flex items-baseline gap-2">
        <h2 id="queue-heading" className="text-sm font-semibold">
          Queue
        </h2>
        <span className="text-xs text-fg-muted tabular-nums">
          {active.length === 0 ? "nothing running" : `${running} running · ${active.length - running} queued`}
        </span>
        {canceled > 0 && (
          <Button size="sm" variant="ghost" className="ml-auto" data-testid="clear-canceled" onClick={onClearCanceled}>
            <TrashIcon className="size-3.5" /> Clear {canceled} canceled
          </Button>
        )}
      </div>
      <ul className="space-y-2">
        {[...active, ...shownStopped].map((job) => (
          <JobRow
            key={job.id}
            job={job}
            backendLabel={backendLabel(job.backend)}
            cancelling={cancelling === job.id}
            onCancel={() => onCancel(job.id)}
            onRetry={() => onRetry(job)}
          />
        ))}
      </ul>
      {stopped.length > SHOWN_STOPPED && (
        <button
          type="button"
          onClick={() => setAllStopped(!allStopped)}
          className="rounded text-xs font-medium text-fg-secondary hover:underline"
        >
          {allStopped ? "Show fewer" : `Show ${stopped.length - SHOWN_STOPPED} more failed or canceled`}
        </button>
      )}
    </section>
  );
}

function JobRow({
  job,
  backendLabel,
  cancelling,
  onCancel,
  onRetry,
}: {
  job: GenerationJobView;
  backendLabel: string;
  cancelling: boolean;
  onCancel: () => void;
  onRetry: () => void;
}) {
  const live = job.status === "queued" || job.status === "running";
  const percent = Math.round((job.progress ?? 0) * 100);
  const left = remainingSeconds(job);
  return (
    <li
      data-testid="job-row"
      data-status={job.status}
      data-job-id={job.id}
      className={`animate-fade-in rounded-xl border bg-surface p-3 shadow-xs ${
        job.status === "failed" ? "border-red-200 dark:border-red-900/70" : "border-line"
      }`}
    >
      <div className="flex items-start gap-2.5">
        <StatusMark job={job} />
        <div className="min-w-0 flex-1 space-y-0.5">
          <p className="truncate text-sm font-medium" title={job.request.prompt}>
            {job.request.prompt}
          </p>
          <p className="truncate text-[11px] text-fg-muted tabular-nums">
            {backendLabel} · {describeJob(job)}
          </p>
        </div>
        {live && (
          <Button
            size="sm"
            variant="secondary"
            data-testid="job-cancel"
            disabled={cancelling}
            onClick={onCancel}
            aria-label={`Cancel: ${job.request.prompt}`}
          >
            {cancelling ? <SpinnerIcon className="size-3.5" /> : <XIcon className="size-3.5" />} Cancel
          </Button>
        )}
        {job.status === "failed" && (
          <Button size="sm" variant="secondary" data-testid="job-retry" onClick={onRetry} aria-label={`Retry: ${job.request.prompt}`}>
            <RefreshIcon className="size-3.5" /> Retry
          </Button>
        )}
      </div>
      {job.status === "running" && (
        <div className="mt-2.5 space-y-1">
          <div
            role="progressbar"
            aria-label={`Progress of ${job.request.prompt}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={`${percent}%${job.progressSource === "estimate" ? " (estimated)" : ""}`}
            data-testid="job-progress"
            className="h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
          >
            <div
              className="h-full rounded-full bg-brand-500 transition-[width] duration-1000 ease-linear"
              style={{ width: `${Math.max(2, percent)}%` }}
            />
          </div>
          <p className="flex flex-wrap gap-x-2 text-[11px] text-fg-muted tabular-nums" data-testid="job-timing">
            <span className="font-semibold text-zinc-700 dark:text-zinc-200">{percent}%</span>
            {job.progressSource === "estimate" && (
              <span className="rounded bg-surface-muted px-1 text-[10px] font-medium uppercase">estimated</span>
            )}
            <span>{formatClock(job.elapsedS)} elapsed</span>
            {left !== null && <span>· about {formatClock(left)} left</span>}
          </p>
        </div>
      )}
      {job.status === "queued" && (
        <p data-testid="job-queued" className="mt-2 text-[11px] text-fg-muted">
          Waiting{job.queuePosition !== undefined ? ` — number ${job.queuePosition} in line for this backend` : " for the backend"}…
        </p>
      )}
      {job.status === "failed" && (
        <p role="alert" className="mt-2 flex gap-1.5 text-xs text-red-700 dark:text-red-300">
          <AlertIcon className="mt-px size-3.5 shrink-0" /> {job.error?.message ?? "The generation failed."}
        </p>
      )}
      {job.status === "canceled" && (
        <p className="mt-2 text-xs text-fg-muted">
          Canceled{job.elapsedS > 0 ? ` after ${formatClock(job.elapsedS)}` : " before it started"}.
        </p>
      )}
    </li>
  );
}

function StatusMark({ job }: { job: GenerationJobView }) {
  const base = "mt-0.5 grid size-5 shrink-0 place-items-center rounded-full";
  if (job.status === "running")
    return (
      <span className={`${base} text-brand-600`}>
        <SpinnerIcon className="size-4" />
      </span>
    );
  if (job.status === "queued")
    return <span className={`${base} border-2 border-dashed border-zinc-300 dark:border-zinc-600`} aria-hidden="true" />;
  if (job.status === "failed")
    return (
      <span className={`${base} bg-red-100 text-red-600 dark:bg-red-950 dark:text-red-400`}>
        <AlertIcon className="size-3" />
      </span>
    );
  return (
    <span className={`${base} bg-surface-muted text-zinc-500`}>
      <XIcon className="size-3" />
    </span>
  );
}
