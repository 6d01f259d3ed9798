"use client";

import { useState } from "react";

import { AlertIcon, CheckIcon, FilmIcon, LinkIcon, PencilIcon, RefreshIcon, ScissorsIcon, SpinnerIcon, XIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";
import type { Attachment } from "@/lib/media/attachments";
import { formatRate } from "@/lib/media/params";

interface AttachmentCardProps {
  attachment: Attachment;
  /** Estimated multimodal tokens, or null while the size is unknown. */
  tokens: number | null;
  preparing: boolean;
  onRemove: () => void;
  onCancel: () => void;
  onRetry: () => void;
  onTogglePrepare: () => void;
  /** Opens the drawing dialog for a ready image. */
  onDraw?: () => void;
}

const tokenFormat = new Intl.NumberFormat("en-US");

function describe(a: Attachment): string {
  const { width, height, durationS, fps } = a.facts;
  const parts = [
    width && height ? `${width}×${height}` : null,
    durationS ? `${durationS.toFixed(1)} s` : null,
    fps ? `${formatRate(fps)} fps` : null,
  ];
  return parts.filter(Boolean).join(" · ");
}

export function AttachmentCard({
  attachment: a,
  tokens,
  preparing,
  onRemove,
  onCancel,
  onRetry,
  onTogglePrepare,
  onDraw,
}: AttachmentCardProps) {
  const failed = a.phase === "error";
  const meta = describe(a);
  return (
    <li
      data-testid="attachment"
      data-kind={a.kind}
      data-phase={a.phase}
      className={`relative flex w-[min(18rem,calc(100vw-5rem))] shrink-0 animate-fade-in gap-2.5 rounded-xl border p-2 ${
        failed
          ? "border-red-200 bg-red-50/70 dark:border-red-900/70 dark:bg-red-950/30"
          : preparing
            ? "border-brand-500/60 bg-brand-50/60 dark:bg-brand-500/5"
            : "border-zinc-200 bg-zinc-50 dark:border-zinc-700/80 dark:bg-zinc-800/40"
      }`}
    >
      <Preview attachment={a} />
      <div className="min-w-0 flex-1 space-y-0.5 pr-4">
        <p className="truncate text-xs font-medium text-zinc-800 dark:text-zinc-100" title={a.url ?? a.name}>
          {a.name}
        </p>
        {(meta || tokens !== null) && (
          <p className="text-[11px] leading-snug text-fg-muted tabular-nums">
            {meta}
            {meta && tokens !== null && " · "}
            {tokens !== null && <span data-testid="attachment-tokens">≈ {tokenFormat.format(tokens)} tok</span>}
          </p>
        )}
        <Status
          attachment={a}
          onCancel={onCancel}
          onRetry={onRetry}
          onTogglePrepare={onTogglePrepare}
          onDraw={onDraw}
          preparing={preparing}
        />
      </div>
      <button
        type="button"
        data-testid="attachment-remove"
        aria-label={`Remove ${a.name}`}
        title="Remove"
        onClick={onRemove}
        className={`absolute top-1.5 right-1.5 grid size-5 place-items-center rounded-full text-fg-muted hover:bg-zinc-200 hover:text-zinc-900 dark:hover:bg-zinc-700 dark:hover:text-white ${focusRing}`}
      >
        <XIcon className="size-3" />
      </button>
    </li>
  );
}

function Preview({ attachment: a }: { attachment: Attachment }) {
  const [broken, setBroken] = useState(false);
  const box =
    "relative grid size-14 shrink-0 place-items-center overflow-hidden rounded-lg bg-zinc-200 text-zinc-500 dark:bg-zinc-700 dark:text-zinc-300";
  if (a.url !== null) {
    return (
      <div className={box} title="The NIM downloads this URL when the message is sent">
        <LinkIcon className="size-5" />
      </div>
    );
  }
  const src = a.previewUrl;
  return (
    <div className={box}>
      {src && !broken && a.kind === "image" && <img src={src} alt="" className="size-full object-cover" onError={() => setBroken(true)} />}
      {src && !broken && a.kind === "video" && (
        <video
          src={`${src}#t=0.1`}
          muted
          playsInline
          preload="metadata"
          className="size-full object-cover"
          onError={() => setBroken(true)}
        />
      )}
      {(!src || broken) && (a.kind === "video" ? <FilmIcon className="size-5" /> : null)}
      {a.kind === "video" && (
        <span className="absolute bottom-0.5 left-0.5 rounded bg-black/60 p-0.5 text-white">
          <FilmIcon className="size-2.5" />
        </span>
      )}
    </div>
  );
}

interface StatusProps {
  attachment: Attachment;
  preparing: boolean;
  onCancel: () => void;
  onRetry: () => void;
  onTogglePrepare: () => void;
  onDraw?: () => void;
}

const PHASE_LABEL = { probing: "Reading", converting: "Converting", uploading: "Uploading" } as const;
const linkButton = `rounded text-[11px] font-semibold text-fg-secondary underline-offset-2 hover:text-zinc-950 hover:underline dark:hover:text-white ${focusRing}`;

function Status({ attachment: a, preparing, onCancel, onRetry, onTogglePrepare, onDraw }: StatusProps) {
  if (a.phase === "error") {
    return (
      <div data-testid="attachment-status" className="space-y-1 pt-0.5">
        <p
          data-testid="attachment-error"
          role="alert"
          title={a.error ?? undefined}
          className="flex gap-1 text-[11px] leading-snug text-red-700 dark:text-red-300"
        >
          <AlertIcon className="mt-px size-3 shrink-0" />
          <span className="line-clamp-3">{a.error}</span>
        </p>
        {a.url === null && (
          <button type="button" data-testid="attachment-retry" onClick={onRetry} className={`inline-flex items-center gap-1 ${linkButton}`}>
            <RefreshIcon className="size-3" /> Retry
          </button>
        )}
      </div>
    );
  }
  if (a.phase === "ready") {
    return (
      <div data-testid="attachment-status" className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-[11px]">
        <span className="inline-flex items-center gap-1 font-medium text-brand-700 dark:text-brand-400">
          <CheckIcon className="size-3" /> {a.url !== null ? "The NIM downloads it" : "Ready"}
        </span>
        {a.kind === "video" && a.url === null && (
          <button
            type="button"
            data-testid="attachment-prepare"
            aria-expanded={preparing}
            onClick={onTogglePrepare}
            className={`inline-flex items-center gap-1 ${linkButton}`}
          >
            <ScissorsIcon className="size-3" /> {preparing ? "Close" : "Prepare"}
          </button>
        )}
        {onDraw && (
          <button type="button" data-testid="attachment-draw" onClick={onDraw} className={`inline-flex items-center gap-1 ${linkButton}`}>
            <PencilIcon className="size-3" /> Draw
          </button>
        )}
        {a.note && (
          <span className="w-full truncate text-fg-muted" title={a.note}>
            {a.note}
          </span>
        )}
      </div>
    );
  }
  const percent = a.progress === null ? null : Math.round(a.progress * 100);
  return (
    <div data-testid="attachment-status" className="space-y-1 pt-0.5">
      <div className="flex items-center gap-1.5 text-[11px] text-fg-secondary">
        <SpinnerIcon className="size-3 text-brand-600" />
        <span data-testid="attachment-phase">
          {PHASE_LABEL[a.phase]}
          {percent === null ? "…" : ` ${percent}%`}
        </span>
        <button type="button" data-testid="attachment-cancel" onClick={onCancel} className={`ml-auto ${linkButton}`}>
          Cancel
        </button>
      </div>
      <div className="h-1 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-700" aria-hidden="true">
        <div
          className={`h-full rounded-full bg-brand-500 transition-[width] ${percent === null ? "w-1/3 animate-pulse" : ""}`}
          style={percent === null ? undefined : { width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
