"use client";

import { useEffect } from "react";

import { SimulatedBadge } from "@/components/backends/status-dot";
import { AssistantTurn } from "@/components/chat/assistant-turn";
import { useStickToBottom } from "@/components/chat/use-stick-to-bottom";
import { UserTurn } from "@/components/chat/user-turn";
import { ColumnHeader } from "@/components/compare/column-header";
import type { BackendSummary } from "@/lib/backends/types";
import { columnState, type CompareColumn } from "@/lib/chat/compare";
import { isStreaming } from "@/lib/chat/conversation";

type HeaderHandlers = Pick<
  Parameters<typeof ColumnHeader>[0],
  "onBackend" | "onReasoning" | "onParam" | "onResetParams" | "onPromote" | "onRemove" | "alignEnd"
>;

interface CompareColumnViewProps extends HeaderHandlers {
  column: CompareColumn;
  number: number;
  backends: BackendSummary[];
  hasVideo: boolean;
  canRemove: boolean;
  /** Its tab panel's id; on a phone only the column whose tab is chosen shows. */
  panelId: string;
  shownOnPhone: boolean;
  onRetry: () => void;
}

/** One column: its backend and settings on top, its own conversation streaming below. */
export function CompareColumnView(props: CompareColumnViewProps) {
  const { column, number, backends, hasVideo, canRemove, panelId, shownOnPhone, onRetry, ...handlers } = props;
  const backend = backends.find((b) => b.id === column.backendId) ?? null;
  const busy = isStreaming(column.turns);
  const { scrollRef, contentRef, onScroll, stick } = useStickToBottom<HTMLDivElement, HTMLDivElement>(column.turns.length > 0);
  const userTurns = column.turns.filter((t) => t.kind === "user").length;
  const last = column.turns.at(-1);

  useEffect(() => {
    if (userTurns > 0) stick();
  }, [userTurns, stick]);

  return (
    <section
      data-testid="compare-column"
      data-state={columnState(column)}
      data-backend={column.backendId}
      id={panelId}
      aria-label={`Column ${number}: ${backend?.label ?? column.backendId}`}
      className={`@container min-h-0 min-w-0 flex-col ${shownOnPhone ? "flex" : "hidden md:flex"} overflow-hidden rounded-2xl border border-line bg-white shadow-xs dark:bg-zinc-900/60`}
    >
      <ColumnHeader
        column={column}
        number={number}
        backends={backends}
        backend={backend}
        hasVideo={hasVideo}
        busy={busy}
        canRemove={canRemove && !busy}
        canPromote={!busy && column.turns.length > 0}
        {...handlers}
      />
      <div ref={scrollRef} onScroll={onScroll} className="min-h-0 flex-1 overflow-y-auto [scrollbar-gutter:stable]">
        <div ref={contentRef} className="flex flex-col gap-5 px-3 py-4 sm:px-4">
          {column.turns.length === 0 ? (
            <p className="py-8 text-center text-sm text-fg-soft">
              {backend ? (
                <>
                  <span className="block font-medium text-zinc-800 dark:text-zinc-200">{backend.label}</span>
                  <span className="block font-mono text-xs">{backend.model ?? "model not known yet"}</span>
                  {backend.simulated && <SimulatedBadge className="mt-2" />}
                </>
              ) : (
                "Pick a backend."
              )}
            </p>
          ) : (
            column.turns.map((turn) =>
              turn.kind === "user" ? (
                <UserTurn key={turn.id} turn={turn} />
              ) : (
                <AssistantTurn key={turn.id} turn={turn} onRetry={turn === last && !busy ? onRetry : undefined} />
              ),
            )
          )}
        </div>
      </div>
    </section>
  );
}
