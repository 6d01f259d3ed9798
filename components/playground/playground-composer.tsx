"use client";

import type { ComponentProps, RefObject } from "react";

import { Composer } from "@/components/chat/composer";
import { ViewCodeButton } from "@/components/code-view/view-code-button";
import { AttachControls } from "@/components/media/attach-controls";
import { AttachmentStrip } from "@/components/media/attachment-strip";
import { OmittedMediaNotice } from "@/components/media/omitted-media-notice";
import type { useComposerMedia } from "@/components/media/use-composer-media";
import { PresetBar } from "@/components/presets/preset-bar";
import { PresetPicker } from "@/components/presets/preset-picker";
import type { usePromptPresets } from "@/components/presets/use-prompt-presets";
import type { useSubjectMarks } from "@/components/presets/use-subject-marks";
import type { Family } from "@/lib/backends/families";
import type { BackendSummary } from "@/lib/backends/types";

type ComposerBase = Omit<
  ComponentProps<typeof Composer>,
  "onChange" | "placeholder" | "disabled" | "beforeSend" | "attachControls" | "attachments" | "onPasteFiles"
>;

interface PlaygroundComposerProps extends ComposerBase {
  onDraft: (value: string) => void;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  backend: BackendSummary | null;
  family: Family;
  reasoning: boolean;
  /** A saved chat is still being opened. */
  loading: boolean;
  /** The code that would send this message, for View code. */
  codeSource: ComponentProps<typeof ViewCodeButton>["source"];
  media: ReturnType<typeof useComposerMedia>;
  presets: ReturnType<typeof usePromptPresets>;
  marks: ReturnType<typeof useSubjectMarks>;
}

/** The playground's composer with its attach buttons, preset picker, attachments and View code. */
export function PlaygroundComposer({
  onDraft,
  backend,
  family,
  reasoning,
  loading,
  codeSource,
  media,
  presets,
  marks,
  ...composer
}: PlaygroundComposerProps) {
  const { attachments } = media;
  return (
    <Composer
      {...composer}
      onChange={onDraft}
      placeholder={backend ? `Message ${backend.label}…` : "Waiting for a backend…"}
      disabled={!backend || loading}
      onPasteFiles={backend ? attachments.addFiles : undefined}
      beforeSend={<ViewCodeButton variant="composer" disabled={!backend} source={codeSource} />}
      attachControls={
        <>
          <AttachControls disabled={!backend} onFiles={attachments.addFiles} onUrl={attachments.addUrl} />
          <PresetPicker disabled={!backend} family={family} onChoose={presets.choose} />
        </>
      }
      attachments={
        <>
          <AttachmentStrip
            attachments={attachments}
            tokens={media.tokens}
            onApplyAdvice={media.applyAdvice}
            onMarkSubjects={marks.onMark}
          />
          <OmittedMediaNotice notice={media.omittedNotice} />
          <PresetBar
            active={presets.active}
            family={family}
            reasoning={reasoning}
            media={media.context}
            onValue={presets.setValue}
            onDismiss={presets.dismiss}
            markError={marks.error}
          />
        </>
      }
    />
  );
}
