"use client";

import { createContext, useContext } from "react";

import type { ToolResult } from "@/lib/chat/conversation";

// How a tool-call card answers: given only in the playground, so shares and exports show calls read-only.

export interface ToolAnswerContextValue {
  /** Only the last reply's calls can be answered. */
  lastTurnId: string | null;
  /** Why results cannot be sent now (a reply is streaming, no backend…), or null. */
  blockedReason: string | null;
  canned: Record<string, string[]>;
  send: (turnId: string, results: ToolResult[]) => void;
  saveCanned: (toolName: string, result: string) => void;
}

const ToolAnswerContext = createContext<ToolAnswerContextValue | null>(null);

export const ToolAnswerProvider = ToolAnswerContext.Provider;

export function useToolAnswer(): ToolAnswerContextValue | null {
  return useContext(ToolAnswerContext);
}
