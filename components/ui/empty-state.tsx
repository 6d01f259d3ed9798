import type { ReactNode } from "react";

import { InfoIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";

// The first screen of a page before anything was made: a mark, a heading, a sentence, prompts to
// start from, and a note when the backend is the simulator. Each page brings its own words.

interface EmptyStateShellProps {
  testId: string;
  icon: ReactNode;
  title: ReactNode;
  description: ReactNode;
  /** What to start from, e.g. `<ExamplePrompts>`. */
  children?: ReactNode;
  /** Shown in the simulated-backend note; none for a real backend. */
  simulatedNote?: ReactNode;
  className?: string;
}

export function EmptyStateShell({ testId, icon, title, description, children, simulatedNote, className = "" }: EmptyStateShellProps) {
  return (
    <div data-testid={testId} className={`flex animate-fade-in flex-col items-center gap-8 pt-[6vh] text-center ${className}`}>
      <div className="flex flex-col items-center gap-4">
        {icon}
        <div className="space-y-2">
          <h1 className="text-2xl font-semibold tracking-tight text-balance sm:text-3xl">{title}</h1>
          <p className="mx-auto max-w-md text-[15px] text-fg-soft text-balance">{description}</p>
        </div>
      </div>
      {children}
      {simulatedNote && (
        <p
          data-testid="simulated-note"
          className="flex max-w-xl items-start gap-2 rounded-xl bg-sky-50 px-4 py-3 text-left text-sm text-sky-900 dark:bg-sky-950/50 dark:text-sky-200"
        >
          <InfoIcon className="mt-0.5 size-4 shrink-0" />
          <span>{simulatedNote}</span>
        </p>
      )}
    </div>
  );
}

export interface ExamplePrompt {
  title: string;
  prompt: string;
}

/** Example prompts as cards; picking one puts its prompt in the page's text field. */
export function ExamplePrompts({
  examples,
  onPick,
  columns = 2,
}: {
  examples: readonly ExamplePrompt[];
  onPick: (prompt: string) => void;
  columns?: 2 | 3;
}) {
  const dense = columns === 3;
  return (
    <ul className={`grid w-full gap-3 ${dense ? "sm:grid-cols-3" : "sm:grid-cols-2"}`} aria-label="Example prompts">
      {examples.map((example) => (
        <li key={example.title}>
          <button
            type="button"
            data-testid="example-prompt"
            onClick={() => onPick(example.prompt)}
            className={`group h-full w-full rounded-xl border border-zinc-200 bg-white ${dense ? "p-3.5" : "p-4"} text-left shadow-xs transition hover:-translate-y-px hover:border-brand-500/60 hover:shadow-md dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-brand-500/50 ${focusRing}`}
          >
            <span className="block text-sm font-semibold text-fg-strong group-hover:text-brand-700 dark:group-hover:text-brand-300">
              {example.title}
            </span>
            <span
              className={`mt-1 text-fg-muted ${dense ? "line-clamp-3 text-xs leading-snug" : "line-clamp-2 text-sm leading-snug sm:line-clamp-none"}`}
            >
              {example.prompt}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
