"use client";

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";

import { Segmented } from "@/components/ui/segmented";

interface ActionPlotProps {
  /** Rows are steps, columns the action's dimensions. */
  data: readonly (readonly number[])[];
  columns: readonly string[];
  title: string;
  /** Where the video is, in (fractional) steps; none for a plot not tied to a player. */
  playhead?: number | null;
  /** Clicking or arrowing to a step; absent for a plot not tied to a player. */
  onSeekStep?: (step: number) => void;
}

/** The drawing's width before it is measured; after, its own width in pixels, so labels keep their size on a phone. */
const DEFAULT_W = 640;
const MIN_W = 240;
/** Height at the default width; a wider drawing keeps the proportion, a narrower one this height. */
const MIN_H = 220;
const M = { left: 46, right: 10, top: 10, bottom: 22 };
const LEGEND_MAX = 12;

/** A distinct hue per dimension, readable on white and on zinc-900 alike. */
export const dimensionColor = (index: number, count: number) =>
  `hsl(${Math.round((200 + (index * 360) / Math.max(count, 1)) % 360)} 70% 50%)`;

const format = (value: number) =>
  Math.abs(value) >= 100 || value === 0 ? value.toFixed(0) : Math.abs(value) >= 1 ? value.toFixed(2) : value.toPrecision(2);

interface Range {
  min: number;
  max: number;
}

function range(values: Iterable<number>): Range {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const value of values) [min, max] = [Math.min(min, value), Math.max(max, value)];
  if (!Number.isFinite(min)) return { min: 0, max: 1 };
  const pad = (max - min || Math.abs(max) || 1) * 0.08;
  return { min: min - pad, max: max + pad };
}

/** When most lines move in a sliver of the shared range (a pose's small steps beside its rotation near 1), each reads better on its own scale. */
function spansDiffer(columns: Range[], shared: Range): boolean {
  const spans = columns.map((c) => c.max - c.min).sort((a, b) => a - b);
  const median = spans[Math.floor(spans.length / 2)] ?? 0;
  return spans.length > 1 && median * 20 < shared.max - shared.min;
}

