"use client";

import { useRef, type KeyboardEvent } from "react";

import type { BackendSummary } from "@/lib/backends/types";
import { columnState, type CompareColumn } from "@/lib/chat/compare";

interface ColumnTabsProps {
  columns: CompareColumn[];
  backends: BackendSummary[];
  active: number;
  onActive: (index: number) => void;
  /** The id prefix of the column panels these tabs control. */
  panelId: string;
}

const STATE_DOT: Record<ReturnType<typeof columnState>, string> = {
  idle: "bg-zinc-300 dark:bg-zinc-600",
  streaming: "bg-brand-500 animate-pulse",
  done: "bg-emerald-500",
  stopped: "bg-amber-500",
  error: "bg-red-500",
};

/** On a phone the columns take turns at full width; these tabs switch between them while all of them stream. */
export function ColumnTabs({ columns, backends, active, onActive, panelId }: ColumnTabsProps) {
  const listRef = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent) {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = (active + step + columns.length) % columns.length;
    onActive(next);
    listRef.current?.querySelectorAll<HTMLButtonElement>("[role=tab]")[next]?.focus();
  }

  return (
    <div
      ref={listRef}
      role="tablist"
      aria-label="Columns"
      data-testid="compare-tabs"
      onKeyDown={onKeyDown}
      className="mx-3 mt-3 flex gap-0.5 sm:mx-4 rounded-lg bg-surface-muted p-0.5 md:hidden"
    >
      {columns.map((column, index) => {
        const label = backends.find((b) => b.id === column.backendId)?.label ?? column.backendId;
        const state = columnState(column);
        const selected = index === active;
        return (
          <button
            key={column.id}
            type="button"
            role="tab"
            id={`${panelId}-tab-${index}`}
            aria-selected={selected}
            aria-controls={`${panelId}-${index}`}
            tabIndex={selected ? 0 : -1}
            title={label}
            data-state={state}
            onClick={() => onActive(index)}
            className={`focus-ring flex min-w-0 flex-1 items-center justify-center gap-1.5 rounded-md px-2 py-1.5 text-xs font-medium ${
              selected ? "bg-white text-fg-strong shadow-xs dark:bg-zinc-950" : "text-fg-soft hover:text-fg-strong"
            }`}
          >
            <span aria-hidden="true" className="font-semibold">
              {index + 1}
            </span>
            <span aria-hidden="true" className={`size-1.5 shrink-0 rounded-full ${STATE_DOT[state]}`} />
            {/* Three or four names cut to a few letters read worse than numbers; each column names itself below. */}
            <span className={columns.length > 2 ? "sr-only" : "truncate"}>{label}</span>
            <span className="sr-only">, {state}</span>
          </button>
        );
      })}
    </div>
  );
}
