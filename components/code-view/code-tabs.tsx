"use client";

import { useRef, type KeyboardEvent } from "react";

import { focusRing } from "@/components/ui/styles";

export type SnippetLanguage = "curl" | "python" | "typescript";

const LANGUAGES: readonly { value: SnippetLanguage; label: string }[] = [
  { value: "curl", label: "curl" },
  { value: "python", label: "Python" },
  { value: "typescript", label: "TypeScript" },
];

interface CodeTabsProps {
  value: SnippetLanguage;
  onChange: (value: SnippetLanguage) => void;
  /** Ids for aria-controls / aria-labelledby. */
  tabId: (value: SnippetLanguage) => string;
  panelId: string;
}

// The WAI-ARIA tabs pattern: one tab stop, arrow keys (and Home/End) move and select.
export function CodeTabs({ value, onChange, tabId, panelId }: CodeTabsProps) {
  const refs = useRef(new Map<SnippetLanguage, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent) {
    const index = LANGUAGES.findIndex((l) => l.value === value);
    const last = LANGUAGES.length - 1;
    const next = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const language = LANGUAGES[next]!.value;
    onChange(language);
    refs.current.get(language)?.focus();
  }

  return (
    <div role="tablist" aria-label="Language" onKeyDown={onKeyDown} className="flex gap-1">
      {LANGUAGES.map((language) => {
        const selected = language.value === value;
        return (
          <button
            key={language.value}
            ref={(node) => {
              if (node) refs.current.set(language.value, node);
              else refs.current.delete(language.value);
            }}
            type="button"
            role="tab"
            id={tabId(language.value)}
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            data-testid={`code-tab-${language.value}`}
            onClick={() => onChange(language.value)}
            className={`-mb-px rounded-t-md border-b-2 px-3 py-2 text-sm font-medium transition-colors ${
              selected ? "border-brand-500 text-fg-strong" : "border-transparent text-fg-soft hover:text-fg-strong"
            } ${focusRing}`}
          >
            {language.label}
          </button>
        );
      })}
    </div>
  );
}
