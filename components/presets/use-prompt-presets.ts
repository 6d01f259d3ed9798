"use client";

import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from "react";

import type { Family } from "@/lib/backends/families";
import { NUMERIC_PARAMS, type NumericParam } from "@/lib/chat/params";
import { missingPresetField, presetPrompt, presetSampling, type PromptPreset } from "@/lib/chat/presets";
import type { TurnTask } from "@/lib/chat/turn-task";
import type { MediaParamsDraft } from "@/lib/media/params";

interface PresetTargets {
  family: Family;
  /** The sampling-params hook: each value is set as if typed, so switching reasoning keeps them. */
  params: { edit: (key: NumericParam, value: string) => void; setStop: (stop: string[]) => void };
  setReasoning: (on: boolean) => void;
  setMediaDraft: Dispatch<SetStateAction<MediaParamsDraft>>;
  setDraft: (text: string) => void;
  /** For a task documented with its own system prompt (Reason1's critic). */
  setSystemPrompt: (text: string) => void;
  inputRef: { current: HTMLTextAreaElement | null };
}

export interface ActivePreset {
  preset: PromptPreset;
  value: string;
}

/** The chosen task preset: it writes the message from its template and sets sampling, reasoning and fps. */
export function usePromptPresets({ family, params, setReasoning, setMediaDraft, setDraft, setSystemPrompt, inputRef }: PresetTargets) {
  const [active, setActive] = useState<ActivePreset | null>(null);
  const { edit, setStop } = params;

  const apply = useCallback(
    (preset: PromptPreset, value: string, forFamily: Family) => {
      const sampling = presetSampling(preset, forFamily);
      for (const key of NUMERIC_PARAMS) edit(key, sampling[key] === undefined ? "" : String(sampling[key]));
      setStop(sampling.stop);
      setReasoning(preset.reasoning);
      const fps = preset.fps;
      if (fps !== null) setMediaDraft((draft) => ({ ...draft, sampling: "fps", fps: String(fps) }));
      if (preset.system) setSystemPrompt(preset.system);
      setDraft(presetPrompt(preset, value, forFamily));
    },
    [edit, setStop, setReasoning, setMediaDraft, setSystemPrompt, setDraft],
  );

  const choose = useCallback(
    (preset: PromptPreset) => {
      setActive({ preset, value: "" });
      apply(preset, "", family);
      requestAnimationFrame(() => inputRef.current?.focus());
    },
    [apply, family, inputRef],
  );

  // The same preset on another family: its template (Nemotron has no think block) and sampling differ.
  const appliedFamily = useRef(family);
  useEffect(() => {
    if (appliedFamily.current === family) return;
    appliedFamily.current = family;
    // A task the new family's documents do not give is put away rather than sent to it.
    if (active && !active.preset.families.includes(family)) setActive(null);
    else if (active) apply(active.preset, active.value, family);
  }, [family, active, apply]);

  const setValue = useCallback(
    (value: string) => {
      if (!active) return;
      setActive({ ...active, value });
      setDraft(presetPrompt(active.preset, value, family));
    },
    [active, family, setDraft],
  );

  const dismiss = useCallback(() => setActive(null), []);
  /** The marks went with the image just sent: the next image is marked afresh. */
  const sent = useCallback(() => setActive((current) => (current?.preset.marks ? { ...current, value: "" } : current)), []);
  /** The person's task for a message the preset wrote (an edited template is the person's own text). */
  const taskFor = useCallback(
    (text: string): TurnTask | undefined =>
      active && text.trim() === presetPrompt(active.preset, active.value, family).trim()
        ? { preset: active.preset.id, label: active.preset.label, text: active.preset.field ? active.value.trim() : "" }
        : undefined,
    [active, family],
  );
  /** Why Send waits: the preset's field is empty (its example is only a hint). */
  const blockedReason = active ? missingPresetField(active.preset, active.value) : null;
  return { active, choose, setValue, dismiss, sent, blockedReason, taskFor };
}
