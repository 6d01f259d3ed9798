import type { SnapshotData } from "@/lib/conversations/schema";
import { describeModel, describeSettings } from "@/lib/share/settings";

/** The model and the settings a shared session ran with, compact. */
export function SessionParamsCard({ data }: { data: SnapshotData }) {
  const model = describeModel(data);
  const rows = describeSettings(data);
  return (
    <section
      data-testid="session-params"
      aria-labelledby="session-params-heading"
      className="rounded-xl border border-zinc-200 bg-white p-4 text-sm shadow-xs dark:border-zinc-800 dark:bg-zinc-900/60"
    >
      <h2 id="session-params-heading" className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
        Parameters used
      </h2>
      {model && <p className="mt-2 font-medium break-words">{model}</p>}
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-[13px]">
        {rows.map((row) => (
          <div key={row.label} className="contents">
            <dt className="text-zinc-500 dark:text-zinc-400">{row.label}</dt>
            <dd className="min-w-0 font-medium break-words text-zinc-800 tabular-nums dark:text-zinc-200">{row.value}</dd>
          </div>
        ))}
      </dl>
      {data.systemPrompt?.trim() && (
        <details className="mt-3 border-t border-zinc-200 pt-3 dark:border-zinc-800">
          <summary className="cursor-pointer text-[13px] font-medium text-zinc-600 dark:text-zinc-300">System prompt</summary>
          <p className="mt-2 text-[13px] leading-relaxed whitespace-pre-wrap text-zinc-600 dark:text-zinc-400">{data.systemPrompt}</p>
        </details>
      )}
    </section>
  );
}
