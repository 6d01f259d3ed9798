"use client";

import { useState } from "react";

import { Field } from "@/components/generation/field";
import { PromptUpsampler } from "@/components/generation/prompt-upsampler";
import { Button } from "@/components/ui/button";
import { SparkleIcon } from "@/components/ui/icons";
import { inputStyles } from "@/components/ui/styles";
import type { GenerationProfileInfo } from "@/lib/backends/generation-families";
import type { BackendSummary } from "@/lib/backends/types";
import type { DraftErrors, GenerateDraft } from "@/lib/generation/form";
import type { FormFields } from "@/lib/generation/form-fields";
import { countWords } from "@/lib/generation/request";

interface PromptFieldsProps {
  info: GenerationProfileInfo;
  draft: GenerateDraft;
  /** The fields this mode sends (lib/generation/form-fields.ts). */
  fields: FormFields;
  errors: DraftErrors;
  /** Reasoners to upsample the prompt with. */
  chatBackends: BackendSummary[];
  onChange: <K extends keyof GenerateDraft>(key: K, value: GenerateDraft[K]) => void;
  /** Ctrl/Cmd + Enter in the prompt. */
  onSubmit: () => void;
}

/** The prompt with its word count and Reasoner upsampling, and the negative prompt where the mode sends one. */
export function PromptFields({ info, draft, fields, errors, chatBackends, onChange, onSubmit }: PromptFieldsProps) {
  const [upsampling, setUpsampling] = useState(false);
  const video = draft.mode !== "text2image";
  return (
    <section className="space-y-3">
      <Field
        label="Prompt"
        htmlFor="gen-prompt"
        errorId="gen-prompt-error"
        error={errors.prompt}
        aside={wordCount(draft.prompt, info.limits.promptWords)}
      >
        <textarea
          id="gen-prompt"
          data-testid="gen-prompt"
          rows={5}
          placeholder="A robot arm picks up a red cube from a wooden table and places it in a metal bin; static camera, soft daylight."
          aria-invalid={errors.prompt ? true : undefined}
          aria-describedby={errors.prompt ? "gen-prompt-error" : undefined}
          value={draft.prompt}
          onChange={(e) => onChange("prompt", e.target.value)}
          onKeyDown={(e) => e.key === "Enter" && (e.metaKey || e.ctrlKey) && onSubmit()}
          className={`${inputStyles} resize-y leading-relaxed`}
        />
      </Field>
      {chatBackends.length > 0 && !upsampling && (
        <Button size="sm" variant="ghost" data-testid="upsample-open" className="-mt-1.5" onClick={() => setUpsampling(true)}>
          <SparkleIcon className="size-3.5" /> Upsample with a Reasoner
        </Button>
      )}
      {upsampling && (
        <PromptUpsampler
          prompt={draft.prompt}
          chatBackends={chatBackends}
          durationS={video && Number(draft.frames) > 0 ? Number(draft.frames) / draft.fps : null}
          onUse={(text) => {
            onChange("prompt", text);
            setUpsampling(false);
          }}
          onClose={() => setUpsampling(false)}
        />
      )}
      {fields.shown.has("negativePrompt") && (
        <Field label="Negative prompt" htmlFor="gen-negative" errorId="gen-negative-error" error={errors.negativePrompt}>
          <textarea
            id="gen-negative"
            data-testid="gen-negative"
            rows={2}
            placeholder="blurry, low quality, distorted"
            value={draft.negativePrompt}
            onChange={(e) => onChange("negativePrompt", e.target.value)}
            className={`${inputStyles} resize-y`}
          />
        </Field>
      )}
    </section>
  );
}

/** "12 words"; with a limit (Cosmos Predict: 250), "12 of 250 words". */
function wordCount(prompt: string, limit: number | undefined): string {
  const words = countWords(prompt);
  if (words === 0) return limit ? `≤ ${limit} words` : "";
  return limit ? `${words} of ${limit} words` : `${words} ${words === 1 ? "word" : "words"}`;
}
