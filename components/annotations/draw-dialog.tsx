"use client";

import type { StageSource } from "@/components/annotations/annotation-stage";
import { DrawSurface } from "@/components/annotations/draw-surface";
import { ModalDialog } from "@/components/ui/modal-dialog";
import type { Drawing } from "@/lib/annotations/draw-state";
import type { OverlayModel } from "@/lib/annotations/overlay";

interface DrawDialogProps {
  source: StageSource;
  mediaKey: string;
  model?: OverlayModel | null;
  onClose: () => void;
  onMark?: (drawing: Drawing) => void;
}

/** Drawing points and boxes on an image, in a modal dialog with room for the image. */
export function DrawDialog({ source, mediaKey, model, onClose, onMark }: DrawDialogProps) {
  return (
    <ModalDialog
      title={`Draw on ${source.name}`}
      description={source.width && source.height ? `${source.width}×${source.height}` : undefined}
      onClose={onClose}
      widthClass="w-[min(64rem,calc(100vw-2rem))]"
      data-testid="draw-dialog"
    >
      <div className="px-5 py-4">
        <DrawSurface source={source} mediaKey={mediaKey} model={model} onInserted={onClose} onMark={onMark} />
      </div>
    </ModalDialog>
  );
}
