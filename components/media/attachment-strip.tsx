"use client";

import dynamic from "next/dynamic";
import { useState } from "react";

import { AttachmentDrawDialog } from "@/components/annotations/attachment-draw-dialog";
import type { Attachment, AttachmentsController } from "@/components/media/use-attachments";
import { AlertIcon, XIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";
import type { Drawing } from "@/lib/annotations/draw-state";
import type { TokenSummary as Summary, TokenAdvice } from "@/lib/media/attachment-tokens";

// The strip shows only once something is attached; its parts load then, not with the page.
const AttachmentCard = dynamic(() => import("@/components/media/attachment-card").then((module) => module.AttachmentCard), { ssr: false });
const TokenSummary = dynamic(() => import("@/components/media/token-summary").then((module) => module.TokenSummary), { ssr: false });
const VideoToolsBar = dynamic(() => import("@/components/media/video-tools-bar").then((module) => module.VideoToolsBar), { ssr: false });
const VideoPreparePanel = dynamic(() => import("@/components/media/video-prepare-panel").then((module) => module.VideoPreparePanel), {
  ssr: false,
});

interface AttachmentStripProps {
  attachments: AttachmentsController;
  tokens: Summary;
  onApplyAdvice: (advice: TokenAdvice) => void;
  /** Describe anything: number the drawn marks onto a copy of the image that is sent. */
  onMarkSubjects?: (attachment: Attachment, src: string, drawing: Drawing) => void;
}

/** Everything above the composer's text: the attachments, their progress, notices and the estimate. */
export function AttachmentStrip({ attachments: c, tokens, onApplyAdvice, onMarkSubjects }: AttachmentStripProps) {
  const [prepareId, setPrepareId] = useState<string | null>(null);
  const [drawId, setDrawId] = useState<string | null>(null);
  const drawing = c.items.find((a) => a.id === drawId) ?? null;
  const preparing = c.items.find((a) => a.id === prepareId && a.kind === "video") ?? null;
  const empty = c.items.length === 0 && !c.notice && c.videoTools.status !== "loading";
  if (empty) return null;
  return (
    <div data-testid="attachments" className="border-b border-zinc-100 pb-2 dark:border-zinc-800">
      <VideoToolsBar state={c.videoTools} onCancel={c.cancelVideoTools} />
      {c.items.length > 0 && (
        <ul aria-label="Attachments" className="flex gap-2 overflow-x-auto px-3 pt-3 pb-1 [scrollbar-width:thin]">
          {c.items.map((a, index) => (
            <AttachmentCard
              key={a.id}
              attachment={a}
              tokens={tokens.perItem[index] ?? null}
              preparing={preparing?.id === a.id}
              onRemove={() => c.remove(a.id)}
              onCancel={() => c.cancel(a.id)}
              onRetry={() => c.retry(a.id)}
              onTogglePrepare={() => setPrepareId((id) => (id === a.id ? null : a.id))}
              onDraw={a.kind === "image" && a.phase === "ready" && a.previewUrl ? () => setDrawId(a.id) : undefined}
            />
          ))}
        </ul>
      )}
      {preparing && (
        <VideoPreparePanel
          key={preparing.id}
          attachment={preparing}
          onApply={(prepare) => c.applyPrepare(preparing.id, prepare)}
          onExtractFrame={(atS) => c.extractFrame(preparing.id, atS)}
          onClose={() => setPrepareId(null)}
        />
      )}
      {c.notice && (
        <div
          data-testid="attachment-notice"
          role="alert"
          className="mx-3 mt-2 flex items-start gap-2 rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
        >
          <AlertIcon className="mt-px size-3.5 shrink-0" />
          <p className="min-w-0 flex-1">{c.notice}</p>
          <button type="button" aria-label="Dismiss" onClick={c.dismissNotice} className={`rounded ${focusRing}`}>
            <XIcon className="size-3.5" />
          </button>
        </div>
      )}
      {drawing && (
        <AttachmentDrawDialog
          attachment={drawing}
          src={c.originalPreview(drawing)}
          name={c.originalName(drawing)}
          onClose={() => setDrawId(null)}
          onMark={
            onMarkSubjects
              ? (marks) => onMarkSubjects({ ...drawing, name: c.originalName(drawing) }, c.originalPreview(drawing) ?? "", marks)
              : undefined
          }
        />
      )}
      <TokenSummary summary={tokens} names={c.items.map((a) => a.name)} onApply={onApplyAdvice} />
    </div>
  );
}