/** Actions over time, one line per dimension; a playhead follows the video, a click seeks it, hover reads values. */
export function ActionPlot({ data, columns, title, playhead = null, onSeekStep }: ActionPlotProps) {
  const titleId = useId();
  const svgRef = useRef<SVGSVGElement>(null);
  const [hover, setHover] = useState<number | null>(null);
  const [W, setW] = useState(DEFAULT_W);
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => {
      const width = Math.round(entry?.contentRect.width ?? 0);
      if (width > 0) setW(Math.max(MIN_W, width));
    });
    observer.observe(svg);
    return () => observer.disconnect();
  }, []);
  const steps = data.length;
  const dims = data[0]?.length ?? 0;
  const shared = useMemo(() => range(data.flat()), [data]);
  const perColumn = useMemo(() => Array.from({ length: dims }, (_, d) => range(data.map((row) => row[d] ?? 0))), [data, dims]);
  const [ownScale, setOwnScale] = useState(() => spansDiffer(perColumn, shared));
  const { min, max } = ownScale ? { min: 0, max: 1 } : shared;
  const plotW = W - M.left - M.right;
  const H = Math.max(MIN_H, Math.round((W * MIN_H) / DEFAULT_W));
  const plotH = H - M.top - M.bottom;
  const x = (step: number) => M.left + (steps <= 1 ? plotW / 2 : (step / (steps - 1)) * plotW);
  const y = (value: number) => M.top + plotH - ((value - min) / (max - min)) * plotH;
  const scaled = (value: number, d: number) => (ownScale ? (value - perColumn[d]!.min) / (perColumn[d]!.max - perColumn[d]!.min) : value);
  const paths = Array.from({ length: dims }, (_, d) =>
    data.map((row, step) => `${step === 0 ? "M" : "L"}${x(step).toFixed(1)},${y(scaled(row[d] ?? 0, d)).toFixed(1)}`).join(""),
  );
  const ticks = ownScale ? [] : [min, (min + max) / 2, max];

  const stepAt = (clientX: number): number => {
    const box = svgRef.current?.getBoundingClientRect();
    if (!box || box.width === 0 || steps <= 1) return 0;
    const at = ((clientX - box.left) / box.width) * W;
    return Math.min(steps - 1, Math.max(0, Math.round(((at - M.left) / plotW) * (steps - 1))));
  };
  const onKey = (event: KeyboardEvent) => {
    if (!onSeekStep) return;
    const current = Math.round(playhead ?? 0);
    const next = { ArrowLeft: current - 1, ArrowRight: current + 1, Home: 0, End: steps - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onSeekStep(Math.min(steps - 1, Math.max(0, next)));
  };
  const shownStep = hover ?? (playhead === null ? null : Math.round(playhead));

  return (
    <figure className="space-y-2" data-testid="action-plot" data-steps={steps} data-dims={dims}>
      <div className="relative">
        <svg
          ref={svgRef}
          viewBox={`0 0 ${W} ${H}`}
          role={onSeekStep ? "slider" : "img"}
          aria-labelledby={titleId}
          aria-valuemin={onSeekStep ? 0 : undefined}
          aria-valuemax={onSeekStep ? steps - 1 : undefined}
          aria-valuenow={onSeekStep ? Math.round(playhead ?? 0) : undefined}
          aria-valuetext={onSeekStep ? `step ${Math.round(playhead ?? 0)} of ${steps - 1}` : undefined}
          tabIndex={onSeekStep ? 0 : undefined}
          onKeyDown={onKey}
          onPointerMove={(e: PointerEvent) => setHover(stepAt(e.clientX))}
          onPointerLeave={() => setHover(null)}
          onClick={(e) => onSeekStep?.(stepAt(e.clientX))}
          className={`h-auto w-full touch-none rounded-lg text-fg-muted focus-ring-flush ${onSeekStep ? "cursor-pointer" : ""}`}
        >
          <title id={titleId}>{title}</title>
          {ownScale && (
            <text x={M.left - 6} y={M.top + 8} textAnchor="end" className="fill-current text-[10px]">
              max
            </text>
          )}
          {ownScale && (
            <text x={M.left - 6} y={M.top + plotH} textAnchor="end" className="fill-current text-[10px]">
              min
            </text>
          )}
          {ticks.map((tick, i) => (
            <g key={i}>
              <line
                x1={M.left}
                x2={W - M.right}
                y1={y(tick)}
                y2={y(tick)}
                className="stroke-zinc-200 dark:stroke-zinc-800"
                strokeWidth={1}
              />
              <text x={M.left - 6} y={y(tick)} dy="0.32em" textAnchor="end" className="fill-current text-[10px] tabular-nums">
                {format(tick)}
              </text>
            </g>
          ))}
          {[0, Math.floor((steps - 1) / 2), steps - 1]
            .filter((s, i, all) => s >= 0 && all.indexOf(s) === i)
            .map((step) => (
              <text key={step} x={x(step)} y={H - 6} textAnchor="middle" className="fill-current text-[10px] tabular-nums">
                {step}
              </text>
            ))}
          {paths.map((d, index) => (
            <path
              key={index}
              d={d}
              fill="none"
              stroke={dimensionColor(index, dims)}
              strokeWidth={1.6}
              strokeLinejoin="round"
              data-testid="action-line"
            />
          ))}
          {hover !== null && (
            <line
              x1={x(hover)}
              x2={x(hover)}
              y1={M.top}
              y2={M.top + plotH}
              className="stroke-zinc-400 dark:stroke-zinc-500"
              strokeDasharray="3 3"
            />
          )}
          {playhead !== null && (
            <line
              data-testid="action-playhead"
              data-step={Math.round(playhead)}
              x1={x(playhead)}
              x2={x(playhead)}
              y1={M.top}
              y2={M.top + plotH}
              className="stroke-zinc-900 dark:stroke-white"
              strokeWidth={1.5}
            />
          )}
        </svg>
        {shownStep !== null && hover !== null && (
          <div
            data-testid="action-hover"
            className="pointer-events-none absolute top-1 max-h-[85%] overflow-hidden rounded-md bg-white/95 px-2 py-1 text-[10px] leading-4 shadow-md ring-1 ring-line-strong tabular-nums dark:bg-zinc-900/95"
            style={x(shownStep) > W / 2 ? { left: `${(M.left / W) * 100 + 1}%` } : { right: "1%" }}
          >
            <p className="font-semibold">Step {shownStep}</p>
            {(data[shownStep] ?? []).slice(0, LEGEND_MAX).map((value, d) => (
              <p key={d} className="flex items-center gap-1.5">
                <span className="size-2 rounded-full" style={{ background: dimensionColor(d, dims) }} />
                <span className="text-fg-muted">{columns[d] ?? `a${d}`}</span> {value.toFixed(4)}
              </p>
            ))}
            {dims > LEGEND_MAX && <p className="text-zinc-500">+{dims - LEGEND_MAX} more</p>}
          </div>
        )}
      </div>
      <figcaption className="flex flex-wrap gap-x-2.5 gap-y-1 text-[11px] text-fg-soft">
        {columns.slice(0, LEGEND_MAX).map((name, d) => (
          <span key={d} className="inline-flex items-center gap-1">
            <span className="h-0.5 w-3 rounded" style={{ background: dimensionColor(d, dims) }} /> {name}
          </span>
        ))}
        {dims > LEGEND_MAX && <span>+{dims - LEGEND_MAX} more dimensions</span>}
        {dims > 1 && (
          <span className="ml-auto">
            <Segmented
              label="Scale"
              data-testid="action-scale"
              value={ownScale ? "own" : "shared"}
              options={[
                { value: "shared", label: "one scale", title: "All lines on one y axis" },
                { value: "own", label: "per line", title: "Each line stretched to its own range; hover for the values" },
              ]}
              onChange={(value) => setOwnScale(value === "own")}
            />
          </span>
        )}
      </figcaption>
    </figure>
  );
}
