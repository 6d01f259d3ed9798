"use client";

import { useMutation } from "@tanstack/react-query";
import { useMemo, useSyncExternalStore } from "react";

import { createShare, revokeShare } from "@/lib/conversations/client/api";
import type { SnapshotData } from "@/lib/conversations/schema";
import { PlaygroundError } from "@/lib/core/errors";
import {
  forgetSharedLink,
  readSharedLinks,
  rememberSharedLink,
  SHARE_TOKENS_KEY,
  subscribeSharedLinks,
  type SharedLink,
} from "@/lib/share/client/tokens";

const readRaw = () => localStorage.getItem(SHARE_TOKENS_KEY);

/** The links this browser created and can still revoke, newest first. */
export function useSharedLinks(): SharedLink[] {
  const raw = useSyncExternalStore(subscribeSharedLinks, readRaw, () => null);
  return useMemo(() => readSharedLinks({ getItem: () => raw, setItem: () => undefined }), [raw]);
}

export function useCreateShare(conversationId: string | null) {
  return useMutation({
    mutationFn: (input: { title: string; data: SnapshotData }) => createShare(input),
    onSuccess: (share, input) =>
      rememberSharedLink(localStorage, {
        id: share.id,
        title: input.title,
        createdAt: new Date().toISOString(),
        deleteToken: share.deleteToken,
        conversationId,
      }),
  });
}

export function useRevokeShare() {
  return useMutation({
    mutationFn: async (link: SharedLink) => {
      try {
        await revokeShare(link.id, link.deleteToken);
      } catch (error) {
        // Already gone is what revoking wants; only a refused token keeps the entry.
        if (!(error instanceof PlaygroundError && (error.code === "not_found" || error.code === "gone"))) throw error;
      }
    },
    onSuccess: (_nothing, link) => forgetSharedLink(localStorage, link.id),
  });
}

export const shareLinkUrl = (id: string) => `${window.location.origin}/s/${id}`;
