"use client";

import { useMemo } from "react";
import { parseTurn, turnParseContext } from "@/lib/annotations/view";
import type { AssistantTurn } from "@/lib/chat/conversation";
import { useAnnotations } from "@/components/annotations/annotations-context";

/** An answer's parsed annotations, the media they are about and the family's coordinate convention. */
export function useTurnAnnotations(turn: AssistantTurn) {
  const { turns, familyOf } = useAnnotations();
  const family = familyOf(turn);
  return useMemo(() => {
    const { targets, context } = turnParseContext(turns, turn, family);
    return { targets, family, convention: context.convention, parsed: parseTurn(turn, context) };
  }, [turns, turn, family]);
}
