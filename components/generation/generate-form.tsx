"use client";

import { useState, type FormEvent, type ReactNode } from "react";

import { ActionFields } from "@/components/generation/action-fields";
import { compactSelect, SectionTitle } from "@/components/generation/field";
import { InputMediaField } from "@/components/generation/input-media-field";
import { ModePicker } from "@/components/generation/mode-picker";
import { OutputFields } from "@/components/generation/output-fields";
import { PromptFields } from "@/components/generation/prompt-fields";
import { SamplingFields } from "@/components/generation/sampling-fields";
import type { StoredMedia, useInputMedia } from "@/components/generation/use-input-media";
import { Button } from "@/components/ui/button";
import { AlertIcon, SparkleIcon, SpinnerIcon } from "@/components/ui/icons";
import { Segmented } from "@/components/ui/segmented";
import { Switch } from "@/components/ui/switch";
import { profileModes } from "@/lib/backends/generation-contracts";
import { CONTROL_TYPES, GENERATION_PROFILES, isActionMode, modeInput, type GenerationProfile } from "@/lib/backends/generation-families";
import type { BackendSummary } from "@/lib/backends/types";
import type { DraftErrors, GenerateDraft } from "@/lib/generation/form";
import { BATCH_MAX, BATCH_MIN } from "@/lib/generation/form-choices";
import { formFields } from "@/lib/generation/form-fields";
import { validateDraft } from "@/lib/generation/form-validate";
import type { GenerationRequest } from "@/lib/generation/schema";

interface GenerateFormProps {
  backend: BackendSummary;
  profile: GenerationProfile;
  draft: GenerateDraft;
  /** A value the form moved to one the server takes, said once. */
  notice: string | null;
  onChange: <K extends keyof GenerateDraft>(key: K, value: GenerateDraft[K]) => void;
  media: ReturnType<typeof useInputMedia>;
  /** Transfer: the control video. */
  control: ReturnType<typeof useInputMedia>;
  generated: StoredMedia[];
  /** Reasoners to upsample the prompt with. */
  chatBackends: BackendSummary[];
  submitting: boolean;
  /** The server's sentence when it refused the last submit. */
  serverError: string | null;
  onSubmit: (request: GenerationRequest, batch: number | null) => void;
}

// The fields a failed submit moves focus to, in the order they appear.
const FOCUS_ORDER: [keyof DraftErrors, string][] = [
  ["input", "input-media-upload"],
  ["action", "gen-actions"],
  ["prompt", "gen-prompt"],
  ["negativePrompt", "gen-negative"],
  ["width", "gen-width"],
  ["height", "gen-height"],
  ["frames", "gen-frames"],
  ["conditionFrames", "gen-condition-frames"],
  ["steps", "gen-steps"],
  ["guidanceScale", "gen-guidanceScale"],
  ["flowShift", "gen-flowShift"],
  ["seed", "gen-seed"],
];

