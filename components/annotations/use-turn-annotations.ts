"use client";

import { useMemo } from "react";

import { useAnnotations } from "@/components/annotations/annotations-context";
import { parseTurn, turnParseContext } from "@/lib/annotations/targets";
import type { AssistantTurn } from "@/lib/chat/conversation";

/** An answer's parsed annotations, the media they are about and the family's coordinate convention. */
export function useTurnAnnotations(turn: AssistantTurn) {
  const { turns, familyOf, conventionOf } = useAnnotations();
  const family = familyOf(turn);
  const convention = conventionOf(turn);
  return useMemo(() => {
    const { targets, context } = turnParseContext(turns, turn, family, convention);
    // The pixel bounds the request sent: absolute-pixel answers are in the size they resized to.
    const bounds = turn.request?.body.media ?? {};
    return { targets, family, convention, bounds, parsed: parseTurn(turn, context) };
  }, [turns, turn, family, convention]);
}
