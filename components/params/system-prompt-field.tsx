import { inputStyles } from "@/components/ui/styles";
import { FAMILY_INFO, type Family } from "@/lib/backends/families";

interface SystemPromptFieldProps {
  value: string;
  onChange: (value: string) => void;
  family: Family;
  reasoning: boolean;
}

export function SystemPromptField({ value, onChange, family, reasoning }: SystemPromptFieldProps) {
  const switchKind = reasoning ? FAMILY_INFO[family].reasoningSwitch : "none";
  return (
    <div className="space-y-2">
      <label htmlFor="system-prompt" className="block text-sm font-semibold">
        System prompt
      </label>
      <textarea
        id="system-prompt"
        data-testid="system-prompt"
        aria-label="System prompt"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        rows={3}
        placeholder="Optional. For example: You are a careful robotics engineer. Answer in three sentences."
        className={`${inputStyles} max-h-60 min-h-20 resize-y leading-relaxed [field-sizing:content]`}
      />
      <p className="text-xs text-fg-muted">
        {switchKind === "system-think"
          ? "With reasoning on, /think is added to the system message for you."
          : switchKind === "system-prompt"
            ? "With reasoning on, the <think>/<answer> format is added to the system message for you."
            : "Sent first on every turn. Changes apply to the next message."}
      </p>
    </div>
  );
}
