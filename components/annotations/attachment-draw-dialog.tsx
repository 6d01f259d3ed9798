"use client";

import { DrawDialog } from "@/components/annotations/lazy-draw-dialog";
import type { Attachment } from "@/lib/media/attachments";

/** The drawing dialog for an image in the composer; what is kept is found again once it is sent. */
export function AttachmentDrawDialog({ attachment: a, onClose }: { attachment: Attachment; onClose: () => void }) {
  if (!a.previewUrl) return null;
  const size = a.facts.width && a.facts.height ? { width: a.facts.width, height: a.facts.height } : {};
  // Keyed like the sent turn's media (the upload's id), so a kept reference shows with the answer.
  const key = a.uploaded?.id ?? a.id;
  return <DrawDialog source={{ kind: "image", src: a.previewUrl, name: a.name, ...size }} mediaKey={key} onClose={onClose} />;
}
