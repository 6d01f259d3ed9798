"use client";

import { Field, InputField, invalidInput } from "@/components/generation/field";
import { Button } from "@/components/ui/button";
import { DiceIcon } from "@/components/ui/icons";
import { inputBase } from "@/components/ui/styles";
import { Switch } from "@/components/ui/switch";
import { modeDefaults, type GenerationProfileInfo, type NumberRange } from "@/lib/backends/generation-families";
import type { DraftErrors, GenerateDraft } from "@/lib/generation/form";
import { randomSeed } from "@/lib/generation/form-choices";
import type { FormFields } from "@/lib/generation/form-fields";

interface SamplingFieldsProps {
  info: GenerationProfileInfo;
  draft: GenerateDraft;
  /** The fields this mode sends (lib/generation/form-fields.ts). */
  fields: FormFields;
  errors: DraftErrors;
  onChange: <K extends keyof GenerateDraft>(key: K, value: GenerateDraft[K]) => void;
}

type NumericKey = "steps" | "guidanceScale";

function SliderField({
  id,
  label,
  range,
  step,
  draft,
  error,
  onChange,
}: {
  id: NumericKey;
  label: string;
  range: NumberRange;
  step: number;
  draft: string;
  error?: string | undefined;
  onChange: (value: string) => void;
}) {
  const value = Number(draft);
  return (
    <Field label={label} htmlFor={`gen-${id}`} errorId={`gen-${id}-error`} error={error} aside={`${range.min}–${range.max}`}>
      <div className="flex items-center gap-3">
        <input
          type="range"
          aria-label={`${label} slider`}
          min={range.min}
          max={range.max}
          step={step}
          value={Number.isFinite(value) ? value : range.min}
          onChange={(e) => onChange(e.target.value)}
          className="h-1.5 min-w-0 flex-1 cursor-pointer accent-brand-500"
        />
        <input
          id={`gen-${id}`}
          data-testid={`gen-${id}`}
          inputMode="decimal"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `gen-${id}-error` : undefined}
          value={draft}
          onChange={(e) => onChange(e.target.value)}
          className={`${inputBase.replace(" py-2 ", " py-1 ")} h-8 w-16 shrink-0 text-right font-mono tabular-nums ${error ? invalidInput : ""}`}
        />
      </div>
    </Field>
  );
}

const SWITCHES = [
  { key: "promptUpsampling", label: "Prompt upsampling", hint: "The NIM rewrites a short prompt into a detailed one first." },
  { key: "generateSound", label: "Generate sound", hint: "An audio track with the video." },
  { key: "guardrails", label: "Guardrails", hint: "The generator's content safety checks." },
] as const;

/** Steps, guidance, flow shift, seed and the switches the profile understands. */
export function SamplingFields({ info, draft, fields, errors, onChange }: SamplingFieldsProps) {
  const serverFlowShift = modeDefaults(info, draft.mode).flowShift;
  const form = { draft, errors, onChange };
  const switches = SWITCHES.filter(({ key }) => fields.shown.has(key));
  return (
    <div className="space-y-3.5">
      <SliderField
        id="steps"
        label="Steps"
        range={info.limits.steps}
        step={1}
        draft={draft.steps}
        error={errors.steps}
        onChange={(v) => onChange("steps", v)}
      />
      <SliderField
        id="guidanceScale"
        label="Guidance"
        range={info.limits.guidanceScale}
        step={0.5}
        draft={draft.guidanceScale}
        error={errors.guidanceScale}
        onChange={(v) => onChange("guidanceScale", v)}
      />
      {fields.shown.has("flowShift") && (
        <InputField
          label="Flow shift"
          inputMode="decimal"
          placeholder="server default"
          aside={serverFlowShift === undefined ? "empty: server default" : `default ${serverFlowShift}`}
          form={form}
          name="flowShift"
        />
      )}
      <InputField
        label="Seed"
        inputMode="numeric"
        placeholder="random"
        form={form}
        name="seed"
        trailing={
          <Button
            size="icon"
            variant="secondary"
            className="size-8 shrink-0"
            data-testid="seed-dice"
            aria-label="Roll a random seed"
            title="Roll a random seed"
            onClick={() => onChange("seed", String(randomSeed()))}
          >
            <DiceIcon className="size-4" />
          </Button>
        }
      />
      {switches.map(({ key, label, hint }) => (
        <div key={key} className="flex items-center justify-between gap-3">
          <span className="min-w-0">
            <span className="block text-xs font-medium text-fg-body">{label}</span>
            <span className="block text-[11px] leading-snug text-fg-muted">{hint}</span>
          </span>
          <Switch checked={draft[key]} onChange={(checked) => onChange(key, checked)} aria-label={label} data-testid={`gen-${key}`} />
        </div>
      ))}
      {switches.some(({ key }) => key === "generateSound") && draft.generateSound && (
        <InputField label="Sound duration (s)" inputMode="decimal" placeholder="the video's length" form={form} name="soundDuration" />
      )}
    </div>
  );
}
