"use client";

import { useCallback, useState } from "react";
import { GENERATION_FAMILIES, type GenerationFamily } from "@/lib/backends/generation-families";
import { draftFor, snapFrames, type GenerateDraft } from "@/lib/generation/form";

/** The form's values for the chosen backend's family; a new family starts from its defaults. */
export function useGenerateDraft(family: GenerationFamily) {
  const [state, setState] = useState(() => ({ family, draft: draftFor(family) }));
  // Adjusted while rendering (not in an effect), so the form never shows another family's values.
  let current = state;
  if (state.family !== family) {
    current = { family, draft: draftFor(family, state.draft) };
    setState(current);
  }

  const set = useCallback(
    <K extends keyof GenerateDraft>(key: K, value: GenerateDraft[K]) =>
      setState((s) => {
        const draft = { ...s.draft, [key]: value };
        // A smaller tier lowers Cosmos3 WFM's frame cap: move to the nearest count it takes.
        if (key === "resolution") {
          const info = GENERATION_FAMILIES[s.family];
          draft.frames = String(snapFrames(info, draft.resolution, Number(s.draft.frames) || info.defaults.frames));
        }
        return { ...s, draft };
      }),
    [],
  );

  return { draft: current.draft, set };
}
