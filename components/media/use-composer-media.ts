"use client";

import { useCallback, useMemo, useState } from "react";

import { useAttachments } from "@/components/media/use-attachments";
import { FAMILY_INFO, type Family } from "@/lib/backends/families";
import type { BackendSummary } from "@/lib/backends/types";
import type { Turn } from "@/lib/chat/conversation";
import { historyMedia } from "@/lib/chat/history-messages";
import { fitEarlierMedia } from "@/lib/chat/prompt-media";
import type { MediaParams } from "@/lib/chat/schema";
import { summarizeTokens, type TokenAdvice } from "@/lib/media/attachment-tokens";
import { attachmentsBlockReason, type MediaFacts } from "@/lib/media/attachments";
import { EMPTY_MEDIA_DRAFT, parseMediaParams, type MediaContext, type MediaParamsDraft } from "@/lib/media/params";

export function mediaContext(media: readonly MediaFacts[]): MediaContext {
  const videos = media.filter((m) => m.kind === "video");
  return { hasImage: media.some((m) => m.kind === "image"), hasVideo: videos.length > 0, videos };
}

/**
 * The media side of the next message: its attachments, the "Video & image" settings capped to
 * what is attached (this turn's and earlier turns'), the token estimate and what blocks sending.
 */
export function useComposerMedia({ family, backend, turns }: { family: Family; backend: BackendSummary | null; turns: Turn[] }) {
  const attachments = useAttachments({ family, maxInlineImageBytes: backend?.capabilities.maxInlineImageBytes ?? null });
  const [draft, setDraft] = useState<MediaParamsDraft>(EMPTY_MEDIA_DRAFT);
  const exclusive = FAMILY_INFO[family].videoSampling === "exclusive";
  const current = useMemo(() => attachments.items.map((a) => (a.phase === "error" ? null : a.facts)), [attachments.items]);
  const attached = useMemo(() => current.filter((f): f is MediaFacts => f !== null), [current]);
  // Earlier media over the per-prompt limits are left out of the next request (and said so).
  const fitted = useMemo(() => fitEarlierMedia(family, historyMedia(turns), attached), [family, turns, attached]);
  const earlier = fitted.kept;
  const context = useMemo(() => mediaContext([...earlier, ...attached]), [earlier, attached]);
  const parsed = useMemo(() => parseMediaParams(family, draft, context), [family, draft, context]);
  const mode = exclusive ? draft.sampling : draft.fps.trim() === "" && draft.num_frames.trim() !== "" ? "num_frames" : "fps";
  const tokens = useMemo(
    () => summarizeTokens(family, current, earlier, parsed.sampling, mode),
    [family, current, earlier, parsed.sampling, mode],
  );
  const blockedReason =
    attachmentsBlockReason(family, attachments.items) ?? (parsed.valid ? null : "Fix the highlighted video & image settings to send.");

  /** The `media` body for a request that carries these media (a send, or a regenerate). */
  const mediaParamsFor = useCallback(
    (media: readonly MediaFacts[]): MediaParams => parseMediaParams(family, draft, mediaContext(media)).media,
    [family, draft],
  );

  const { items, downscale } = attachments;
  const applyAdvice = useCallback(
    (advice: TokenAdvice) => {
      if (advice.action === "downscale") {
        const target = items[advice.index];
        if (target) downscale(target.id, advice);
      } else if (advice.fps !== undefined) {
        setDraft((d) => ({ ...d, sampling: "fps", fps: String(advice.fps) }));
      } else if (advice.num_frames !== undefined) {
        setDraft((d) => ({ ...d, sampling: "num_frames", num_frames: String(advice.num_frames) }));
      }
    },
    [items, downscale],
  );

  return {
    attachments,
    draft,
    setDraft,
    parsed,
    context,
    tokens,
    omittedNotice: fitted.notice,
    blockedReason,
    mediaParamsFor,
    applyAdvice,
  };
}
