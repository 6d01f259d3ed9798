"use client";

import { XIcon } from "@/components/ui/icons";
import { DialogShell } from "@/components/ui/modal-dialog";
import { focusRing } from "@/components/ui/styles";

interface ImageLightboxProps {
  src: string;
  name: string;
  width?: number;
  height?: number;
  onClose: () => void;
}

/** A modal dialog with the image at up to the window's size; Escape or a click outside closes it. */
export function ImageLightbox({ src, name, width, height, onClose }: ImageLightboxProps) {
  return (
    <DialogShell
      data-testid="image-lightbox"
      aria-label={name}
      onClose={onClose}
      className="m-auto max-h-[92dvh] max-w-[94vw] overflow-visible bg-transparent p-0 backdrop:bg-zinc-950/80"
    >
      <figure className="flex flex-col items-center gap-2">
        <img src={src} alt={name} className="max-h-[84dvh] max-w-[94vw] rounded-xl object-contain shadow-2xl" />
        <figcaption className="text-xs text-zinc-200">
          {name}
          {width && height ? ` · ${width}×${height}` : ""}
        </figcaption>
      </figure>
      <button
        type="button"
        aria-label="Close"
        onClick={onClose}
        className={`absolute -top-3 -right-3 grid size-8 place-items-center rounded-full bg-white text-zinc-900 shadow-lg hover:bg-zinc-100 ${focusRing}`}
      >
        <XIcon className="size-4" />
      </button>
    </DialogShell>
  );
}
