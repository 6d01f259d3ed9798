"use client";

import { createContext, useContext } from "react";

// What the playground lets a person do to turns already there: switch a reply's version and edit
// their last message. Shares, exports and Compare give none, so their turns stay read-only.

export interface TurnActions {
  /** The last turn: only it switches versions, and only the message before it can be edited. */
  lastTurnId: string | null;
  lastUserTurnId: string | null;
  /** Why nothing can be changed now (a reply is streaming, no backend…), or null. */
  blockedReason: string | null;
  selectVersion: (turnId: string, index: number) => void;
  editLast: (text: string) => void;
}

const TurnActionsContext = createContext<TurnActions | null>(null);

export const TurnActionsProvider = TurnActionsContext.Provider;

export function useTurnActions(): TurnActions | null {
  return useContext(TurnActionsContext);
}
