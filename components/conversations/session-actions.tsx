"use client";

import { useMemo } from "react";

import { SaveStatus } from "@/components/conversations/save-status";
import { PresentButton } from "@/components/presentation/present-button";
import { ShareButton } from "@/components/share/share-button";
import type { Turn } from "@/lib/chat/conversation";
import type { SaveStatus as Status } from "@/lib/conversations/client/autosaver";
import { sessionTitle, type SavedSessionData } from "@/lib/conversations/data";

interface SessionActionsProps {
  session: { conversationId: string | null; saveStatus: Status; saveMessage?: string; snapshot: () => SavedSessionData };
  turns: readonly Turn[];
  streaming: boolean;
  onPresent: () => void;
}

/** The header's save state, Present and Share. */
export function SessionActions({ session, turns, streaming, onPresent }: SessionActionsProps) {
  const autoTitle = useMemo(() => sessionTitle(turns), [turns]);
  const blockedReason =
    turns.length === 0
      ? "Send a message first: there is nothing to share yet."
      : streaming
        ? "Wait for the reply to finish, then share."
        : null;
  return (
    <>
      <SaveStatus status={session.saveStatus} message={session.saveMessage} />
      {/* The header is full below xl; "p" still presents there. */}
      <PresentButton onClick={onPresent} disabled={turns.length === 0} className="max-xl:hidden" />
      <ShareButton conversationId={session.conversationId} autoTitle={autoTitle} blockedReason={blockedReason} data={session.snapshot} />
    </>
  );
}
