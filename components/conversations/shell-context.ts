"use client";

import { createContext, use } from "react";

/** What the page around the playground offers it: which saved chat it shows, and the sidebar. */
export interface SessionShell {
  /** The saved conversation this playground was opened on, or null for a new chat. */
  conversationId: string | null;
  /** This playground saved (or forked) to `id`, or started a new chat (null): update the URL without reopening. */
  adopt(id: string | null): void;
  /** Open the saved copy of this chat again (another tab went further). */
  reload(): void;
  newChat(): void;
  sidebarOpen: boolean;
  /** The sidebar is a column on the left of a wide screen: the page leaves room for it. */
  sidebarColumn: boolean;
  toggleSidebar(): void;
}

export const SessionShellContext = createContext<SessionShell | null>(null);

/** Null when the playground runs without the shell (then nothing is saved). */
export function useSessionShell(): SessionShell | null {
  return use(SessionShellContext);
}
