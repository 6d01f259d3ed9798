"use client";

import { useState } from "react";

import { DrawDialog } from "@/components/annotations/lazy-draw-dialog";
import { PencilIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";
import type { TurnMedia } from "@/lib/media/attachments";
import { mediaUrl } from "@/lib/media/media-url";

/** A small "Draw" button on an image of a sent message, opening the drawing dialog for it. */
export function DrawOnMediaButton({ media }: { media: TurnMedia }) {
  const [open, setOpen] = useState(false);
  const src = media.source === "upload" ? mediaUrl(media.mediaId) : media.url;
  const key = media.source === "upload" ? media.mediaId : media.url;
  const size = media.width && media.height ? { width: media.width, height: media.height } : {};
  return (
    <>
      <button
        type="button"
        data-testid="turn-image-draw"
        aria-label={`Draw on ${media.name}`}
        title="Draw points or boxes on this image"
        onClick={() => setOpen(true)}
        className={`absolute right-1.5 bottom-1.5 inline-flex items-center gap-1 rounded-md bg-zinc-950/70 px-1.5 py-1 text-[11px] font-medium text-white shadow-sm transition-opacity hover:bg-zinc-950/90 sm:opacity-0 sm:group-focus-within:opacity-100 sm:group-hover:opacity-100 ${focusRing}`}
      >
        <PencilIcon className="size-3" /> Draw
      </button>
      {open && <DrawDialog source={{ kind: media.kind, src, name: media.name, ...size }} mediaKey={key} onClose={() => setOpen(false)} />}
    </>
  );
}
