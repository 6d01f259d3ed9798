"use client";

import { useEffect, useRef } from "react";
import type { OverlayModel } from "@/lib/annotations-view";
import type { StageSource } from "@/components/annotations/annotation-stage";
import { DrawSurface } from "@/components/annotations/draw-surface";
import { Button } from "@/components/ui/button";
import { XIcon } from "@/components/ui/icons";

interface DrawDialogProps {
  source: StageSource;
  mediaKey: string;
  model?: OverlayModel | null;
  onClose: () => void;
}

/** Drawing points and boxes on an image, in a modal dialog with room for the image. */
export function DrawDialog({ source, mediaKey, model, onClose }: DrawDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={dialogRef}
      data-testid="draw-dialog"
      aria-label={`Draw on ${source.name}`}
      onClose={onClose}
      className="m-auto w-[min(64rem,96vw)] max-w-none rounded-2xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-zinc-950/70 backdrop:backdrop-blur-sm dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="flex items-center gap-3 border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
        <h2 className="min-w-0 flex-1 truncate text-sm font-semibold">
          Draw on {source.name}
          {source.width && source.height ? <span className="ml-2 font-normal text-zinc-500 dark:text-zinc-400">{source.width}×{source.height}</span> : null}
        </h2>
        <Button variant="ghost" size="iconSm" aria-label="Close" data-testid="draw-close" onClick={() => dialogRef.current?.close()}>
          <XIcon className="size-4" />
        </Button>
      </div>
      <div className="px-5 py-4">
        <DrawSurface source={source} mediaKey={mediaKey} model={model} onInserted={() => dialogRef.current?.close()} />
      </div>
    </dialog>
  );
}
