"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";

import { Composer } from "@/components/chat/composer";
import { useEscapeToStop } from "@/components/chat/use-escape-to-stop";
import { ColumnTabs } from "@/components/compare/column-tabs";
import { CompareColumnView } from "@/components/compare/compare-column";
import { useBackendsInUrl } from "@/components/compare/use-backends-in-url";
import { useCompareMedia } from "@/components/compare/use-compare-media";
import { columnsBlockReason, useCompareSession } from "@/components/compare/use-compare-session";
import { AttachControls } from "@/components/media/attach-controls";
import { AttachmentStrip } from "@/components/media/attachment-strip";
import { DropOverlay } from "@/components/media/drop-overlay";
import { OmittedMediaNotice } from "@/components/media/omitted-media-notice";
import { useFileDrop } from "@/components/media/use-file-drop";
import { MetricsToggle } from "@/components/metrics/metrics-toggle";
import { PageHeader } from "@/components/ui/page-header";
import { Segmented } from "@/components/ui/segmented";
import { FAMILY_INFO } from "@/lib/backends/families";
import type { BackendSummary } from "@/lib/backends/types";
import { MAX_COLUMNS, MIN_COLUMNS, PROMOTE_STORAGE_KEY, promotedConversation } from "@/lib/chat/compare";
import { createTurnId } from "@/lib/chat/conversation";
import { historyMedia } from "@/lib/chat/history-messages";
import { compareSeries } from "@/lib/chat/metrics-series";

// Phones show one full-width column at a time (ColumnTabs); wider screens show them side by side.
const GRID: Record<number, string> = {
  2: "md:grid-cols-2",
  3: "md:grid-cols-3",
  4: "md:grid-cols-2 md:grid-rows-2 xl:grid-cols-4 xl:grid-rows-1",
};
const COUNTS = ["2", "3", "4"] as const;

export function CompareWorkspace({ backends }: { backends: BackendSummary[] }) {
  const router = useRouter();
  const session = useCompareSession(backends);
  const { columns, dispatch, streaming, stop } = session;
  useBackendsInUrl(columns);
  const media = useCompareMedia(columns, backends);
  const { attachments } = media;
  const drop = useFileDrop(attachments.addFiles, true);
  const [draft, setDraft] = useState("");
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const [tab, setTab] = useState(0);
  const activeTab = Math.min(tab, columns.length - 1);
  const panelId = useId();
  const blockedReason = columnsBlockReason(columns, backends) ?? media.blockedReason;

  // Escape stops every column, as in the chat.
  useEscapeToStop(streaming, stop);

  function send() {
    const text = draft.trim();
    if (text === "" || blockedReason || streaming) return;
    const sent = attachments.takeForSend();
    if (sent === null) return;
    session.send(text, sent);
    setDraft("");
  }

  function setCount(count: number) {
    if (count > columns.length) {
      const used = new Set(columns.map((c) => c.backendId));
      for (let i = columns.length; i < count; i++) {
        const next = backends.find((b) => !used.has(b.id) && b.status === "ready") ?? backends[i % backends.length]!;
        used.add(next.id);
        dispatch({ type: "add", id: createTurnId(), backend: next });
      }
    } else {
      columns.slice(count).forEach((column) => dispatch({ type: "remove", columnId: column.id }));
    }
  }

  function promote(columnId: string) {
    const column = columns.find((c) => c.id === columnId);
    const promoted = column && promotedConversation(column);
    if (!promoted) return;
    sessionStorage.setItem(PROMOTE_STORAGE_KEY, JSON.stringify(promoted));
    router.push("/");
  }

  const labels = columns.map((c) => backends.find((b) => b.id === c.backendId)?.label ?? c.backendId);
  const series = compareSeries(columns.map((c, i) => ({ id: c.id, label: labels[i] ?? c.backendId, turns: c.turns })));
  const lastIsAnswer = columns.some((c) => c.turns.at(-1)?.kind === "assistant");

  return (
    <div className="flex h-dvh flex-col overflow-hidden">
      <PageHeader actions={<MetricsToggle series={series} scope="this compare run" />}>
        <h1 className="sr-only">Compare models side by side</h1>
      </PageHeader>
      <main className="relative flex min-h-0 flex-1 flex-col" {...drop.handlers}>
        {drop.over && <DropOverlay maxImages={FAMILY_INFO[media.family].maxImages} maxVideos={FAMILY_INFO[media.family].maxVideos} />}
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1 px-3 pt-3 sm:px-4">
          <div className="flex items-center gap-2 text-xs font-medium text-fg-body">
            <span aria-hidden="true">Columns</span>
            <Segmented
              label="Number of columns"
              data-testid="compare-count"
              value={String(columns.length) as (typeof COUNTS)[number]}
              onChange={(value) => setCount(Number(value))}
              options={COUNTS.map((n) => ({
                value: n,
                label: n,
                disabled: streaming || Number(n) < MIN_COLUMNS || Number(n) > MAX_COLUMNS,
              }))}
            />
          </div>
          <p className="text-xs text-fg-soft">One prompt goes to every column at once; each keeps its own settings and conversation.</p>
        </div>
        <ColumnTabs columns={columns} backends={backends} active={activeTab} onActive={setTab} panelId={panelId} />
        <div data-testid="compare-grid" className={`grid min-h-0 flex-1 grid-cols-1 gap-3 p-3 sm:px-4 ${GRID[columns.length] ?? ""}`}>
          {columns.map((column, index) => (
            <CompareColumnView
              key={column.id}
              column={column}
              number={index + 1}
              alignEnd={index > 0 && index >= columns.length / 2}
              backends={backends}
              hasVideo={media.attachedVideo || historyMedia(column.turns).some((m) => m.kind === "video")}
              canRemove={columns.length > MIN_COLUMNS}
              panelId={`${panelId}-${index}`}
              shownOnPhone={index === activeTab}
              onRetry={() => session.regenerate(column.id)}
              onBackend={(backend) => dispatch({ type: "backend", columnId: column.id, backend })}
              onReasoning={(on) => dispatch({ type: "reasoning", columnId: column.id, on })}
              onParam={(key, value) => dispatch({ type: "param", columnId: column.id, key, value })}
              onResetParams={() => dispatch({ type: "resetParams", columnId: column.id })}
              onPromote={() => promote(column.id)}
              onRemove={() => dispatch({ type: "remove", columnId: column.id })}
            />
          ))}
        </div>
        <Composer
          value={draft}
          onChange={setDraft}
          inputRef={inputRef}
          placeholder={`Message all ${columns.length} columns…`}
          streaming={streaming}
          disabled={false}
          blockedReason={blockedReason}
          canRegenerate={!streaming && lastIsAnswer}
          canClear={columns.some((c) => c.turns.length > 0)}
          onSend={send}
          onStop={stop}
          onRegenerate={() => session.regenerate()}
          onClear={session.clear}
          onPasteFiles={attachments.addFiles}
          attachControls={<AttachControls disabled={false} onFiles={attachments.addFiles} onUrl={attachments.addUrl} />}
          attachments={
            <>
              <AttachmentStrip attachments={attachments} tokens={media.tokens} onApplyAdvice={media.applyAdvice} />
              <OmittedMediaNotice notice={media.omittedNotice} />
            </>
          }
        />
      </main>
    </div>
  );
}
