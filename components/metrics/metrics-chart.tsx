"use client";

import { useState } from "react";

import { LinePlot } from "@/components/metrics/line-plot";
import { seriesColor } from "@/components/metrics/palette";
import { Segmented } from "@/components/ui/segmented";
import { pointCount, type MetricsSeries } from "@/lib/chat/metrics-series";
import { formatCount, formatDuration } from "@/lib/core/format";

interface MetricsChartProps {
  series: MetricsSeries[];
}

const ms = (value: number) => (value === 0 ? "0" : formatDuration(value));
const rate = (value: number) => (value >= 100 ? String(Math.round(value)) : String(Number(value.toFixed(1))));
const orDash = (value: number | null, format: (v: number) => string) => (value === null ? "–" : format(value));

/** Latency and speed of every measured reply, per backend or column: two SVG plots, or a table. */
export default function MetricsChart({ series }: MetricsChartProps) {
  const [view, setView] = useState<"chart" | "table">("chart");
  const shown = series.filter((s) => s.points.length > 0);
  const exchanges = Math.max(1, ...shown.flatMap((s) => s.points.map((p) => p.exchange)));

  if (pointCount(shown) === 0) {
    return (
      <p data-testid="metrics-empty" className="py-6 text-center text-sm text-fg-soft">
        No finished replies yet. Send a message and its timing shows up here.
      </p>
    );
  }

  return (
    <div data-testid="metrics-chart" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <ul aria-label="Series" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-fg-body">
          {shown.map((s) => (
            <li key={s.key} className="inline-flex items-center gap-1.5">
              <span aria-hidden="true" className={`size-2.5 rounded-full ${seriesColor(series.indexOf(s)).swatch}`} />
              {s.label}
            </li>
          ))}
        </ul>
        <Segmented
          label="Show metrics as"
          value={view}
          onChange={setView}
          data-testid="metrics-view"
          options={[
            { value: "chart", label: "Chart" },
            { value: "table", label: "Table" },
          ]}
        />
      </div>
      {view === "chart" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <figure className="space-y-1">
            <figcaption className="text-xs font-medium text-fg-body">
              Latency <span className="font-normal text-fg-soft">— total (solid), time to first token (hollow, dashed)</span>
            </figcaption>
            <LinePlot
              title="Latency per reply"
              series={series}
              exchanges={exchanges}
              format={ms}
              lines={[
                { metric: "totalMs", label: "total" },
                { metric: "ttftMs", label: "TTFT", dashed: true },
              ]}
            />
          </figure>
          <figure className="space-y-1">
            <figcaption className="text-xs font-medium text-fg-body">
              Speed <span className="font-normal text-fg-soft">— tokens per second</span>
            </figcaption>
            <LinePlot
              title="Tokens per second per reply"
              series={series}
              exchanges={exchanges}
              format={rate}
              lines={[{ metric: "tokensPerSecond", label: "tok/s" }]}
            />
          </figure>
        </div>
      ) : (
        <div className="overflow-x-auto">
          <table data-testid="metrics-table" className="w-full text-left text-xs tabular-nums">
            <caption className="sr-only">Metrics of every finished reply</caption>
            <thead className="text-fg-soft">
              <tr className="border-b border-line">
                {["Backend", "#", "TTFT", "TTFA", "Total", "tok/s", "Prompt", "Completion"].map((h) => (
                  <th key={h} scope="col" className="px-2 py-1.5 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="text-zinc-800 dark:text-zinc-200">
              {shown.flatMap((s) =>
                s.points.map((p) => (
                  <tr key={`${s.key}-${p.turnId}`} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800/70">
                    <th scope="row" className="px-2 py-1.5 font-medium">
                      {s.label}
                    </th>
                    <td className="px-2 py-1.5">{p.exchange}</td>
                    <td className="px-2 py-1.5">{orDash(p.ttftMs, formatDuration)}</td>
                    <td className="px-2 py-1.5">{orDash(p.ttfaMs, formatDuration)}</td>
                    <td className="px-2 py-1.5">{formatDuration(p.totalMs)}</td>
                    <td className="px-2 py-1.5">{orDash(p.tokensPerSecond, rate)}</td>
                    <td className="px-2 py-1.5">{orDash(p.promptTokens, formatCount)}</td>
                    <td className="px-2 py-1.5">{orDash(p.completionTokens, formatCount)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
