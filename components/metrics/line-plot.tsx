import { useId } from "react";

import { seriesColor } from "@/components/metrics/palette";
import { axisScale, type MetricsPoint, type MetricsSeries } from "@/lib/chat/metrics-series";

type Metric = "ttftMs" | "totalMs" | "tokensPerSecond";

export interface PlotLine {
  metric: Metric;
  /** Dashed lines tell TTFT from Total when both share a plot. */
  dashed?: boolean;
  label: string;
}

interface LinePlotProps {
  title: string;
  series: MetricsSeries[];
  lines: PlotLine[];
  format: (value: number) => string;
  /** Highest exchange number on the x axis. */
  exchanges: number;
}

const W = 320;
const H = 180;
const M = { left: 54, right: 12, top: 10, bottom: 26 };
const value = (point: MetricsPoint, metric: Metric) => point[metric];

/** One small line chart in plain SVG: a y axis with round ticks, exchanges on x, a line and dots per series. */
export function LinePlot({ title, series, lines, format, exchanges }: LinePlotProps) {
  const titleId = useId();
  const descId = useId();
  const values = series.flatMap((s) => s.points.flatMap((p) => lines.map((l) => value(p, l.metric) ?? 0)));
  const { max, ticks } = axisScale(Math.max(0, ...values));
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const x = (exchange: number) => M.left + (exchanges <= 1 ? plotW / 2 : ((exchange - 1) / (exchanges - 1)) * (plotW - 16) + 8);
  // Series answering the same exchange sit a few pixels apart rather than on top of each other.
  const nudge = (index: number) => (index - (series.length - 1) / 2) * 5;
  const y = (v: number) => M.top + plotH - (v / max) * plotH;
  const summary = series
    .map(
      (s) => `${s.label}: ${s.points.map((p) => lines.map((l) => `${l.label} ${format(value(p, l.metric) ?? 0)}`).join(", ")).join("; ")}`,
    )
    .join(". ");

  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      data-testid="metrics-plot"
      className="h-auto w-full overflow-visible text-fg-muted"
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{summary || "No measured replies yet."}</desc>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={M.left} x2={W - M.right} y1={y(tick)} y2={y(tick)} className="stroke-zinc-200 dark:stroke-zinc-800" strokeWidth={1} />
          <text x={M.left - 6} y={y(tick)} dy="0.32em" textAnchor="end" className="fill-current text-[10px] tabular-nums">
            {format(tick)}
          </text>
        </g>
      ))}
      {Array.from({ length: exchanges }, (_, i) => i + 1).map((exchange) => (
        <text key={exchange} x={x(exchange)} y={H - 8} textAnchor="middle" className="fill-current text-[10px] tabular-nums">
          #{exchange}
        </text>
      ))}
      {series.map((s, index) =>
        lines.map((line) => {
          const color = seriesColor(index);
          const points = s.points.filter((p) => value(p, line.metric) !== null);
          const px = (p: MetricsPoint) => x(p.exchange) + nudge(index);
          const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${px(p)},${y(value(p, line.metric) ?? 0)}`).join(" ");
          return (
            <g key={`${s.key}-${line.metric}`} data-series={s.key}>
              {points.length > 1 && (
                <path d={path} fill="none" strokeWidth={2} strokeDasharray={line.dashed ? "4 3" : undefined} className={color.stroke} />
              )}
              {points.map((p) => (
                <circle
                  key={p.turnId}
                  data-testid="metrics-point"
                  data-metric={line.metric}
                  cx={px(p)}
                  cy={y(value(p, line.metric) ?? 0)}
                  r={line.dashed ? 3 : 3.5}
                  strokeWidth={2}
                  className={
                    line.dashed ? `fill-white dark:fill-zinc-900 ${color.stroke}` : `${color.fill} stroke-white dark:stroke-zinc-900`
                  }
                >
                  <title>{`${s.label}, #${p.exchange}: ${line.label} ${format(value(p, line.metric) ?? 0)}`}</title>
                </circle>
              ))}
            </g>
          );
        }),
      )}
    </svg>
  );
}
