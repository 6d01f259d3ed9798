import { useId } from "react";

import { Switch } from "@/components/ui/switch";
import { FAMILY_INFO, type Family } from "@/lib/backends/families";

interface ReasoningToggleProps {
  family: Family;
  checked: boolean;
  /** Why reasoning cannot be turned on, or null when it can. */
  unavailableReason: string | null;
  onChange: (on: boolean) => void;
}

function howItWorks(family: Family): string {
  switch (FAMILY_INFO[family].reasoningSwitch) {
    case "system-think":
      return "Adds the /think system message for you; reasoning streams into the Think pane.";
    case "system-prompt":
      return "Adds the <think>/<answer> format to the system message, as the model's own scripts do; reasoning streams into the Think pane.";
    default:
      return "Appends the <think>/<answer> format to your message; reasoning streams into the Think pane.";
  }
}

export function ReasoningToggle({ family, checked, unavailableReason, onChange }: ReasoningToggleProps) {
  const descriptionId = useId();
  const disabled = unavailableReason !== null;
  return (
    <div className="flex items-start justify-between gap-4">
      <div className="min-w-0 space-y-1">
        <p className="text-sm font-semibold">Reasoning</p>
        <p id={descriptionId} className={`text-xs leading-relaxed ${disabled ? "text-amber-700 dark:text-amber-400" : "text-fg-muted"}`}>
          {unavailableReason ?? howItWorks(family)}
        </p>
      </div>
      <Switch
        data-testid="reasoning-toggle"
        aria-label="Reasoning"
        aria-describedby={descriptionId}
        checked={checked && !disabled}
        disabled={disabled}
        onChange={onChange}
      />
    </div>
  );
}
