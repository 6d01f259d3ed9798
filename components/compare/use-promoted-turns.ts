"use client";

import { useEffect } from "react";

import { parsePromoted, PROMOTE_STORAGE_KEY } from "@/lib/chat/compare";
import type { Turn } from "@/lib/chat/conversation";

/**
 * Picks up a Compare column handed over with "Promote" (sessionStorage, then a navigation to /):
 * appends its turns to the conversation and selects its backend. Read once, then removed.
 */
export function usePromotedTurns(append: (turns: Turn[]) => void, selectBackend: (id: string) => void): void {
  useEffect(() => {
    const raw = sessionStorage.getItem(PROMOTE_STORAGE_KEY);
    sessionStorage.removeItem(PROMOTE_STORAGE_KEY);
    const promoted = parsePromoted(raw);
    if (!promoted) return;
    append(promoted.turns);
    selectBackend(promoted.backendId);
  }, [append, selectBackend]);
}
