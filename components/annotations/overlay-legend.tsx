import { focusRing } from "@/components/ui/styles";
import type { LegendEntry } from "@/lib/annotations/overlay";

interface OverlayLegendProps {
  entries: readonly LegendEntry[];
  hidden: ReadonlySet<string>;
  onToggle: (key: string) => void;
  /** The person's kept reference path, when there is one. */
  reference: number;
}

const noun = (entry: LegendEntry) =>
  entry.kind === "boxes" ? (entry.count === 1 ? "box" : "boxes") : entry.count === 1 ? "point" : "points";

/** One toggle per series (and per box label): click to hide or show it. */
export function OverlayLegend({ entries, hidden, onToggle, reference }: OverlayLegendProps) {
  return (
    <ul aria-label="Legend" className="flex flex-wrap items-center gap-1.5">
      {entries.map((entry) => {
        const shown = !hidden.has(entry.key);
        return (
          <li key={entry.key}>
            <button
              type="button"
              data-testid="legend-item"
              aria-pressed={shown}
              title={shown ? "Hide" : "Show"}
              onClick={() => onToggle(entry.key)}
              className={`inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs transition-colors ${focusRing} ${
                shown
                  ? "border-line-strong bg-surface text-zinc-800 hover:bg-zinc-50 dark:text-zinc-100 dark:hover:bg-zinc-800"
                  : "border-dashed border-zinc-300 text-zinc-400 line-through dark:border-zinc-700 dark:text-zinc-500"
              }`}
            >
              <span
                aria-hidden="true"
                className={`size-2.5 shrink-0 ring-1 ring-zinc-900/30 dark:ring-white/30 ${entry.kind === "boxes" ? "rounded-[2px]" : "rounded-full"}`}
                style={{ background: shown ? entry.colour : "transparent" }}
              />
              <span className="max-w-48 truncate font-medium">{entry.label}</span>
              <span className="text-fg-muted tabular-nums">
                {entry.count} {noun(entry)}
              </span>
            </button>
          </li>
        );
      })}
      {reference > 0 && (
        <li className="inline-flex items-center gap-1.5 rounded-full border border-line-strong px-2 py-0.5 text-xs text-zinc-700 dark:text-zinc-200">
          <span aria-hidden="true" className="h-0 w-3 border-t-2 border-dashed border-zinc-500 dark:border-zinc-300" />
          <span className="font-medium">your reference</span>
          <span className="text-fg-muted tabular-nums">{reference} points</span>
        </li>
      )}
    </ul>
  );
}
