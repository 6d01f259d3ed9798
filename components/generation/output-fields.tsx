"use client";

import { compactInput, compactSelect, Field, invalidInput } from "@/components/generation/field";
import { Segmented } from "@/components/ui/segmented";
import { ASPECT_RATIOS, isActionMode, RESOLUTION_TIERS, type GenerationProfileInfo } from "@/lib/backends/generation-families";
import { describeClip, fpsChoices, frameChoices, outputSize, type DraftErrors, type GenerateDraft } from "@/lib/generation/form";

interface OutputFieldsProps {
  info: GenerationProfileInfo;
  draft: GenerateDraft;
  errors: DraftErrors;
  /** A value moved to one the server takes, e.g. frames over a smaller tier's cap. */
  notice: string | null;
  onChange: <K extends keyof GenerateDraft>(key: K, value: GenerateDraft[K]) => void;
}

const compact = `${compactInput} font-mono tabular-nums`;
const select = `${compactSelect} w-full tabular-nums`;

/** Size, frames and fps, offering only what the profile takes. */
export function OutputFields({ info, draft, errors, notice, onChange }: OutputFieldsProps) {
  const size = outputSize(info, draft);
  const frames = frameChoices(info, draft.resolution);
  // Action rollouts take their length from the actions and their rate from the domain.
  const video = draft.mode !== "text2image" && !isActionMode(draft.mode);
  const framesNumber = Number(draft.frames);
  return (
    <div className="space-y-3.5">
      {info.sizing === "tier" ? (
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
          <Field label="Width" htmlFor="gen-width" errorId="gen-width-error" error={errors.width}>
            <input
              id="gen-width"
              data-testid="gen-width"
              inputMode="numeric"
              autoComplete="off"
              aria-invalid={errors.width ? true : undefined}
              aria-describedby={errors.width ? "gen-width-error" : undefined}
              value={draft.width}
              onChange={(e) => onChange("width", e.target.value)}
              className={`${compact} ${errors.width ? invalidInput : ""}`}
            />
          </Field>
          <Field label="Height" htmlFor="gen-height" errorId="gen-height-error" error={errors.height}>
            <input
              id="gen-height"
              data-testid="gen-height"
              inputMode="numeric"
              autoComplete="off"
              aria-invalid={errors.height ? true : undefined}
              aria-describedby={errors.height ? "gen-height-error" : undefined}
              value={draft.height}
              onChange={(e) => onChange("height", e.target.value)}
              className={`${compact} ${errors.height ? invalidInput : ""}`}
            />
          </Field>
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
              <input
                id="gen-frames"
                data-testid="gen-frames"
                inputMode="numeric"
                autoComplete="off"
                aria-invalid={errors.frames ? true : undefined}
                aria-describedby={errors.frames ? "gen-frames-error" : undefined}
                value={draft.frames}
                onChange={(e) => onChange("frames", e.target.value)}
                className={`${compact} ${errors.frames ? invalidInput : ""}`}
              />
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
      {draft.mode === "video2world" && info.videoConditioning && <ConditioningFields draft={draft} errors={errors} onChange={onChange} />}
    </div>
  );
}

/** video2world: which latent frames of the input condition the result, and which end of a long input is kept. */
function ConditioningFields({ draft, errors, onChange }: Pick<OutputFieldsProps, "draft" | "errors" | "onChange">) {
  return (
    <div className="grid grid-cols-2 gap-3">
      <Field
        label="Condition on latents"
        htmlFor="gen-condition-frames"
        errorId="gen-condition-frames-error"
        error={errors.conditionFrames}
      >
        <input
          id="gen-condition-frames"
          data-testid="gen-condition-frames"
          autoComplete="off"
          placeholder="server default (0, 1)"
          aria-invalid={errors.conditionFrames ? true : undefined}
          aria-describedby={errors.conditionFrames ? "gen-condition-frames-error" : undefined}
          value={draft.conditionFrames}
          onChange={(e) => onChange("conditionFrames", e.target.value)}
          className={`${compact} ${errors.conditionFrames ? invalidInput : ""}`}
        />
      </Field>
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
