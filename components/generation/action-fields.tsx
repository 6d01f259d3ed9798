"use client";

import { useMemo, useRef } from "react";

import { ActionPlot } from "@/components/generation/action-plot";
import { compactSelect, Field } from "@/components/generation/field";
import { ObservationFields } from "@/components/generation/observation-fields";
import { Button } from "@/components/ui/button";
import { SparkleIcon, UploadIcon, XIcon } from "@/components/ui/icons";
import { inputStyles } from "@/components/ui/styles";
import { actionShapeError, columnName, EMBODIMENT_LABELS, EMBODIMENTS, type Embodiment } from "@/lib/backends/action-domains";
import type { GenerationProfile } from "@/lib/backends/generation-families";
import { exampleActions } from "@/lib/generation/action-curves";
import { actionsToText, parseActionText } from "@/lib/generation/action-data";
import type { DraftErrors, GenerateDraft } from "@/lib/generation/form";
import { DROID_POLICY_CHUNK } from "@/lib/generation/observation";
import { draftDomain, profileDomains, sendsObservation } from "@/lib/generation/world-form";

interface ActionFieldsProps {
  profile: GenerationProfile;
  draft: GenerateDraft;
  errors: DraftErrors;
  onChange: <K extends keyof GenerateDraft>(key: K, value: GenerateDraft[K]) => void;
}

const select = `${compactSelect} w-full`;

/** The embodiment and its action domain; for forward dynamics the actions too, checked and plotted as typed. */
export function ActionFields({ profile, draft, errors, onChange }: ActionFieldsProps) {
  const fileRef = useRef<HTMLInputElement>(null);
  const domains = profileDomains(profile);
  const domain = draftDomain(profile, draft.mode, draft.actionDomain);
  const embodiments = EMBODIMENTS.filter((e) => domains.some((d) => d.embodiment === e));
  const parsed = useMemo(() => parseActionText(draft.actionText), [draft.actionText]);
  const fits = parsed.ok && actionShapeError(domain, parsed.data) === null;
  const columns = Array.from({ length: domain.dim }, (_, i) => columnName(domain, i));
  const forward = draft.mode === "forward_dynamics";
  // The shape is checked as it is typed; an empty box only once Generate was pressed.
  const shapeError =
    (draft.actionText.trim() ? (parsed.ok ? actionShapeError(domain, parsed.data) : parsed.error) : errors.action) ?? undefined;

  return (
    <div className="space-y-3" data-testid="action-fields">
      <div className="grid grid-cols-2 gap-3">
        <Field label="Embodiment" htmlFor="gen-embodiment">
          <select
            id="gen-embodiment"
            data-testid="gen-embodiment"
            value={domain.embodiment}
            onChange={(e) => onChange("actionDomain", domains.find((d) => d.embodiment === (e.target.value as Embodiment))?.name ?? "")}
            className={select}
          >
            {embodiments.map((e) => (
              <option key={e} value={e}>
                {EMBODIMENT_LABELS[e]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Domain" htmlFor="gen-domain">
          <select
            id="gen-domain"
            data-testid="gen-domain"
            value={domain.name}
            onChange={(e) => onChange("actionDomain", e.target.value)}
            className={select}
          >
            {domains
              .filter((d) => d.embodiment === domain.embodiment)
              .map((d) => (
                <option key={d.name} value={d.name}>
                  {d.label}
                </option>
              ))}
          </select>
        </Field>
      </div>
      <p className="-mt-1 text-[11px] text-fg-muted tabular-nums" data-testid="domain-facts">
        {profile === "cosmos3-nim-2.x" && sendsObservation(profile, draft)
          ? `${domain.name} · the DROID policy checkpoint answers ${DROID_POLICY_CHUNK} steps`
          : `${domain.name} · ${domain.dim} values per step · ${domain.chunk} steps at ${domain.fps} Hz by default`}
      </p>
      {forward ? (
        <Field label="Actions (rows = steps)" htmlFor="gen-actions" errorId="gen-actions-error" error={shapeError}>
          <textarea
            id="gen-actions"
            data-testid="gen-actions"
            rows={5}
            spellCheck={false}
            placeholder={`JSON [[…], …] or CSV: ${domain.chunk} rows × ${domain.dim} columns`}
            aria-invalid={shapeError ? true : undefined}
            aria-describedby={shapeError ? "gen-actions-error" : undefined}
            value={draft.actionText}
            onChange={(e) => onChange("actionText", e.target.value)}
            className={`${inputStyles} resize-y font-mono text-[11px] leading-4`}
          />
          <input
            ref={fileRef}
            type="file"
            hidden
            accept=".json,.csv,.txt,application/json,text/csv,text/plain"
            data-testid="gen-actions-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void file.text().then((text) => onChange("actionText", text));
              e.target.value = "";
            }}
          />
          <div className="flex flex-wrap items-center gap-1.5">
            <Button size="sm" variant="secondary" data-testid="gen-actions-upload" onClick={() => fileRef.current?.click()}>
              <UploadIcon className="size-3.5" /> Upload JSON / CSV
            </Button>
            <Button
              size="sm"
              variant="secondary"
              data-testid="gen-actions-example"
              onClick={() => onChange("actionText", actionsToText(exampleActions(domain.name)))}
            >
              <SparkleIcon className="size-3.5" /> Example
            </Button>
            {draft.actionText && (
              <Button size="sm" variant="ghost" aria-label="Clear the actions" onClick={() => onChange("actionText", "")}>
                <XIcon className="size-3.5" />
              </Button>
            )}
            {fits && parsed.ok && (
              <span data-testid="gen-actions-shape" className="ml-auto text-[11px] text-emerald-700 tabular-nums dark:text-emerald-400">
                {parsed.data.length} × {domain.dim} → {parsed.data.length + 1} frames
              </span>
            )}
          </div>
          {fits && parsed.ok && <ActionPlot data={parsed.data} columns={columns} title={`The ${parsed.data.length} input actions`} />}
        </Field>
      ) : (
        <p
          className="rounded-lg bg-zinc-50 px-2.5 py-2 text-[11px] leading-snug text-fg-secondary dark:bg-zinc-800/60"
          data-testid="action-mode-note"
        >
          {draft.mode === "policy" && profile === "cosmos3-nim-2.x" && sendsObservation(profile, draft)
            ? `Predicts ${DROID_POLICY_CHUNK} actions from the start image, the task in the prompt and the robot's state; this checkpoint returns no video.`
            : draft.mode === "policy"
              ? `Predicts ${domain.chunk} × ${domain.dim} actions from the start image and the task in the prompt, and a ${domain.chunk + 1}-frame rollout.`
              : `Recovers ${domain.chunk} × ${domain.dim} actions from the first ${domain.chunk + 1} frames of the video.`}
        </p>
      )}
      {draft.mode === "policy" && domain.name === "droid_lerobot" && (
        <ObservationFields profile={profile} draft={draft} errors={errors} onChange={onChange} />
      )}
    </div>
  );
}
