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
      className="rounded-xl border border-line bg-white p-4 text-sm shadow-xs dark:bg-zinc-900/60"
    >
      <h2 id="session-params-heading" className="text-xs font-semibold tracking-wide text-fg-muted uppercase">
        Parameters used
      </h2>
      {model && <p className="mt-2 font-medium break-words">{model}</p>}
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-[13px]">
        {rows.map((row) => (
          <div key={row.label} className="contents">
            <dt className="text-fg-muted">{row.label}</dt>
            <dd className="min-w-0 font-medium break-words text-zinc-800 tabular-nums dark:text-zinc-200">{row.value}</dd>
          </div>
        ))}
      </dl>
      {data.systemPrompt?.trim() && (
        <details className="mt-3 border-t border-line pt-3">
          <summary className="cursor-pointer text-[13px] font-medium text-fg-secondary">System prompt</summary>
          <p className="mt-2 text-[13px] leading-relaxed whitespace-pre-wrap text-fg-soft">{data.systemPrompt}</p>
        </details>
      )}
    </section>
  );
}
