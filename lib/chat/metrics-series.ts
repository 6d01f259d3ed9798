import type { AssistantTurn, Turn } from "@/lib/chat/conversation";

// The numbers behind the metrics chart: one series per backend (a session) or per column (a
// compare run), one point per finished reply, placed at the exchange it answered.

export interface MetricsPoint {
  /** 1-based number of the exchange (the user message) the reply answered. */
  exchange: number;
  turnId: string;
  ttftMs: number | null;
  ttfaMs: number | null;
  totalMs: number;
  tokensPerSecond: number | null;
  promptTokens: number | null;
  completionTokens: number | null;
}

export interface MetricsSeries {
  key: string;
  label: string;
  points: MetricsPoint[];
}

function pointOf(turn: AssistantTurn, exchange: number): MetricsPoint | null {
  if (!turn.metrics) return null;
  return {
    exchange,
    turnId: turn.id,
    ttftMs: turn.metrics.ttftMs,
    ttfaMs: turn.metrics.ttfaMs,
    totalMs: turn.metrics.totalMs,
    tokensPerSecond: turn.metrics.tokensPerSecond,
    promptTokens: turn.usage?.promptTokens ?? null,
    completionTokens: turn.usage?.completionTokens ?? null,
  };
}

/** Every measured reply of a conversation, with the backend that gave it. */
function measuredReplies(turns: readonly Turn[]): { turn: AssistantTurn; point: MetricsPoint }[] {
  const replies: { turn: AssistantTurn; point: MetricsPoint }[] = [];
  let exchange = 0;
  for (const turn of turns) {
    if (turn.kind === "user") exchange += 1;
    else {
      const point = pointOf(turn, Math.max(1, exchange));
      if (point) replies.push({ turn, point });
    }
  }
  return replies;
}

/** A session: one series per backend, in the order they first answered. */
export function sessionSeries(turns: readonly Turn[]): MetricsSeries[] {
  const byBackend = new Map<string, MetricsSeries>();
  for (const { turn, point } of measuredReplies(turns)) {
    const series = byBackend.get(turn.backendId) ?? { key: turn.backendId, label: turn.backendLabel, points: [] };
    series.points.push(point);
    byBackend.set(turn.backendId, series);
  }
  return [...byBackend.values()];
}

/** A compare run: one series per column, labelled with its number (the same backend may be in two). */
export function compareSeries(columns: readonly { id: string; label: string; turns: readonly Turn[] }[]): MetricsSeries[] {
  return columns.map((column, index) => ({
    key: column.id,
    label: `${index + 1} · ${column.label}`,
    points: measuredReplies(column.turns).map((reply) => reply.point),
  }));
}

export function pointCount(series: readonly MetricsSeries[]): number {
  return series.reduce((sum, s) => sum + s.points.length, 0);
}

/** A round step (1, 2, 2.5 or 5 × 10ⁿ) at or above the value. */
export function niceStep(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 2.5, 5, 10].find((m) => m * power >= value - 1e-9) ?? 10) * power;
}

/** An axis from 0 with about `count` round ticks that covers the largest value. */
export function axisScale(maxValue: number, count = 4): { max: number; ticks: number[] } {
  const step = niceStep(maxValue / count);
  const steps = Math.max(1, Math.ceil(maxValue / step - 1e-9));
  return { max: step * steps, ticks: Array.from({ length: steps + 1 }, (_, i) => step * i) };
}
