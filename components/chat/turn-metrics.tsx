import type { AssistantTurn } from "@/lib/chat/conversation";
import { estimateSentMediaTokens } from "@/lib/chat/sent-request";
import { formatCount, formatDuration, formatRate } from "@/lib/core/format";

function Metric({ label, value, title }: { label: string; value: string; title: string }) {
  return (
    <div title={title} className="flex items-baseline gap-1.5">
      <dt className="text-fg-muted">{label}</dt>
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
    <dl data-testid="turn-metrics" aria-label="Turn metrics" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs">
      {metrics.ttftMs !== null && (
        <Metric label="TTFT" value={formatDuration(metrics.ttftMs)} title="Time to the first token, reasoning or answer" />
      )}
      {metrics.ttfaMs !== null && (
        <Metric label="TTFA" value={formatDuration(metrics.ttfaMs)} title="Time to the first answer token, after any reasoning" />
      )}
      <Metric label="Total" value={formatDuration(metrics.totalMs)} title="Time from request to the last token" />
      {metrics.tokensPerSecond !== null && (
        <Metric label="Speed" value={formatRate(metrics.tokensPerSecond)} title="Completion tokens per second of generation" />
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
  );
}
