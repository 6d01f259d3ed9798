"use client";

import dynamic from "next/dynamic";
import { useId, useRef, useState, type KeyboardEvent } from "react";

import { Button } from "@/components/ui/button";
import { ChartIcon, XIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";
import type { MetricsSeries } from "@/lib/chat/metrics-series";

// The chart is only needed once someone opens it, so it stays out of the page's first load.
const MetricsChart = dynamic(() => import("@/components/metrics/metrics-chart"), {
  ssr: false,
  loading: () => <Skeleton className="h-48 w-full rounded-xl" />,
});

interface MetricsToggleProps {
  series: MetricsSeries[];
  /** What the chart covers, e.g. "this session" or "this compare run". */
  scope: string;
}

/** A "Metrics" button for the header and the panel it opens under the header. */
export function MetricsToggle({ series, scope }: MetricsToggleProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const headingId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  // Escape on the button or in the panel closes it, and goes no further (it would stop a stream).
  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== "Escape" || !open) return;
    event.preventDefault();
    event.stopPropagation();
    setOpen(false);
    toggleRef.current?.focus();
  }

  return (
    <div className="contents" onKeyDown={onKeyDown}>
      <Button
        ref={toggleRef}
        variant={open ? "secondary" : "ghost"}
        size="md"
        data-testid="metrics-toggle"
        aria-label="Metrics"
        aria-expanded={open}
        aria-controls={panelId}
        title="Latency and speed of every reply"
        onClick={() => setOpen(!open)}
        className="px-2.5"
      >
        <ChartIcon className="size-4" />
        <span className="hidden sm:inline">Metrics</span>
      </Button>
      <section
        id={panelId}
        hidden={!open}
        aria-labelledby={headingId}
        data-testid="metrics-panel"
        className="absolute top-full right-2 z-30 mt-2 w-[min(46rem,calc(100vw-1rem))] animate-fade-in rounded-2xl border border-line-strong bg-surface p-4 shadow-xl shadow-zinc-900/10 dark:shadow-black/40"
      >
        <div className="mb-3 flex items-center justify-between gap-3">
          <h2 id={headingId} className="text-sm font-semibold">
            Metrics <span className="font-normal text-fg-soft">of {scope}</span>
          </h2>
          <Button variant="ghost" size="iconSm" aria-label="Close metrics" onClick={() => setOpen(false)}>
            <XIcon className="size-4" />
          </Button>
        </div>
        {open && <MetricsChart series={series} />}
      </section>
    </div>
  );
}
