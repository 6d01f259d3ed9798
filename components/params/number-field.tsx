"use client";

import { useId, type KeyboardEvent } from "react";

import { inputBase, inputStyles } from "@/components/ui/styles";
import { stepField, type ParamField } from "@/lib/chat/params";

interface NumberFieldProps {
  field: ParamField;
  value: string;
  error?: string;
  placeholder?: string;
  /** Adds a range slider beside the text input (temperature, top_p). */
  slider?: boolean;
  onChange: (value: string) => void;
}

// A text input rather than type=number, so half-typed values like "0." stay as typed and the
// message under the field says what is wrong; arrow keys still step the value.
export function NumberField({ field, value, error, placeholder, slider, onChange }: NumberFieldProps) {
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const parsed = Number(value);
  const numeric = value.trim() !== "" && Number.isFinite(parsed);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return;
    event.preventDefault();
    onChange(stepField(field.key, value, event.key === "ArrowUp" ? 1 : -1));
  }

  const input = (
    <input
      id={inputId}
      type="text"
      inputMode={field.integer ? "numeric" : "decimal"}
      autoComplete="off"
      spellCheck={false}
      data-testid={`param-${field.key}`}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${errorId} ${hintId}` : hintId}
      value={value}
      placeholder={placeholder}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={onKeyDown}
      className={`${slider ? `${inputBase} w-20 shrink-0 text-right` : inputStyles} h-8 py-1 font-mono tabular-nums ${
        error ? "border-red-400 focus:border-red-500 dark:border-red-700" : ""
      }`}
    />
  );

  return (
    <div className="space-y-1.5">
      <label htmlFor={inputId} title={field.hint} className="block text-xs font-medium text-fg-body">
        {field.label}
      </label>
      {slider ? (
        <div className="flex items-center gap-3">
          <input
            type="range"
            aria-label={`${field.label} slider`}
            aria-describedby={hintId}
            min={field.minExclusive ? field.step : field.min}
            max={field.max}
            step={field.step}
            value={numeric ? parsed : field.min}
            onChange={(e) => onChange(e.target.value)}
            className="h-1.5 min-w-0 flex-1 cursor-pointer accent-brand-500"
          />
          {input}
        </div>
      ) : (
        input
      )}
      <span id={hintId} className="sr-only">
        {field.hint}
      </span>
      {error && (
        <p id={errorId} className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
