"use client";

import { useCallback, useMemo, useState } from "react";

import { FAMILY_INFO, type Family } from "@/lib/backends/families";
import { DEFAULT_TOOLS_DRAFT, parseToolsDraft, type ToolsDraft } from "@/lib/chat/tools-draft";

const MAX_CANNED_PER_TOOL = 20;

/** The Tools panel's state, what it adds to a request, and the results saved to answer with again. */
export function useToolsDraft(family: Family) {
  const [draft, setDraft] = useState<ToolsDraft>(DEFAULT_TOOLS_DRAFT);
  const parsed = useMemo(() => parseToolsDraft(draft), [draft]);
  const supported = FAMILY_INFO[family].toolCalling;

  const edit = useCallback((changes: Partial<ToolsDraft>) => setDraft((current) => ({ ...current, ...changes })), []);

  const saveCanned = useCallback((toolName: string, result: string) => {
    const text = result.trim();
    if (text === "") return;
    setDraft((current) => {
      const saved = current.canned[toolName] ?? [];
      if (saved.includes(text)) return current;
      return { ...current, canned: { ...current.canned, [toolName]: [text, ...saved].slice(0, MAX_CANNED_PER_TOOL) } };
    });
  }, []);

  return {
    draft,
    parsed,
    supported,
    /** What the next request carries: nothing when tools are off or the backend's family takes none. */
    fields: supported ? parsed.fields : {},
    /** Why Send is held back, or null. */
    blockedReason: supported && draft.enabled && parsed.errors.length > 0 ? "Fix the tool definitions in Settings → Tools to send." : null,
    edit,
    restore: setDraft,
    saveCanned,
  };
}

export type ToolsDraftState = ReturnType<typeof useToolsDraft>;
