"use client";

import { DrawDialog } from "@/components/annotations/lazy-draw-dialog";
import type { Drawing } from "@/lib/annotations/draw-state";
import type { Attachment } from "@/lib/media/attachments";

interface AttachmentDrawDialogProps {
  attachment: Attachment;
  /** The image as picked (before any marks were drawn onto a copy of it). */
  src: string | null;
  /** Its name as picked (a marked copy has its own). */
  name: string;
  onClose: () => void;
  onMark?: (drawing: Drawing) => void;
}

/** The drawing dialog for an image in the composer; what is kept is found again once it is sent. */
export function AttachmentDrawDialog({ attachment: a, src, name, onClose, onMark }: AttachmentDrawDialogProps) {
  if (!src) return null;
  const size = a.facts.width && a.facts.height ? { width: a.facts.width, height: a.facts.height } : {};
  // Keyed like the sent turn's media (the upload's id), so a kept reference shows with the answer.
  const key = a.uploaded?.id ?? a.id;
  return <DrawDialog source={{ kind: "image", src, name, ...size }} mediaKey={key} onClose={onClose} onMark={onMark} />;
}
