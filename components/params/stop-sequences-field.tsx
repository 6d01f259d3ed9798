"use client";

import { useId, useState, type KeyboardEvent } from "react";

import { XIcon } from "@/components/ui/icons";
import { focusRing, inputStyles } from "@/components/ui/styles";
import { MAX_STOP_LENGTH, MAX_STOP_SEQUENCES } from "@/lib/chat/params";

// Typed "\n" stands for a newline, since a one-line input cannot hold one.
const toValue = (typed: string) => typed.replace(/\\n/g, "\n");
const toLabel = (value: string) => value.replace(/\n/g, "\\n");

interface StopSequencesFieldProps {
  value: string[];
  onChange: (value: string[]) => void;
}

export function StopSequencesField({ value, onChange }: StopSequencesFieldProps) {
  const [draft, setDraft] = useState("");
  const inputId = useId();
  const hintId = useId();
  const full = value.length >= MAX_STOP_SEQUENCES;

  function add() {
    const next = toValue(draft);
    if (next === "" || full || value.includes(next)) return;
    onChange([...value, next]);
    setDraft("");
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") {
      event.preventDefault();
      add();
    } else if (event.key === "Backspace" && draft === "" && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  }

  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between">
        <label htmlFor={inputId} className="text-xs font-medium text-fg-body">
          Stop sequences
        </label>
        <span className="text-[11px] text-zinc-400 tabular-nums">
          {value.length}/{MAX_STOP_SEQUENCES}
        </span>
      </div>
      {value.length > 0 && (
        <ul className="flex flex-wrap gap-1.5" aria-label="Stop sequences">
          {value.map((stop) => (
            <li
              key={stop}
              className="inline-flex items-center gap-1 rounded-md border border-line-strong bg-surface-muted py-0.5 pr-0.5 pl-2 font-mono text-xs"
            >
              {toLabel(stop)}
              <button
                type="button"
                aria-label={`Remove stop sequence ${toLabel(stop)}`}
                onClick={() => onChange(value.filter((s) => s !== stop))}
                className={`rounded p-0.5 text-zinc-400 hover:bg-zinc-200 hover:text-zinc-700 dark:hover:bg-zinc-700 dark:hover:text-zinc-200 ${focusRing}`}
              >
                <XIcon className="size-3" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={inputId}
        data-testid="param-stop"
        aria-describedby={hintId}
        value={draft}
        maxLength={MAX_STOP_LENGTH}
        disabled={full}
        placeholder={full ? "Limit reached" : "Type and press Enter"}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={add}
        className={`${inputStyles} h-8 py-1 font-mono`}
      />
      <p id={hintId} className="text-[11px] text-zinc-400 dark:text-zinc-500">
        Generation ends before any of these. Type \n for a newline.
      </p>
    </div>
  );
}
