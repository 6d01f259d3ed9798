"use client";

import type { Critique } from "@/components/generation/use-critiques";
import { AlertIcon, CheckIcon, ChevronRightIcon, SpinnerIcon, XIcon } from "@/components/ui/icons";
import type { CriticVerdict } from "@/lib/annotations/critic";

/** Approve in green, Reject in red: the critic's one-word answer as a badge. */
export function VerdictBadge({
  verdict,
  className = "",
  testId = "verdict-badge",
}: {
  verdict: CriticVerdict;
  className?: string;
  testId?: string;
}) {
  const approve = verdict === "approve";
  const Icon = approve ? CheckIcon : XIcon;
  return (
    <span
      data-testid={testId}
      data-verdict={verdict}
      title={approve ? "The critic approves this video for the dataset" : "The critic rejects this video"}
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${
        approve
          ? "bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-300 dark:ring-emerald-400/30"
          : "bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950 dark:text-red-300 dark:ring-red-400/30"
      } ${className}`}
    >
      <Icon className="size-3.5" strokeWidth={2.5} />
      {approve ? "Approve" : "Reject"}
    </span>
  );
}

/** The critique under a card: streaming, the verdict with its reasoning, or what went wrong. */
export function CritiqueView({ critique, onRetry }: { critique: Critique; onRetry: () => void }) {
  if (critique.status === "error") {
    return (
      <div data-testid="critique" data-status="error" className="space-y-1 text-xs">
        <p role="alert" className="flex gap-1.5 text-red-700 dark:text-red-300">
          <AlertIcon className="mt-px size-3.5 shrink-0" /> {critique.error ?? "The critique failed."}
        </p>
        <button type="button" onClick={onRetry} className="rounded font-semibold text-fg-secondary hover:underline">
          Try again
        </button>
      </div>
    );
  }
  const running = critique.status === "running";
  const reasoning = critique.reasoning.trim() || (running ? "" : critique.answer.trim());
  return (
    <div data-testid="critique" data-status={critique.status} className="space-y-1.5">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        {running ? (
          <span className="inline-flex items-center gap-1.5 text-fg-secondary">
            <SpinnerIcon className="size-3.5 text-brand-600" /> {critique.backendLabel} is critiquing…
          </span>
        ) : critique.verdict ? (
          <VerdictBadge verdict={critique.verdict} />
        ) : (
          <span className="text-fg-secondary" data-testid="verdict-none">
            No clear verdict
          </span>
        )}
        {!running && <span className="truncate text-[11px] text-fg-muted">by {critique.backendLabel}</span>}
      </div>
      {reasoning && (
        <details className="group rounded-lg bg-zinc-50 text-xs dark:bg-zinc-800/50" data-testid="critique-reasoning">
          <summary className="flex cursor-pointer list-none items-center gap-1 rounded-lg px-2 py-1.5 font-medium text-fg-secondary focus-ring-flush [&::-webkit-details-marker]:hidden">
            <ChevronRightIcon className="size-3.5 transition-transform group-open:rotate-90" /> Reasoning
          </summary>
          <p className="border-l-2 border-line-strong mx-2 mb-2 pl-2 leading-5 whitespace-pre-wrap text-fg-soft">{reasoning}</p>
        </details>
      )}
    </div>
  );
}
