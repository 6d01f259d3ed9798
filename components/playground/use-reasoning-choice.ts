import { useState } from "react";

import { FAMILY_INFO, type Family } from "@/lib/backends/families";

/**
 * Reasoning as the person wants it: the family's default (on for the reasoning models, off for
 * Nemotron) until they flip the switch, then their choice, kept when they change backend.
 */
export function useReasoningChoice(family: Family): [boolean, (on: boolean) => void] {
  const [choice, setChoice] = useState<boolean | null>(null);
  return [choice ?? FAMILY_INFO[family].reasoningByDefault, setChoice];
}
