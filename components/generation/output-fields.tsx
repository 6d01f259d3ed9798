"use client";

import { compactSelect, DraftInput, Field, InputField, type DraftForm } from "@/components/generation/field";
import { Segmented } from "@/components/ui/segmented";
import { ASPECT_RATIOS, RESOLUTION_TIERS, type GenerationProfileInfo } from "@/lib/backends/generation-families";
import type { DraftErrors, GenerateDraft } from "@/lib/generation/form";
import { describeClip, fpsChoices, frameChoices, outputSize } from "@/lib/generation/form-choices";
import type { FormFields } from "@/lib/generation/form-fields";

interface OutputFieldsProps {
  info: GenerationProfileInfo;
  draft: GenerateDraft;
  /** The fields this mode sends (lib/generation/form-fields.ts). */
  fields: FormFields;
  errors: DraftErrors;
  /** A value moved to one the server takes, e.g. frames over a smaller tier's cap. */
  notice: string | null;
  onChange: <K extends keyof GenerateDraft>(key: K, value: GenerateDraft[K]) => void;
}

const select = `${compactSelect} w-full tabular-nums`;

/** Size, frames and fps, offering only what the profile takes and the mode sends. */
export function OutputFields({ info, draft, fields, errors, notice, onChange }: OutputFieldsProps) {
  const size = outputSize(info, draft);
  const frames = frameChoices(info, draft.resolution);
  const video = fields.shown.has("frames");
  const framesNumber = Number(draft.frames);
  const form = { draft, errors, onChange };
  return (
    <div className="space-y-3.5">
      {!fields.shown.has("size") ? null : info.sizing === "tier" ? (
        <div className="space-y-2.5">
          <div className="flex items-center justify-between gap-2">
            <span className="text-xs font-medium text-fg-body">Resolution</span>
            <span data-testid="output-size" className="text-[11px] text-fg-muted tabular-nums">
              {size ? `${size.width}×${size.height}` : ""}
            </span>
          </div>
          <Segmented
            label="Resolution"
            data-testid="resolution"
            value={draft.resolution}
            options={RESOLUTION_TIERS.map((tier) => ({ value: tier, label: tier }))}
            onChange={(value) => onChange("resolution", value)}
          />
          <div className="overflow-x-auto">
            <Segmented
              label="Aspect ratio"
              data-testid="aspect"
              value={draft.aspect}
              options={ASPECT_RATIOS.map((aspect) => ({ value: aspect, label: aspect }))}
              onChange={(value) => onChange("aspect", value)}
            />
          </div>
        </div>
      ) : (
        <div className="grid grid-cols-2 gap-3">
          <InputField label="Width" inputMode="numeric" form={form} name="width" />
          <InputField label="Height" inputMode="numeric" form={form} name="height" />
          <p className="col-span-2 -mt-1 text-[11px] text-fg-muted">
            Multiples of 8, {info.limits.side?.min ?? 8}–{info.limits.side?.max ?? 8192} px each.
          </p>
        </div>
      )}
      {video && (
        <div className="grid grid-cols-2 gap-3">
          <Field label="Frames" htmlFor="gen-frames" errorId="gen-frames-error" error={errors.frames}>
            {frames ? (
              <select
                id="gen-frames"
                data-testid="gen-frames"
                value={draft.frames}
                onChange={(e) => onChange("frames", e.target.value)}
                className={select}
              >
                {frames.map((count) => (
                  <option key={count} value={count}>
                    {count}
                  </option>
                ))}
              </select>
            ) : (
              <DraftInput inputMode="numeric" form={form} name="frames" />
            )}
          </Field>
          <Field label="FPS" htmlFor="gen-fps">
            <select
              id="gen-fps"
              data-testid="gen-fps"
              value={draft.fps}
              onChange={(e) => onChange("fps", Number(e.target.value))}
              className={select}
            >
              {fpsChoices(info).map((fps) => (
                <option key={fps} value={fps}>
                  {fps}
                </option>
              ))}
            </select>
          </Field>
          <p data-testid="clip-length" className="col-span-2 -mt-1 text-[11px] text-fg-muted tabular-nums">
            {Number.isInteger(framesNumber) && framesNumber > 0 ? describeClip(framesNumber, draft.fps) : "\u00a0"}
            {frames && ` · 1 + 4k frames, up to ${frames.at(-1)}${info.limits.framesPerTier ? ` at ${draft.resolution}` : ""}`}
          </p>
          {notice && (
            <p role="status" data-testid="frames-notice" className="col-span-2 -mt-1 text-[11px] text-amber-700 dark:text-amber-300">
              {notice}
            </p>
          )}
        </div>
      )}
      {fields.shown.has("conditioning") && <ConditioningFields form={form} />}
      {fields.absent && (
        <p data-testid="absent-fields" className="text-[11px] leading-snug text-fg-muted">
          {fields.absent}
        </p>
      )}
    </div>
  );
}

/** video2world: which latent frames of the input condition the result, and which end of a long input is kept. */
function ConditioningFields({ form }: { form: DraftForm }) {
  const { draft, onChange } = form;
  return (
    <div className="grid grid-cols-2 gap-3">
      <InputField
        id="condition-frames"
        label="Condition on latents"
        placeholder="server default (0, 1)"
        form={form}
        name="conditionFrames"
      />
      <Field label="Keep input" htmlFor="gen-condition-keep">
        <select
          id="gen-condition-keep"
          data-testid="gen-condition-keep"
          value={draft.conditionKeep}
          onChange={(e) => onChange("conditionKeep", e.target.value as GenerateDraft["conditionKeep"])}
          className={select}
        >
          <option value="">server default</option>
          <option value="first">first frames</option>
          <option value="last">last frames</option>
        </select>
      </Field>
    </div>
  );
}
