"use client";

import { useState } from "react";

import { renderMarkedImage } from "@/components/annotations/mark-subjects";
import type { AttachmentsController } from "@/components/media/use-attachments";
import type { ActivePreset } from "@/components/presets/use-prompt-presets";
import type { Drawing } from "@/lib/annotations/draw-state";
import type { Attachment } from "@/lib/media/attachments";

/**
 * Describe anything: while its preset is active, the drawing dialog's marks are numbered onto a
 * copy of the image that is sent, and the prompt names how many there are.
 */
export function useSubjectMarks(attachments: AttachmentsController, active: ActivePreset | null, setValue: (value: string) => void) {
  const [error, setError] = useState<string | null>(null);
  const mark = (attachment: Attachment, src: string, drawing: Drawing) => {
    setError(null);
    renderMarkedImage(src, attachment.name, drawing).then(
      ({ file, count }) => {
        attachments.markSubjects(attachment.id, file, count);
        setValue(String(count));
      },
      (reason: unknown) => setError(reason instanceof Error ? reason.message : "Could not draw the marks onto the image."),
    );
  };
  return { onMark: active?.preset.marks ? mark : undefined, error: active?.preset.marks ? error : null };
}
