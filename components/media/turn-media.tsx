"use client";

import dynamic from "next/dynamic";
import { useState } from "react";

import { DrawOnMediaButton } from "@/components/annotations/draw-on-media";
import { FilmIcon, ImageIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";
import type { TurnMedia as TurnMediaData } from "@/lib/media/attachments";
import { mediaUrl } from "@/lib/media/media-url";

// A video with its event marks, and the enlarged image, load when a turn has one.
const TurnVideo = dynamic(() => import("@/components/annotations/turn-video").then((module) => module.TurnVideo), { loading: () => null });
const ImageLightbox = dynamic(() => import("@/components/media/image-lightbox").then((module) => module.ImageLightbox), { ssr: false });

/**
 * The images and videos of a sent user turn: images open larger (or can be drawn on), videos play
 * inline; with the turn's id, answers about a video can seek it.
 */
export function TurnMedia({ media, turnId }: { media: readonly TurnMediaData[]; turnId?: string }) {
  const [open, setOpen] = useState<TurnMediaData | null>(null);
  if (media.length === 0) return null;
  return (
    <div data-testid="user-turn-media" className="flex max-w-[85%] flex-wrap items-start justify-end gap-2">
      {media.map((item, index) => {
        const key = `${index}-${item.source === "upload" ? item.mediaId : item.url}`;
        if (item.source === "url") return <UrlChip key={key} media={item} />;
        const src = mediaUrl(item.mediaId);
        const size = item.width && item.height ? `${item.width}×${item.height}` : "";
        if (item.kind === "video" && turnId) {
          const label = `${item.name}${size ? `, ${size}` : ""}`;
          return <TurnVideo key={key} turnId={turnId} index={index} media={item} src={src} label={label} />;
        }
        if (item.kind === "video") {
          return (
            <video
              key={key}
              data-testid="turn-video"
              src={src}
              controls
              playsInline
              preload="metadata"
              aria-label={`${item.name}${size ? `, ${size}` : ""}`}
              className="max-h-64 w-full max-w-sm rounded-2xl bg-black shadow-sm"
            />
          );
        }
        return (
          <div key={key} className="group relative max-w-full">
            <button
              type="button"
              data-testid="turn-image"
              onClick={() => setOpen(item)}
              aria-label={`Open ${item.name} larger`}
              className={`block max-w-full overflow-hidden rounded-2xl border border-line bg-zinc-100 shadow-sm transition-opacity hover:opacity-90 dark:bg-zinc-900 ${focusRing}`}
            >
              <img
                src={src}
                alt={item.name}
                title={size ? `${item.name} · ${size}` : item.name}
                width={item.width}
                height={item.height}
                // Whole and in proportion: up to 16 rem tall and 24 rem wide, never wider than the turn; a
                // tiny picture is shown at least 6 rem tall, so it stays readable and its Draw button clear of it.
                className="block h-auto max-h-64 min-h-24 w-auto max-w-full object-contain sm:max-w-sm"
              />
            </button>
            <DrawOnMediaButton media={item} />
          </div>
        );
      })}
      {open?.source === "upload" && (
        <ImageLightbox
          src={mediaUrl(open.mediaId)}
          name={open.name}
          width={open.width}
          height={open.height}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}

function UrlChip({ media }: { media: Extract<TurnMediaData, { source: "url" }> }) {
  const Icon = media.kind === "video" ? FilmIcon : ImageIcon;
  return (
    <a
      href={media.url}
      target="_blank"
      rel="noreferrer noopener"
      data-testid="turn-url-media"
      title={`${media.url} — downloaded by the NIM`}
      className={`flex max-w-72 items-center gap-2 rounded-xl border border-line bg-surface px-3 py-2 text-xs shadow-sm hover:bg-zinc-50 dark:hover:bg-zinc-800 ${focusRing}`}
    >
      <Icon className="size-4 shrink-0 text-zinc-500" />
      <span className="min-w-0">
        <span className="block truncate font-medium">{media.name}</span>
        <span className="block truncate text-[11px] text-fg-muted">{new URL(media.url).host} · the NIM downloads it</span>
      </span>
    </a>
  );
}
