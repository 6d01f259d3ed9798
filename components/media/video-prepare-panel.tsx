"use client";

import { useRef, useState } from "react";

import { TrimRange } from "@/components/media/trim-range";
import { Button } from "@/components/ui/button";
import { CameraIcon, SpinnerIcon, XIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";
import type { Attachment, PrepareOptions } from "@/lib/media/attachments";

interface VideoPreparePanelProps {
  attachment: Attachment;
  onApply: (prepare: PrepareOptions) => void;
  onExtractFrame: (atS: number) => Promise<void>;
  onClose: () => void;
}

const HEIGHTS = [720, 480] as const;

/** Downscale and trim a video before it is uploaded again, over a preview of the file as picked. */
export function VideoPreparePanel({ attachment: a, onApply, onExtractFrame, onClose }: VideoPreparePanelProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [playerDuration, setPlayerDuration] = useState<number | null>(null);
  const durationS = playerDuration ?? a.source.durationS ?? null;
  const [maxHeight, setMaxHeight] = useState<number | null>(a.prepare.maxHeight);
  const [range, setRange] = useState<{ start: number; end: number } | null>(null);
  const [currentS, setCurrentS] = useState(0);
  const [extracting, setExtracting] = useState(false);
  const start = range?.start ?? a.prepare.startS ?? 0;
  const end = range?.end ?? a.prepare.endS ?? durationS ?? 0;
  const shortSide = Math.min(a.source.width ?? Infinity, a.source.height ?? Infinity);
  const heights = HEIGHTS.filter((h) => h < shortSide);
  const busy = a.phase !== "ready" && a.phase !== "error";

  function seek(toS: number) {
    const video = videoRef.current;
    if (video && Number.isFinite(toS)) video.currentTime = toS;
  }

  function apply() {
    const trimmed = durationS !== null && (start > 0 || end < durationS - 0.05);
    onApply({ maxHeight, startS: trimmed && start > 0 ? start : null, endS: trimmed && end < durationS - 0.05 ? end : null });
  }

  return (
    <section
      data-testid="prepare-panel"
      aria-label={`Prepare ${a.name}`}
      className="mx-3 mt-3 animate-fade-in rounded-xl border border-zinc-200 bg-zinc-50 p-3 dark:border-zinc-700/80 dark:bg-zinc-800/40"
    >
      <div className="mb-2 flex items-center justify-between gap-2">
        <h3 className="truncate text-xs font-semibold">Prepare {a.name}</h3>
        <button
          type="button"
          aria-label="Close Prepare"
          onClick={onClose}
          className={`grid size-6 place-items-center rounded-md text-zinc-500 hover:bg-zinc-200 dark:hover:bg-zinc-700 ${focusRing}`}
        >
          <XIcon className="size-3.5" />
        </button>
      </div>
      <div className="grid gap-3 sm:grid-cols-[minmax(0,15rem)_1fr]">
        <video
          ref={videoRef}
          data-testid="prepare-preview"
          src={a.previewUrl ?? undefined}
          controls
          muted
          playsInline
          preload="metadata"
          onLoadedMetadata={(e) => Number.isFinite(e.currentTarget.duration) && setPlayerDuration(e.currentTarget.duration)}
          onTimeUpdate={(e) => setCurrentS(e.currentTarget.currentTime)}
          className="aspect-video w-full rounded-lg bg-black object-contain"
        />
        <div className="min-w-0 space-y-3">
          <fieldset className="space-y-1">
            <legend className="text-[11px] font-medium text-fg-secondary">Size</legend>
            <div className="inline-flex rounded-lg border border-line-strong bg-surface p-0.5">
              {[null, ...heights].map((h) => (
                <button
                  key={h ?? "original"}
                  type="button"
                  data-testid={`prepare-size-${h ?? "original"}`}
                  aria-pressed={maxHeight === h}
                  onClick={() => setMaxHeight(h)}
                  className={`rounded-md px-2.5 py-1 text-xs font-medium ${maxHeight === h ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-fg-secondary hover:text-zinc-900 dark:hover:text-white"} ${focusRing}`}
                >
                  {h === null ? "Original" : `${h}p`}
                </button>
              ))}
            </div>
          </fieldset>
          <div className="space-y-1">
            <p className="text-[11px] font-medium text-fg-secondary">Trim</p>
            {durationS ? (
              <TrimRange
                durationS={durationS}
                startS={start}
                endS={end}
                onChange={(s, e, moved) => {
                  setRange({ start: s, end: e });
                  seek(moved === "start" ? s : e);
                }}
              />
            ) : (
              <p className="text-[11px] text-fg-muted">The duration is not known yet.</p>
            )}
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <Button size="sm" variant="primary" data-testid="prepare-apply" disabled={busy} onClick={apply}>
              Convert and upload
            </Button>
            <Button
              size="sm"
              variant="secondary"
              data-testid="extract-frame"
              title="Attach the frame shown in the preview as an image"
              disabled={extracting}
              onClick={() => {
                setExtracting(true);
                void onExtractFrame(currentS).finally(() => setExtracting(false));
              }}
            >
              {extracting ? <SpinnerIcon className="size-3.5" /> : <CameraIcon className="size-3.5" />}
              {extracting ? "Extracting frame…" : `Frame at ${currentS.toFixed(1)} s`}
            </Button>
          </div>
        </div>
      </div>
    </section>
  );
}
