"use client";

import { useId } from "react";

import type { ToolsDraftState } from "@/components/tools/use-tools-draft";
import { Button } from "@/components/ui/button";
import { AlertIcon } from "@/components/ui/icons";
import { inputStyles } from "@/components/ui/styles";
import { Switch } from "@/components/ui/switch";
import { FAMILY_INFO, type Family } from "@/lib/backends/families";
import { EXAMPLE_TOOLS } from "@/lib/chat/tool-examples";

interface ToolsPanelProps {
  family: Family;
  state: ToolsDraftState;
}

const CHOICES = [
  { value: "auto", label: "Auto — the model decides" },
  { value: "required", label: "Required — call at least one" },
  { value: "none", label: "None — tools are not sent" },
];

/** Tool definitions as JSON, the tool_choice and the parallel-calls switch (docs/nim-protocols.md §1.7). */
export function ToolsPanel({ family, state }: ToolsPanelProps) {
  const descriptionId = useId();
  const errorsId = useId();
  const { draft, parsed, supported } = state;
  const names = parsed.tools.map((tool) => tool.name);
  const on = draft.enabled && supported;

  return (
    <section className="space-y-3" aria-label="Tools">
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0 space-y-1">
          <p className="text-sm font-semibold">Tools</p>
          {/* A family without tools is not a fault, so its reason reads as a note, not a warning. */}
          <p id={descriptionId} data-testid="tools-description" className="text-xs leading-relaxed text-fg-muted">
            {supported
              ? "Function definitions the model may call. Its calls appear as cards you answer with a result."
              : `${FAMILY_INFO[family].label} does not document tool calling. Pick a Nemotron Nano VL, Cosmos3 Reasoner or OpenAI-compatible backend.`}
          </p>
        </div>
        <Switch
          data-testid="tools-toggle"
          aria-label="Tools"
          aria-describedby={descriptionId}
          checked={on}
          disabled={!supported}
          onChange={(enabled) => state.edit({ enabled })}
        />
      </div>
      {on && (
        <>
          <div className="space-y-1.5">
            <div className="flex items-center justify-between">
              <label htmlFor="tools-json" className="text-xs font-medium text-fg-body">
                Definitions (JSON)
              </label>
              <Button size="sm" variant="ghost" onClick={() => state.edit({ text: JSON.stringify(EXAMPLE_TOOLS, null, 2) })}>
                Load robot examples
              </Button>
            </div>
            <textarea
              id="tools-json"
              data-testid="tools-json"
              spellCheck={false}
              value={draft.text}
              onChange={(event) => state.edit({ text: event.target.value })}
              aria-invalid={parsed.errors.length > 0}
              aria-describedby={parsed.errors.length > 0 ? errorsId : undefined}
              rows={10}
              className={`${inputStyles} max-h-96 min-h-40 resize-y font-mono text-xs leading-relaxed aria-invalid:border-red-400 dark:aria-invalid:border-red-500`}
            />
            {parsed.errors.length > 0 ? (
              <ul id={errorsId} data-testid="tools-errors" className="space-y-1 text-xs text-fg-danger">
                {parsed.errors.map((error) => (
                  <li key={error} className="flex gap-1.5">
                    <AlertIcon className="mt-0.5 size-3.5 shrink-0" />
                    {error}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="flex flex-wrap gap-1 text-xs text-fg-muted">
                {names.length} {names.length === 1 ? "tool" : "tools"}:
                {names.map((name) => (
                  <code key={name} className="rounded bg-surface-muted px-1 font-mono break-all text-fg-body">
                    {name}
                  </code>
                ))}
              </p>
            )}
          </div>
          <div className="space-y-1.5">
            <label htmlFor="tool-choice" className="text-xs font-medium text-fg-body">
              Tool choice
            </label>
            <select
              id="tool-choice"
              data-testid="tool-choice"
              value={draft.choice}
              onChange={(event) => state.edit({ choice: event.target.value })}
              className={inputStyles}
            >
              {CHOICES.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
              {names.map((name) => (
                <option key={name} value={`tool:${name}`}>
                  Always {name}
                </option>
              ))}
            </select>
          </div>
          <label className="flex items-center justify-between gap-4 text-xs font-medium text-fg-body">
            Parallel calls
            <Switch aria-label="Parallel calls" checked={draft.parallel} onChange={(parallel) => state.edit({ parallel })} />
          </label>
        </>
      )}
    </section>
  );
}
