import type { SnapshotData } from "@/lib/conversations/schema";
import { describeTurnBackends } from "@/lib/share/settings";

/** Every backend the session used, reply by reply, and which replies the simulator wrote. */
export function TurnBackendsCard({ data }: { data: SnapshotData }) {
  const rows = describeTurnBackends(data);
  if (rows.length === 0) return null;
  return (
    <section
      data-testid="turn-backends"
      aria-labelledby="turn-backends-heading"
      className="rounded-xl border border-line bg-white p-4 text-sm shadow-xs dark:bg-zinc-900/60"
    >
      <h2 id="turn-backends-heading" className="text-xs font-semibold tracking-wide text-fg-muted uppercase">
        Backends, per reply
      </h2>
      <ol className="mt-3 space-y-1.5 text-[13px]">
        {rows.map((row) => (
          <li key={row.reply} data-testid="turn-backend" className="flex min-w-0 items-baseline gap-2">
            <span className="w-14 shrink-0 text-fg-muted tabular-nums">Reply {row.reply}</span>
            <span className="min-w-0 flex-1 break-words">
              <span className="font-medium text-zinc-800 dark:text-zinc-200">{row.label}</span>
              {row.model && row.model !== row.label && <span className="ml-1 font-mono text-[11px] text-fg-muted">{row.model}</span>}
            </span>
            {row.simulated && <SimulatedChip />}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function SimulatedChip() {
  return (
    <span
      data-testid="simulated-chip"
      title="Written by the playground's built-in simulator, not by a model"
      className="shrink-0 rounded-full bg-amber-100 px-1.5 py-px text-[11px] font-medium text-amber-800 dark:bg-amber-500/15 dark:text-amber-300"
    >
      Simulated
    </span>
  );
}
