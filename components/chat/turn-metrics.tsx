import type { AssistantTurn } from "@/lib/chat/conversation";
import { estimateSentMediaTokens } from "@/lib/chat/sent-request";
import { formatCount, formatDuration, formatRate } from "@/lib/core/format";

// Below 42rem (the chat beside both rails at 1280 wide) the gaps close up and a label its unit already
// says (tok/s) is left to screen readers, so the row stays on one line; phones may still wrap it.
function Metric({ label, value, title, unitSays }: { label: string; value: string; title: string; unitSays?: boolean }) {
  return (
    <div title={title} className="flex items-baseline gap-1 @2xl:gap-1.5">
      <dt className={unitSays ? "@max-2xl:sr-only text-fg-muted" : "text-fg-muted"}>{label}</dt>
      <dd className="font-medium text-fg-body tabular-nums">{value}</dd>
    </div>
  );
}

/** Timing and token counts of a finished turn, from its `done` and `usage` events. */
export function TurnMetrics({ turn }: { turn: AssistantTurn }) {
  const { metrics, usage } = turn;
  if (!metrics) return null;
  const mediaTokens = turn.request ? estimateSentMediaTokens(turn.request) : null;
  return (
    <div className="@container min-w-0 basis-full">
      <dl
        data-testid="turn-metrics"
        aria-label="Turn metrics"
        className="flex flex-wrap items-center gap-x-2.5 gap-y-1 text-xs @2xl:gap-x-4"
      >
        {metrics.ttftMs !== null && (
          <Metric label="TTFT" value={formatDuration(metrics.ttftMs)} title="Time to the first token, reasoning or answer" />
        )}
        {metrics.ttfaMs !== null && (
          <Metric label="TTFA" value={formatDuration(metrics.ttfaMs)} title="Time to the first answer token, after any reasoning" />
        )}
        <Metric label="Total" value={formatDuration(metrics.totalMs)} title="Time from request to the last token" />
        {metrics.tokensPerSecond !== null && (
          <Metric label="Speed" value={formatRate(metrics.tokensPerSecond)} title="Completion tokens per second of generation" unitSays />
        )}
        {usage && (
          <Metric
            label="Tokens"
            value={`${formatCount(usage.promptTokens)} in · ${formatCount(usage.completionTokens)} out`}
            title="Prompt tokens and completion tokens"
          />
        )}
        {mediaTokens !== null && (
          <Metric label="Media" value={`≈ ${formatCount(mediaTokens)}`} title="Estimated multimodal tokens of the images and videos sent" />
        )}
      </dl>
    </div>
  );
}
