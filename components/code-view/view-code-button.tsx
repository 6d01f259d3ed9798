"use client";

import dynamic from "next/dynamic";
import { useState } from "react";

import type { CodeSource } from "@/components/code-view/code-source";
import { CodeIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";

// The dialog brings the request builder and the snippet generators: loaded on the first click only.
const ViewCodeDialog = dynamic(() => import("@/components/code-view/view-code-dialog"), { ssr: false });

interface ViewCodeButtonProps {
  /** Read when the button is pressed; a sentence when there is nothing to show yet. */
  source: () => CodeSource | string | null;
  /** "footer": a small text button under a reply; "composer": an icon button beside Send. */
  variant?: "footer" | "composer";
  disabled?: boolean;
}

export function ViewCodeButton({ source, variant = "footer", disabled }: ViewCodeButtonProps) {
  const [open, setOpen] = useState<CodeSource | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  function show() {
    const current = source();
    if (current === null) return;
    if (typeof current === "string") {
      setProblem(current);
      return;
    }
    setProblem(null);
    setOpen(current);
  }

  const styles =
    variant === "footer"
      ? "-ml-1 inline-flex items-center gap-1 rounded-md px-1.5 py-1 text-xs text-fg-soft hover:bg-surface-muted hover:text-fg-strong"
      : "inline-flex size-9 items-center justify-center rounded-lg text-fg-soft hover:bg-surface-muted hover:text-fg-strong disabled:cursor-not-allowed disabled:opacity-45";
  return (
    <>
      <button
        type="button"
        data-testid={variant === "footer" ? "view-code" : "view-draft-code"}
        aria-label={variant === "footer" ? "View code of this reply's request" : "View code of the message you are writing"}
        title={problem ?? (variant === "footer" ? "View this request as code" : "View this message as code")}
        disabled={disabled}
        onClick={show}
        className={`${styles} ${focusRing}`}
      >
        <CodeIcon className={variant === "footer" ? "size-3.5" : "size-4"} />
        {variant === "footer" && "Code"}
      </button>
      {problem && (
        <span role="status" className="sr-only">
          {problem}
        </span>
      )}
      {open && <ViewCodeDialog source={open} onClose={() => setOpen(null)} />}
    </>
  );
}
