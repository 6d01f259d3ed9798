"use client";

import { compactInput, Field, invalidInput } from "@/components/generation/field";
import { Button } from "@/components/ui/button";
import type { GenerationProfile } from "@/lib/backends/generation-families";
import type { DraftErrors, GenerateDraft } from "@/lib/generation/form";
import { DROID_POLICY_CHUNK, EXAMPLE_OBSERVATION } from "@/lib/generation/observation";

interface ObservationFieldsProps {
  profile: GenerationProfile;
  draft: GenerateDraft;
  errors: DraftErrors;
  onChange: <K extends keyof GenerateDraft>(key: K, value: GenerateDraft[K]) => void;
}

/** The DROID policy's robot state: 7 joint positions (radians) and the gripper (0 open … 1 closed). */
export function ObservationFields({ profile, draft, errors, onChange }: ObservationFieldsProps) {
  const nim2 = profile === "cosmos3-nim-2.x";
  const error = errors.observation;
  return (
    <div className="space-y-2 rounded-lg border border-line p-2.5" data-testid="observation-fields">
      <label className="flex items-start gap-2 text-xs font-medium text-zinc-700 dark:text-zinc-200">
        <input
          type="checkbox"
          data-testid="gen-observation"
          checked={draft.observation}
          onChange={(e) => onChange("observation", e.target.checked)}
          className="mt-0.5 size-3.5 accent-brand-500"
        />
        <span>
          Robot observation
          <span className="block text-[11px] font-normal text-fg-muted">
            {nim2
              ? `For the DROID policy checkpoint (Nano-DROID): it predicts ${DROID_POLICY_CHUNK} actions from the image and this state, and returns no video.`
              : "For policy checkpoints that condition on the arm's state; sent in extra_params.observation."}
          </span>
        </span>
      </label>
      {draft.observation && (
        <>
          <div className="grid grid-cols-[1fr_6rem] gap-2">
            <Field label="Joint positions (7, rad)" htmlFor="gen-joints" errorId="gen-observation-error" error={error}>
              <input
                id="gen-joints"
                data-testid="gen-joints"
                inputMode="decimal"
                spellCheck={false}
                placeholder="0, -0.63, 0, -2.51, 0, 1.88, 0.79"
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? "gen-observation-error" : undefined}
                value={draft.jointPositions}
                onChange={(e) => onChange("jointPositions", e.target.value)}
                className={`${compactInput} font-mono text-[11px] tabular-nums ${error ? invalidInput : ""}`}
              />
            </Field>
            <Field label="Gripper (0–1)" htmlFor="gen-gripper">
              <input
                id="gen-gripper"
                data-testid="gen-gripper"
                inputMode="decimal"
                placeholder="0"
                aria-invalid={error ? true : undefined}
                value={draft.gripperPosition}
                onChange={(e) => onChange("gripperPosition", e.target.value)}
                className={`${compactInput} font-mono text-[11px] tabular-nums ${error ? invalidInput : ""}`}
              />
            </Field>
          </div>
          <Button
            size="sm"
            variant="ghost"
            data-testid="gen-observation-example"
            onClick={() => {
              onChange("jointPositions", EXAMPLE_OBSERVATION.jointPosition.join(", "));
              onChange("gripperPosition", String(EXAMPLE_OBSERVATION.gripperPosition));
            }}
          >
            Use a neutral pose
          </Button>
        </>
      )}
    </div>
  );
}
