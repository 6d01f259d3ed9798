import type { ReactNode } from "react";

import { inputBase, inputStyles } from "@/components/ui/styles";
import type { DraftErrors, DraftField, GenerateDraft } from "@/lib/generation/form";

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

/** The form's state and setter, as every field of the Generate form takes them. */
export interface DraftForm {
  draft: GenerateDraft;
  errors: DraftErrors;
  onChange: <K extends keyof GenerateDraft>(key: K, value: GenerateDraft[K]) => void;
}

type TextKey = { [K in keyof GenerateDraft]: GenerateDraft[K] extends string ? K : never }[keyof GenerateDraft] & DraftField;

interface DraftInputProps {
  form: DraftForm;
  name: TextKey;
  /** The control is `gen-<id>` (its id and test id), its error `gen-<id>-error`; the name by default. */
  id?: string;
  inputMode?: "numeric" | "decimal";
  placeholder?: string;
}

/** A text input of the form, wired to its draft value, its label and its error sentence. */
export function DraftInput({ form, name, id = name, inputMode, placeholder }: DraftInputProps) {
  const error = form.errors[name];
  return (
    <input
      id={`gen-${id}`}
      data-testid={`gen-${id}`}
      inputMode={inputMode}
      autoComplete="off"
      placeholder={placeholder}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `gen-${id}-error` : undefined}
      value={form.draft[name]}
      onChange={(e) => form.onChange(name, e.target.value)}
      className={`${compactInput} font-mono tabular-nums ${error ? invalidInput : ""}`}
    />
  );
}

/** One row of the form: label, input, error; `trailing` sits beside the input (e.g. a dice button). */
export function InputField({
  label,
  aside,
  trailing,
  ...input
}: DraftInputProps & { label: string; aside?: ReactNode; trailing?: ReactNode }) {
  const id = input.id ?? input.name;
  return (
    <Field label={label} htmlFor={`gen-${id}`} errorId={`gen-${id}-error`} error={input.form.errors[input.name]} aside={aside}>
      {trailing ? (
        <div className="flex gap-1.5">
          <DraftInput {...input} />
          {trailing}
        </div>
      ) : (
        <DraftInput {...input} />
      )}
    </Field>
  );
}
