"use client";

import type { ActivePreset } from "@/components/presets/use-prompt-presets";
import { SparkleIcon, XIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";
import type { Family } from "@/lib/backends/families";
import { markCount, presetSampling } from "@/lib/chat/presets";

interface PresetBarProps {
  active: ActivePreset | null;
  family: Family;
  /** Whether reasoning is really on (it can be unavailable, e.g. Nemotron with a video). */
  reasoning: boolean;
  media: { hasImage: boolean; hasVideo: boolean };
  onValue: (value: string) => void;
  onDismiss: () => void;
  /** Why the marks could not be drawn onto the image, for a marks preset. */
  markError?: string | null;
}

/** The active preset above the message: its one field, and what it set. */
export function PresetBar({ active, family, reasoning, media, onValue, onDismiss, markError }: PresetBarProps) {
  if (!active) return null;
  const { preset, value } = active;
  const sampling = presetSampling(preset, family);
  const missing =
    preset.expects === "image" && !media.hasImage
      ? "Attach an image."
      : preset.expects === "video" && !media.hasVideo
        ? "Attach a video."
        : null;
  const chips = [
    reasoning ? "reasoning on" : "reasoning off",
    `temperature ${sampling.temperature}`,
    `top_p ${sampling.top_p}`,
    ...(preset.fps !== null ? [`${preset.fps} fps`] : []),
  ];
  return (
    <div
      data-testid="preset-bar"
      data-preset={preset.id}
      className="flex flex-wrap items-center gap-x-2 gap-y-1.5 border-b border-zinc-100 px-3 py-2 text-xs dark:border-zinc-800"
    >
      <span className="inline-flex items-center gap-1 font-semibold text-brand-700 dark:text-brand-400">
        <SparkleIcon className="size-3.5" /> {preset.label}
      </span>
      {preset.field && (
        <label className="flex min-w-40 flex-1 items-center gap-1.5">
          <span className="text-fg-muted">{preset.field.label}</span>
          <input
            data-testid="preset-field"
            value={value}
            placeholder={preset.field.placeholder}
            onChange={(e) => onValue(e.target.value)}
            className={`h-7 min-w-0 flex-1 rounded-md border border-line-strong bg-surface px-2 text-xs text-fg-strong placeholder:text-zinc-400 ${focusRing} focus-visible:ring-offset-0`}
          />
        </label>
      )}
      {preset.marks && (
        <span data-testid="preset-marks" className="font-medium text-zinc-700 dark:text-zinc-200">
          {markCount(value) > 0
            ? `${markCount(value)} ${markCount(value) === 1 ? "subject" : "subjects"} marked`
            : "Draw on the image, then Mark subjects"}
        </span>
      )}
      <span className="text-fg-muted">{chips.join(" · ")}</span>
      {markError && <span className="font-medium text-fg-danger">{markError}</span>}
      {missing && <span className="font-medium text-amber-700 dark:text-amber-400">{missing}</span>}
      <button
        type="button"
        data-testid="preset-dismiss"
        aria-label={`Close the ${preset.label} preset`}
        onClick={onDismiss}
        className={`ml-auto grid size-5 place-items-center rounded text-zinc-500 hover:bg-surface-muted hover:text-zinc-900 dark:hover:text-white ${focusRing}`}
      >
        <XIcon className="size-3" />
      </button>
    </div>
  );
}
