"use client";

import { useQueryClient, type InfiniteData } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { ShareIcon } from "@/components/ui/icons";
import type { ConversationPage } from "@/lib/conversations/client/api";
import type { SavedSessionData } from "@/lib/conversations/data";
import { queryKeys } from "@/lib/core/query-keys";

// The dialog (links, exports, the share schema) loads on the first click, not with the page.
const ShareDialog = dynamic(() => import("@/components/share/share-dialog").then((module) => module.ShareDialog), { ssr: false });

interface ShareButtonProps {
  conversationId: string | null;
  /** The title from the first prompt, used when the chat was not renamed. */
  autoTitle: string;
  blockedReason: string | null;
  data: () => SavedSessionData;
}

/** The header's Share button and its dialog (links, revoking, downloads). */
export function ShareButton({ conversationId, autoTitle, blockedReason, data }: ShareButtonProps) {
  const [open, setOpen] = useState(false);
  const client = useQueryClient();

  // A chat renamed in the sidebar is shared under that name.
  function savedTitle(): string | null {
    if (!conversationId) return null;
    for (const [, pages] of client.getQueriesData<InfiniteData<ConversationPage>>({ queryKey: queryKeys.conversationLists })) {
      const found = pages?.pages.flatMap((page) => page.conversations).find((c) => c.id === conversationId);
      if (found) return found.title;
    }
    return null;
  }

  return (
    <>
      <Button
        variant="secondary"
        size="md"
        data-testid="share-button"
        aria-haspopup="dialog"
        aria-label="Share"
        title="Share a link, or download"
        onClick={() => setOpen(true)}
        className="max-xl:w-9 max-xl:px-0"
      >
        <ShareIcon className="size-4" />
        <span className="hidden xl:inline">Share</span>
      </Button>
      {open && (
        <ShareDialog
          defaultTitle={savedTitle() ?? autoTitle}
          conversationId={conversationId}
          blockedReason={blockedReason}
          data={data}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
