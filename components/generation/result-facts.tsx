"use client";

import { resultFacts } from "@/lib/generation/result-comparison";
import type { GenerationJobView } from "@/lib/generation/schema";

const probedOf = (job: GenerationJobView) => (job.result && job.result.kind !== "actions" ? job.result.probed : undefined);

/** What the result file really is (probed on the server), each fact beside what was asked or expected where they differ. */
export function ResultFacts({ job }: { job: GenerationJobView }) {
  const list = resultFacts(job);
  if (list.length === 0) return null;
  const differs = list.filter((fact) => fact.wanted !== null).length;
  return (
    <p
      data-testid="result-probed"
      className="text-[11px] leading-snug text-fg-muted tabular-nums"
      title={differs ? "The file differs from what was asked or expected where marked" : "The file as probed on the server"}
    >
      <span className="font-medium text-fg-secondary">File:</span>{" "}
      {list.map((fact, index) => (
        <span key={fact.key} data-fact={fact.key} data-differs={fact.wanted !== null || undefined}>
          {index > 0 && " · "}
          <span className={fact.wanted !== null ? "font-medium text-amber-700 dark:text-amber-300" : undefined}>{fact.got}</span>
          {fact.wanted !== null && (
            <span className="text-zinc-400 dark:text-zinc-500">
              {" "}
              ({fact.source} {fact.wanted})
            </span>
          )}
        </span>
      ))}
    </p>
  );
}

/** Small labels on the card: it has sound, it carries actions. */
export function ResultBadges({ job }: { job: GenerationJobView }) {
  const action = job.result?.action;
  const sound = probedOf(job)?.audio;
  if (!action && !sound) return null;
  const chip = "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-[10px] font-semibold";
  return (
    <div className="flex flex-wrap gap-1">
      {sound && (
        <span data-testid="badge-sound" className={`${chip} bg-violet-100 text-violet-800 dark:bg-violet-500/15 dark:text-violet-200`}>
          ♪ Has sound
        </span>
      )}
      {action && (
        <span
          data-testid="badge-actions"
          className={`${chip} bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-200`}
        >
          {action.shape[0]} × {action.shape[1]} actions · {action.domain}
        </span>
      )}
    </div>
  );
}
