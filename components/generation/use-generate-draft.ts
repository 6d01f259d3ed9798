"use client";

import { useCallback, useEffect, useState } from "react";

import type { GenerationProfile } from "@/lib/backends/generation-families";
import { changeMode, changeResolution, draftFor, followCheckpoint, markAsked, type GenerateDraft } from "@/lib/generation/form";

const PROMPT_KEY = "nim-playground.generate-prompt";

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

  // The prompt is what took work to write: it is kept across reloads (the other fields have defaults).
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const saved = localStorage.getItem(PROMPT_KEY);
    if (saved) setState((s) => ({ ...s, draft: { ...s.draft, prompt: saved } }));
    setLoaded(true);
  }, []);
  const prompt = current.draft.prompt;
  useEffect(() => {
    if (!loaded) return;
    if (prompt) localStorage.setItem(PROMPT_KEY, prompt);
    else localStorage.removeItem(PROMPT_KEY);
  }, [prompt, loaded]);

  const set = useCallback(
    <K extends keyof GenerateDraft>(key: K, value: GenerateDraft[K]) =>
      setState((s) => {
        if (key === "mode")
          return { ...s, draft: followCheckpoint(s.profile, s.draft, changeMode(s.profile, s.draft, value as GenerateDraft["mode"])) };
        if (key === "resolution") {
          const changed = changeResolution(s.profile, markAsked(s.draft, "resolution"), value as GenerateDraft["resolution"]);
          return { ...s, ...changed };
        }
        const draft = markAsked(followCheckpoint(s.profile, s.draft, { ...s.draft, [key]: value }), key);
        return { ...s, draft, notice: key === "frames" ? null : s.notice };
      }),
    [],
  );

  return { draft: current.draft, notice: current.notice, set };
}