export function GenerateForm({
  backend,
  profile,
  draft,
  notice,
  onChange,
  media,
  control,
  generated,
  chatBackends,
  submitting,
  serverError,
  onSubmit,
}: GenerateFormProps) {
  const info = GENERATION_PROFILES[profile];
  const unavailable = backend.generation?.unavailableModes ?? profileModes(profile).unavailable;
  const [attempted, setAttempted] = useState(false);
  const [batch, setBatch] = useState<{ on: boolean; count: number }>({ on: false, count: 4 });
  const needed = modeInput(draft.mode);
  const input = media.input?.phase === "ready" ? { mediaId: media.input.media.mediaId, kind: media.input.media.kind } : null;
  const controlInput = control.input?.phase === "ready" ? { mediaId: control.input.media.mediaId, kind: control.input.media.kind } : null;
  const result = validateDraft(backend.id, profile, draft, input, controlInput);
  const errors: DraftErrors = result.ok ? {} : result.errors;
  // Numbers are checked as they are typed; an empty prompt or missing input only once Generate was pressed.
  const shown: DraftErrors = attempted ? errors : { ...errors, prompt: undefined, input: undefined, control: undefined, action: undefined };
  const video = draft.mode !== "text2image";
  const fields = formFields(profile, draft);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (submitting) return;
    setAttempted(true);
    if (!result.ok) {
      const first = FOCUS_ORDER.find(([key]) => result.errors[key]);
      if (first) document.getElementById(first[1])?.focus();
      return;
    }
    setAttempted(false);
    onSubmit(result.request, batch.on && video ? batch.count : null);
  }

  const refusal = shown.form ?? serverError;
  return (
    <form
      aria-label="Generation settings"
      data-testid="generate-form"
      noValidate
      onSubmit={submit}
      className="flex min-h-0 flex-1 flex-col"
    >
      <div className="relative flex-1 space-y-6 px-4 py-4 lg:overflow-y-auto">
        <Section title="Mode">
          <ModePicker
            modes={info.modes}
            unavailable={unavailable}
            contractNote={backend.generation?.contractNote}
            value={draft.mode}
            onChange={(mode) => onChange("mode", mode)}
          />
        </Section>
        {needed && (
          <Section
            title={`${needed === "image" ? "Input image" : "Input video"}${draft.mode === "transfer" ? " (optional)" : draft.mode === "forward_dynamics" || draft.mode === "policy" ? " (start frame)" : ""}`}
          >
            <InputMediaField needed={needed} media={media} generated={generated} error={shown.input} />
          </Section>
        )}
        {isActionMode(draft.mode) && (
          <Section title="Actions">
            <ActionFields profile={profile} draft={draft} errors={shown} onChange={onChange} />
          </Section>
        )}
        {draft.mode === "transfer" && (
          <Section title="Control">
            <Segmented
              label="Control type"
              data-testid="control-type"
              value={draft.controlType}
              options={CONTROL_TYPES.map((type) => ({ value: type, label: type === "seg" ? "segmentation" : type }))}
              onChange={(value) => onChange("controlType", value)}
            />
            <div data-testid="control-media">
              <InputMediaField needed="video" media={control} generated={generated} error={shown.control} />
            </div>
          </Section>
        )}
        <PromptFields
          info={info}
          draft={draft}
          fields={fields}
          errors={shown}
          chatBackends={chatBackends}
          onChange={onChange}
          onSubmit={() => submit()}
        />
        <Section title="Output">
          <OutputFields info={info} draft={draft} fields={fields} errors={shown} notice={notice} onChange={onChange} />
        </Section>
        <Section title="Sampling">
          <SamplingFields info={info} draft={draft} fields={fields} errors={shown} onChange={onChange} />
        </Section>
      </div>
      <div className="sticky bottom-0 space-y-2.5 border-t border-line bg-white/95 px-4 py-3 dark:bg-zinc-900/95">
        {video && (
          <div
            className="flex items-center gap-2.5"
            title="Generate several seeds of this prompt; each video is critiqued when it finishes"
          >
            <Switch
              checked={batch.on}
              onChange={(on) => setBatch((b) => ({ ...b, on }))}
              aria-label="Batch of seeds"
              data-testid="batch-toggle"
            />
            <span className="text-xs font-medium text-fg-body">Batch</span>
            {batch.on ? (
              <>
                <select
                  aria-label="Seeds in the batch"
                  data-testid="batch-count"
                  value={batch.count}
                  onChange={(e) => setBatch((b) => ({ ...b, count: Number(e.target.value) }))}
                  className={`${compactSelect} text-xs`}
                >
                  {Array.from({ length: BATCH_MAX - BATCH_MIN + 1 }, (_, i) => BATCH_MIN + i).map((n) => (
                    <option key={n} value={n}>
                      {n} seeds
                    </option>
                  ))}
                </select>
                <span className="min-w-0 truncate text-[11px] text-fg-muted">critiqued as they finish</span>
              </>
            ) : (
              <span className="min-w-0 truncate text-[11px] text-fg-muted">several seeds, each critiqued</span>
            )}
          </div>
        )}
        {refusal && (
          <p
            role="alert"
            data-testid="generate-error"
            className="flex gap-1.5 rounded-lg bg-red-50 px-2.5 py-2 text-xs text-red-800 dark:bg-red-950/50 dark:text-red-200"
          >
            <AlertIcon className="mt-px size-3.5 shrink-0" />
            <span>{refusal}</span>
          </p>
        )}
        <Button type="submit" variant="primary" data-testid="generate-button" disabled={submitting} className="h-10 w-full text-sm">
          {submitting ? <SpinnerIcon className="size-4" /> : <SparkleIcon className="size-4" />}
          {submitting ? "Queuing…" : batch.on && video ? `Generate ${batch.count} seeds` : "Generate"}
          <kbd className="ml-1 hidden rounded bg-black/10 px-1 font-sans text-[10px] font-semibold sm:inline">Ctrl ↵</kbd>
        </Button>
      </div>
    </form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-3">
      <SectionTitle>{title}</SectionTitle>
      {children}
    </section>
  );
}
