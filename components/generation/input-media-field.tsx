"use client";

import { useRef } from "react";

import { FramePicker } from "@/components/generation/frame-picker";
import { MediaSourcePicker } from "@/components/generation/media-source-picker";
import type { InputMedia, StoredMedia, useInputMedia } from "@/components/generation/use-input-media";
import { useFileDrop } from "@/components/media/use-file-drop";
import { VideoToolsBar } from "@/components/media/video-tools-bar";
import { Button } from "@/components/ui/button";
import { AlertIcon, FilmIcon, SpinnerIcon, UploadIcon, XIcon } from "@/components/ui/icons";
import { formatRate } from "@/lib/media/params";
import { ACCEPT_ATTRIBUTE } from "@/lib/media/sniff";

interface InputMediaFieldProps {
  needed: "image" | "video";
  media: ReturnType<typeof useInputMedia>;
  /** Clips and pictures generated on this page, offered as inputs too. */
  generated: StoredMedia[];
  error?: string | undefined;
}

function facts(m: StoredMedia): string {
  return [
    m.width && m.height ? `${m.width}×${m.height}` : null,
    m.durationS ? `${m.durationS.toFixed(1)} s` : null,
    m.fps ? `${formatRate(m.fps)} fps` : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

/** The image or video an image/video-to-world job starts from: upload, drop, pick or take a frame. */
export function InputMediaField({ needed, media, generated, error }: InputMediaFieldProps) {
  const fileRef = useRef<HTMLInputElement>(null);
  const { input } = media;
  const drop = useFileDrop((files) => files[0] && void media.addFile(files[0]), true);
  // A video for image to world is fine: a frame of it is taken below. An image cannot be a video.
  const wrongKind = input?.phase === "ready" && needed === "video" && input.media.kind === "image";

  return (
    <div className="space-y-2" data-testid="input-media" data-phase={input?.phase ?? "empty"}>
      <div
        {...drop.handlers}
        className={`relative rounded-xl border border-dashed p-2.5 transition-colors ${
          drop.over
            ? "border-brand-500 bg-brand-50 dark:bg-brand-500/10"
            : error || wrongKind
              ? "border-red-300 dark:border-red-800"
              : "border-zinc-300 dark:border-zinc-700"
        }`}
      >
        {input ? (
          <Current input={input} onClear={media.clear} />
        ) : (
          <p className="px-1 py-2 text-center text-xs text-fg-muted">
            Drop {needed === "image" ? "an image (or a video to take a frame from)" : "a video"} here, or pick one below.
          </p>
        )}
        <input
          ref={fileRef}
          type="file"
          hidden
          data-testid="input-media-file"
          accept={ACCEPT_ATTRIBUTE}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void media.addFile(file);
            e.target.value = "";
          }}
        />
        <div className="mt-2 flex flex-wrap gap-1.5">
          <Button size="sm" variant="secondary" data-testid="input-media-upload" onClick={() => fileRef.current?.click()}>
            <UploadIcon className="size-3.5" /> Upload
          </Button>
          <MediaSourcePicker needed={needed} generated={generated} onPick={media.pickStored} />
        </div>
      </div>
      <VideoToolsBar state={media.videoTools.state} onCancel={media.videoTools.cancel} />
      {input?.phase === "ready" && input.media.kind === "video" && needed === "image" && (
        <FramePicker src={input.previewUrl} name={input.media.name} onTake={(atS) => void media.takeFrame(atS)} />
      )}
      {wrongKind && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          Video to world continues a video; pick a video instead of this image.
        </p>
      )}
      {error && !wrongKind && (
        <p role="alert" data-testid="error-input-media" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

function Current({ input, onClear }: { input: InputMedia; onClear: () => void }) {
  const thumb = "grid size-14 shrink-0 place-items-center overflow-hidden rounded-lg bg-zinc-200 text-zinc-500 dark:bg-zinc-800";
  const name = input.phase === "ready" ? input.media.name : input.name;
  return (
    <div className="flex items-center gap-2.5">
      <div className={thumb}>
        {input.phase === "ready" && input.media.kind === "image" && (
          <img src={input.previewUrl} alt="" className="size-full object-cover" />
        )}
        {input.phase === "ready" && input.media.kind === "video" && (
          <video src={`${input.previewUrl}#t=0.1`} muted playsInline preload="metadata" className="size-full object-cover" />
        )}
        {input.phase === "working" && <SpinnerIcon className="size-5 text-brand-600" />}
        {input.phase === "error" && <AlertIcon className="size-5 text-red-500" />}
      </div>
      <div className="min-w-0 flex-1 space-y-0.5">
        <p className="truncate text-xs font-medium" title={name}>
          {input.phase === "ready" && input.media.kind === "video" && <FilmIcon className="mr-1 inline size-3 align-[-2px]" />}
          {name}
        </p>
        {input.phase === "ready" && <p className="text-[11px] text-fg-muted tabular-nums">{facts(input.media) || input.media.kind}</p>}
        {input.phase === "working" && (
          <p className="text-[11px] text-fg-secondary">
            {input.step}
            {input.progress === null ? "…" : ` ${Math.round(input.progress * 100)}%`}
          </p>
        )}
        {input.phase === "error" && (
          <p role="alert" className="line-clamp-3 text-[11px] text-red-700 dark:text-red-300">
            {input.message}
          </p>
        )}
      </div>
      <button
        type="button"
        aria-label={`Remove ${name}`}
        title="Remove"
        data-testid="input-media-remove"
        onClick={onClear}
        className="grid size-6 shrink-0 place-items-center self-start rounded-full text-zinc-500 focus-ring-flush hover:bg-zinc-200 hover:text-zinc-900 dark:hover:bg-zinc-700 dark:hover:text-white"
      >
        <XIcon className="size-3.5" />
      </button>
    </div>
  );
}
