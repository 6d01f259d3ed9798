"use client";

import { compactInput, Field, invalidInput } from "@/components/generation/field";
import { Button } from "@/components/ui/button";
import { inputBase } from "@/components/ui/styles";
import { Switch } from "@/components/ui/switch";
import { modeDefaults, type GenerationMode, type GenerationProfileInfo, type NumberRange } from "@/lib/backends/generation-families";
import { randomSeed, type DraftErrors, type GenerateDraft } from "@/lib/generation/form";

// Cosmos3 makes sound with text, image and video to world; not with images, actions or transfer.
const SOUND_MODES: readonly GenerationMode[] = ["text2world", "image2world", "video2world"];

interface SamplingFieldsProps {
  info: GenerationProfileInfo;
  draft: GenerateDraft;
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
export function SamplingFields({ info, draft, errors, onChange }: SamplingFieldsProps) {
  const serverFlowShift = modeDefaults(info, draft.mode).flowShift;
  const switches = SWITCHES.filter(({ key }) => info.switches[key] && !(key === "generateSound" && !SOUND_MODES.includes(draft.mode)));
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
      {info.flowShift && (
        <Field
          label="Flow shift"
          htmlFor="gen-flowShift"
          errorId="gen-flowShift-error"
          error={errors.flowShift}
          aside={serverFlowShift === undefined ? "empty: server default" : `default ${serverFlowShift}`}
        >
          <input
            id="gen-flowShift"
            data-testid="gen-flowShift"
            inputMode="decimal"
            autoComplete="off"
            placeholder="server default"
            aria-invalid={errors.flowShift ? true : undefined}
            aria-describedby={errors.flowShift ? "gen-flowShift-error" : undefined}
            value={draft.flowShift}
            onChange={(e) => onChange("flowShift", e.target.value)}
            className={`${compactInput} font-mono tabular-nums ${errors.flowShift ? invalidInput : ""}`}
          />
        </Field>
      )}
      <Field label="Seed" htmlFor="gen-seed" errorId="gen-seed-error" error={errors.seed}>
        <div className="flex gap-1.5">
          <input
            id="gen-seed"
            data-testid="gen-seed"
            inputMode="numeric"
            autoComplete="off"
            placeholder="random"
            aria-invalid={errors.seed ? true : undefined}
            aria-describedby={errors.seed ? "gen-seed-error" : undefined}
            value={draft.seed}
            onChange={(e) => onChange("seed", e.target.value)}
            className={`${compactInput} font-mono tabular-nums ${errors.seed ? invalidInput : ""}`}
          />
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
        </div>
      </Field>
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
        <Field label="Sound duration (s)" htmlFor="gen-soundDuration" errorId="gen-soundDuration-error" error={errors.soundDuration}>
          <input
            id="gen-soundDuration"
            data-testid="gen-soundDuration"
            inputMode="decimal"
            autoComplete="off"
            placeholder="the video's length"
            aria-invalid={errors.soundDuration ? true : undefined}
            aria-describedby={errors.soundDuration ? "gen-soundDuration-error" : undefined}
            value={draft.soundDuration}
            onChange={(e) => onChange("soundDuration", e.target.value)}
            className={`${compactInput} font-mono tabular-nums ${errors.soundDuration ? invalidInput : ""}`}
          />
        </Field>
      )}
    </div>
  );
}

function DiceIcon(props: { className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      {...props}
    >
      <rect x="3" y="3" width="18" height="18" rx="3" />
      <circle cx="8" cy="8" r="1.2" fill="currentColor" />
      <circle cx="16" cy="16" r="1.2" fill="currentColor" />
      <circle cx="12" cy="12" r="1.2" fill="currentColor" />
    </svg>
  );
}
