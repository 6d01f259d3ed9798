"use client";

import { useId } from "react";

interface SegmentedProps<T extends string> {
  /** Read by screen readers as the group's name. */
  label: string;
  value: T;
  options: readonly { value: T; label: string; disabled?: boolean; title?: string }[];
  onChange: (value: T) => void;
  "data-testid"?: string;
}

// Real radio inputs under the pills, so arrow keys, Tab and screen readers work as for any radio group.
export function Segmented<T extends string>({ label, value, options, onChange, ...rest }: SegmentedProps<T>) {
  const name = useId();
  return (
    <div role="radiogroup" aria-label={label} data-testid={rest["data-testid"]} className="inline-flex rounded-lg bg-surface-muted p-0.5">
      {options.map((option) => (
        <label
          key={option.value}
          title={option.title}
          className={`relative cursor-pointer rounded-md px-2.5 py-1 text-xs font-medium whitespace-nowrap transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500 has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-50 ${
            value === option.value ? "bg-white text-fg-strong shadow-xs dark:bg-zinc-950" : "text-fg-soft hover:text-fg-strong"
          }`}
        >
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            disabled={option.disabled}
            onChange={() => onChange(option.value)}
            className="sr-only"
          />
          {option.label}
        </label>
      ))}
    </div>
  );
}
