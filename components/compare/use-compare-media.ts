"use client";

import { useMemo } from "react";

import { useAttachments } from "@/components/media/use-attachments";
import { FAMILY_INFO, type Family } from "@/lib/backends/families";
import type { BackendSummary } from "@/lib/backends/types";
import type { CompareColumn } from "@/lib/chat/compare";
import { historyMedia } from "@/lib/chat/history-messages";
import { fitEarlierMedia } from "@/lib/chat/prompt-media";
import { summarizeTokens, type TokenAdvice } from "@/lib/media/attachment-tokens";
import { attachmentsBlockReason, type MediaFacts } from "@/lib/media/attachments";

/** The family with the tightest limits among the columns: what is attached must fit every column. */
function strictestFamily(columns: readonly CompareColumn[]): Family {
  let strict: Family = columns[0]?.family ?? "generic";
  for (const { family } of columns) if (FAMILY_INFO[family].maxImages < FAMILY_INFO[strict].maxImages) strict = family;
  return strict;
}

/** The attachments of the prompt every column gets, checked against the strictest column. */
export function useCompareMedia(columns: readonly CompareColumn[], backends: readonly BackendSummary[]) {
  const family = strictestFamily(columns);
  const caps = columns
    .map((c) => backends.find((b) => b.id === c.backendId)?.capabilities.maxInlineImageBytes ?? null)
    .filter((cap): cap is number => cap !== null);
  const attachments = useAttachments({ family, maxInlineImageBytes: caps.length > 0 ? Math.min(...caps) : null });
  const current = useMemo(() => attachments.items.map((a) => (a.phase === "error" ? null : a.facts)), [attachments.items]);
  // Earlier media over the per-prompt limits are left out of the request, so out of the estimate too.
  const fitted = useMemo(
    () =>
      fitEarlierMedia(
        family,
        historyMedia(columns[0]?.turns ?? []),
        current.filter((f): f is MediaFacts => f !== null),
      ),
    [columns, current, family],
  );
  const tokens = useMemo(
    () => summarizeTokens(family, current, fitted.kept, { fps: FAMILY_INFO[family].defaultFps }, "fps"),
    [current, fitted.kept, family],
  );
  const attachedVideo = current.some((facts: MediaFacts | null) => facts?.kind === "video");
  // Compare has no per-column video sampling, so only the downscale advice applies.
  const applyAdvice = (advice: TokenAdvice) => {
    const target = attachments.items[advice.index];
    if (advice.action === "downscale" && target) attachments.downscale(target.id, advice);
  };
  return {
    family,
    attachments,
    tokens,
    omittedNotice: fitted.notice,
    attachedVideo,
    applyAdvice,
    blockedReason: attachmentsBlockReason(family, attachments.items),
  };
}
