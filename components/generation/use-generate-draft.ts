"use client";

import { useCallback, useState } from "react";

import type { GenerationProfile } from "@/lib/backends/generation-families";
import { changeMode, changeResolution, draftFor, type GenerateDraft } from "@/lib/generation/form";

/**
 * The form's values for the chosen backend's profile; a new profile starts from its defaults.
 * `notice` says when a value was moved to one the server takes (frames over a smaller tier's cap).
 */
export function useGenerateDraft(profile: GenerationProfile) {
  const [state, setState] = useState(() => ({ profile, draft: draftFor(profile), notice: null as string | null }));
  // Adjusted while rendering (not in an effect), so the form never shows another profile's values.
  let current = state;
  if (state.profile !== profile) {
    current = { profile, draft: draftFor(profile, state.draft), notice: null };
    setState(current);
  }

  const set = useCallback(
    <K extends keyof GenerateDraft>(key: K, value: GenerateDraft[K]) =>
      setState((s) => {
        if (key === "mode") return { ...s, draft: changeMode(s.profile, s.draft, value as GenerateDraft["mode"]) };
        if (key === "resolution") return { ...s, ...changeResolution(s.profile, s.draft, value as GenerateDraft["resolution"]) };
        return { ...s, draft: { ...s.draft, [key]: value }, notice: key === "frames" ? null : s.notice };
      }),
    [],
  );

  return { draft: current.draft, notice: current.notice, set };
}
