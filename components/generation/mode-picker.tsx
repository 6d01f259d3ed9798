"use client";

import { ChartIcon, FilmIcon, HandIcon, ImageIcon, LinkIcon, SparkleIcon } from "@/components/ui/icons";
import type { UnavailableMode } from "@/lib/backends/generation-contracts";
import type { GenerationMode } from "@/lib/backends/generation-families";

const MODES: Record<GenerationMode, { title: string; detail: string; Icon: typeof FilmIcon }> = {
  text2world: { title: "Text → world", detail: "a video from a prompt", Icon: SparkleIcon },
  image2world: { title: "Image → world", detail: "a video from a first frame", Icon: ImageIcon },
  video2world: { title: "Video → world", detail: "a video that continues a clip", Icon: FilmIcon },
  text2image: { title: "Text → image", detail: "one picture from a prompt", Icon: ImageIcon },
  forward_dynamics: { title: "Actions → world", detail: "roll a scene forward under actions", Icon: HandIcon },
  policy: { title: "Policy", detail: "actions and rollout from a frame", Icon: ChartIcon },
  inverse_dynamics: { title: "Video → actions", detail: "the actions that explain a clip", Icon: ChartIcon },
  transfer: { title: "Transfer", detail: "a new look that follows a control", Icon: LinkIcon },
};

interface ModePickerProps {
  modes: readonly GenerationMode[];
  /** Modes this server does not have, each said with its reason. */
  unavailable: readonly UnavailableMode[];
  /** Which contract the server speaks and how that was found. */
  contractNote?: string | undefined;
  value: GenerationMode;
  onChange: (mode: GenerationMode) => void;
}

/** Modes missing for the same reason are named together, once. */
function groupByReason(unavailable: readonly UnavailableMode[]): { modes: GenerationMode[]; reason: string }[] {
  const groups: { modes: GenerationMode[]; reason: string }[] = [];
  for (const { mode, reason } of unavailable) {
    const same = groups.find((group) => group.reason === reason);
    if (same) same.modes.push(mode);
    else groups.push({ modes: [mode], reason });
  }
  return groups;
}

// Radio inputs under the cards, so arrow keys and screen readers treat it as the radio group it is.
export function ModePicker({ modes, unavailable, contractNote, value, onChange }: ModePickerProps) {
  return (
    <div className="space-y-2">
      <div role="radiogroup" aria-label="Mode" data-testid="mode-picker" className="grid grid-cols-2 gap-1.5">
        {modes.map((mode) => {
          const { title, detail, Icon } = MODES[mode];
          const checked = mode === value;
          return (
            <label
              key={mode}
              data-testid={`mode-${mode}`}
              className={`flex cursor-pointer items-start gap-2 rounded-lg border px-2.5 py-2 transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500 ${
                checked
                  ? "border-brand-500 bg-brand-50 dark:border-brand-500/70 dark:bg-brand-500/10"
                  : "border-line-strong bg-surface hover:border-zinc-300 dark:hover:border-zinc-600"
              }`}
            >
              <input
                type="radio"
                name="generation-mode"
                value={mode}
                checked={checked}
                onChange={() => onChange(mode)}
                className="sr-only"
              />
              <Icon className={`mt-0.5 size-4 shrink-0 ${checked ? "text-brand-700 dark:text-brand-400" : "text-zinc-400"}`} />
              <span className="min-w-0">
                <span className="block text-xs font-semibold text-fg-strong">{title}</span>
                <span className="block text-[11px] leading-tight text-fg-muted">{detail}</span>
              </span>
            </label>
          );
        })}
      </div>
      {unavailable.length > 0 && (
        <ul data-testid="unavailable-modes" className="space-y-0.5 text-[11px] leading-snug text-fg-muted">
          {groupByReason(unavailable).map(({ modes: group, reason }) => (
            <li key={group[0]} data-testid={`unavailable-${group[0]}`} data-modes={group.join(" ")}>
              <span className="font-medium text-fg-secondary">{group.map((mode) => MODES[mode].title).join(", ")}:</span> {reason}
            </li>
          ))}
        </ul>
      )}
      {contractNote && (
        <p data-testid="contract-note" className="text-[11px] leading-snug text-fg-muted">
          {contractNote}
        </p>
      )}
    </div>
  );
}
