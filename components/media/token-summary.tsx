import { Button } from "@/components/ui/button";
import { AlertIcon } from "@/components/ui/icons";
import { sizeLabel, type TokenSummary as Summary, type TokenAdvice } from "@/lib/media/attachment-tokens";
import { TOKEN_BUDGET } from "@/lib/media/tokens";

interface TokenSummaryProps {
  summary: Summary;
  /** Names of this turn's attachments, for the advice. */
  names: readonly string[];
  onApply: (advice: TokenAdvice) => void;
}

const format = new Intl.NumberFormat("en-US");

function adviceLabel(advice: TokenAdvice, name: string): string {
  if (advice.action === "downscale") return `Downscale ${name} to ${sizeLabel(advice)}`;
  return advice.fps !== undefined ? `Sample ${advice.fps} fps` : `Sample ${advice.num_frames} frames`;
}

/** The multimodal token estimate of what will be sent, with a warning and one fix above the budget. */
export function TokenSummary({ summary, names, onApply }: TokenSummaryProps) {
  if (summary.total === 0) return null;
  const total = `${summary.partial ? "≥ " : "≈ "}${format.format(summary.total)}`;
  const earlier = summary.earlier > 0 ? ` (${format.format(summary.earlier)} from earlier turns)` : "";
  if (!summary.over) {
    return (
      <p data-testid="token-total" className="px-4 pt-2 text-[11px] text-fg-muted tabular-nums">
        {total} multimodal tokens{earlier}
      </p>
    );
  }
  const advice = summary.advice;
  const after = advice ? summary.total - (summary.perItem[advice.index] ?? 0) + advice.tokens : 0;
  return (
    <div
      data-testid="token-warning"
      role="status"
      className="mx-3 mt-2 flex flex-wrap items-center gap-x-3 gap-y-1.5 rounded-xl border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-200"
    >
      <AlertIcon className="size-3.5 shrink-0" />
      <p className="min-w-0 flex-1">
        <span data-testid="token-total" className="font-semibold tabular-nums">
          {total} multimodal tokens
        </span>
        {earlier} — above the {format.format(TOKEN_BUDGET / 1000)}k where answers get worse.
      </p>
      {advice && (
        <Button size="sm" variant="secondary" data-testid="token-advice" onClick={() => onApply(advice)} className="shrink-0">
          {adviceLabel(advice, names[advice.index] ?? "it")} → ≈ {format.format(after)}
        </Button>
      )}
    </div>
  );
}
