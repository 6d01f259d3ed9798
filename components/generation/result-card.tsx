"use client";

import { ActionExports } from "@/components/generation/action-exports";
import { ActionThumbnail } from "@/components/generation/action-thumbnail";
import { CritiqueView, VerdictBadge } from "@/components/generation/critique-view";
import { domainColumns } from "@/components/generation/job-actions";
import { actionsName, describeJob, downloadName } from "@/components/generation/job-text";
import { ResultBadges, ResultFacts } from "@/components/generation/result-facts";
import { ShareResultButton } from "@/components/generation/share-result-button";
import type { Critique } from "@/components/generation/use-critiques";
import { DownloadIcon, PlayIcon } from "@/components/player/player-icons";
import { Button } from "@/components/ui/button";
import { ChevronRightIcon, InfoIcon, SparkleIcon } from "@/components/ui/icons";
import { buttonSizes, buttonStyles, focusRing } from "@/components/ui/styles";
import type { GenerationJobView } from "@/lib/generation/schema";

interface ResultCardProps {
  job: GenerationJobView & { result: NonNullable<GenerationJobView["result"]> };
  backendLabel: string;
  critique: Critique | undefined;
  /** Null when there is no chat backend to critique with. */
  criticLabel: string | null;
  selected: boolean;
  /** False once two others are selected. */
  selectable: boolean;
  onToggleSelect: () => void;
  onOpen: () => void;
  onCritique: () => void;
}

/** One finished generation: its thumbnail (opens the player), what made it, and its critique. */
export function ResultCard({
  job,
  backendLabel,
  critique,
  criticLabel,
  selected,
  selectable,
  onToggleSelect,
  onOpen,
  onCritique,
}: ResultCardProps) {
  const result = job.result;
  const video = result.kind === "video";
  const actionsOnly = result.kind === "actions";
  const verdict = critique?.status === "done" ? critique.verdict : null;
  return (
    <li
      data-testid="result-card"
      data-job-id={job.id}
      data-kind={job.result.kind}
      data-selected={selected}
      className={`flex animate-fade-in flex-col overflow-hidden rounded-2xl border bg-surface shadow-xs ${
        selected ? "border-brand-500 ring-2 ring-brand-500/30" : "border-line"
      }`}
    >
      <div className="relative">
        <button
          type="button"
          data-testid="result-open"
          onClick={onOpen}
          aria-label={`${video ? "Play" : "View"}: ${job.request.prompt}`}
          className={`group block w-full ${actionsOnly ? "bg-zinc-50 dark:bg-zinc-950/60" : "bg-zinc-950"} ${focusRing} focus-visible:ring-offset-0`}
        >
          {result.kind === "actions" ? (
            <ActionThumbnail action={result.action} />
          ) : video ? (
            <video src={`${result.url}#t=0.1`} muted playsInline preload="metadata" className="aspect-video w-full object-contain" />
          ) : (
            <img src={result.url} alt={job.request.prompt} className="aspect-video w-full object-contain" />
          )}
          {video && (
            <span className="absolute inset-0 grid place-items-center bg-black/0 transition-colors group-hover:bg-black/25">
              <span className="grid size-11 place-items-center rounded-full bg-black/55 text-white opacity-90 shadow-lg ring-1 ring-white/20 transition group-hover:scale-105 group-hover:opacity-100">
                <PlayIcon className="ml-0.5 size-5" />
              </span>
            </span>
          )}
        </button>
        {video && (
          <label
            className={`absolute bottom-2 left-2 inline-flex cursor-pointer items-center gap-1.5 rounded-md bg-black/60 px-2 py-1 text-[11px] font-medium text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-400 ${!selectable && !selected ? "cursor-not-allowed opacity-60" : ""}`}
          >
            <input
              type="checkbox"
              data-testid="result-select"
              checked={selected}
              disabled={!selectable && !selected}
              onChange={onToggleSelect}
              className="size-3.5 accent-brand-500"
            />
            Compare
          </label>
        )}
        {verdict && <VerdictBadge verdict={verdict} testId="verdict-overlay" className="absolute top-2 right-2 shadow-sm" />}
      </div>
      <div className="flex flex-1 flex-col gap-2 p-3">
        <p className="line-clamp-3 text-sm leading-snug font-medium" title={job.request.prompt}>
          {job.request.prompt}
        </p>
        <p className="text-[11px] leading-snug text-fg-muted tabular-nums" data-testid="result-meta">
          {backendLabel} · {describeJob(job)}
        </p>
        <ResultFacts job={job} />
        <ResultBadges job={job} />
        {job.note && (
          <p
            data-testid="result-note"
            className="flex gap-1.5 rounded-lg bg-sky-50 px-2 py-1.5 text-[11px] leading-snug text-sky-900 dark:bg-sky-950/50 dark:text-sky-200"
          >
            <InfoIcon className="mt-px size-3.5 shrink-0" /> {job.note}
          </p>
        )}
        {job.upsampledPrompt && (
          <details className="group text-xs" data-testid="upsampled-prompt">
            <summary className="flex cursor-pointer list-none items-center gap-1 rounded font-medium text-fg-secondary focus-ring-flush [&::-webkit-details-marker]:hidden">
              <ChevronRightIcon className="size-3.5 transition-transform group-open:rotate-90" /> Upsampled prompt
            </summary>
            <p className="mt-1 border-l-2 border-line-strong pl-2 leading-5 text-fg-soft">{job.upsampledPrompt}</p>
          </details>
        )}
        {critique && <CritiqueView critique={critique} onRetry={onCritique} />}
        <div className="mt-auto flex flex-wrap items-center gap-1.5 pt-1">
          {video && (
            <Button
              size="sm"
              variant="secondary"
              data-testid="result-critique"
              disabled={criticLabel === null || critique?.status === "running"}
              title={criticLabel ? `Approve or reject with ${criticLabel}` : "No chat backend to critique with"}
              onClick={onCritique}
            >
              <SparkleIcon className="size-3.5" /> {critique ? "Critique again" : "Critique"}
            </Button>
          )}
          <ShareResultButton jobs={[job]} backendOf={(id) => ({ id, label: backendLabel })} />
          {result.kind === "actions" ? (
            <ActionExports
              action={result.action}
              columns={domainColumns(result.action.domain, result.action.shape[1])}
              name={actionsName(job)}
            />
          ) : (
            <a
              href={result.url}
              download={downloadName(job)}
              data-testid="result-download"
              className={`${buttonStyles.ghost} ${buttonSizes.sm}`}
            >
              <DownloadIcon className="size-3.5" /> Download
            </a>
          )}
        </div>
      </div>
    </li>
  );
}
