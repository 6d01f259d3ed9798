import type { ReactNode } from "react";

import { inputBase, inputStyles } from "@/components/ui/styles";

interface FieldProps {
  label: string;
  /** The id of the control the label names. */
  htmlFor: string;
  /** The id the control's aria-describedby points at, for the error. */
  errorId?: string;
  error?: string | undefined;
  /** Right of the label: a readout such as "832×480". */
  aside?: ReactNode;
  children: ReactNode;
}

/** A label, the control and its error sentence, spaced like the chat page's settings. */
export function Field({ label, htmlFor, errorId, error, aside, children }: FieldProps) {
  return (
    <div className="min-w-0 space-y-1.5">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={htmlFor} className="block text-xs font-medium text-fg-body">
          {label}
        </label>
        {aside && <span className="truncate text-[11px] text-fg-muted tabular-nums">{aside}</span>}
      </div>
      {children}
      {error && (
        <p id={errorId} role="alert" data-testid={`error-${htmlFor}`} className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

export function SectionTitle({ children }: { children: ReactNode }) {
  return <h2 className="text-[11px] font-semibold tracking-wide text-fg-muted uppercase">{children}</h2>;
}

/** The page's input look at the settings' compact height (inputStyles pads for h-9). */
export const compactInput = `${inputStyles.replace(" py-2 ", " py-1 ")} h-8`;
/** Sized by its options unless given a width. */
export const compactSelect = `${inputBase.replace(" py-2 ", " py-1 ")} h-8 cursor-pointer pr-8`;

export const invalidInput = "border-red-400 focus:border-red-500 dark:border-red-700";
