"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { XIcon } from "@/components/ui/icons";

interface ModalDialogProps {
  title: string;
  /** A line under the title. */
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** Tailwind width, e.g. "w-[min(48rem,calc(100vw-2rem))]". */
  widthClass?: string;
  "data-testid"?: string;
}

/**
 * A native modal <dialog>, opened when mounted: it traps focus and hides the page from assistive
 * tech by itself. Escape closes it without reaching the page's own Escape (which stops a stream).
 */
export function ModalDialog({ title, description, onClose, children, widthClass = "w-[min(32rem,calc(100vw-2rem))]", ...rest }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  // What had focus before the dialog: read while rendering, before showModal moves focus inside.
  const [opener] = useState(() => (typeof document === "undefined" ? null : document.activeElement));

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      // Focus goes back to what opened the dialog, as a person using the keyboard expects. Only
      // on a real unmount (the node is gone), not on React's development double run of effects.
      if (!dialog?.isConnected && opener instanceof HTMLElement) opener.focus();
    };
  }, [opener]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      data-testid={rest["data-testid"]}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      // Browsers may close a modal on Escape without a cancel event (no recent user activation).
      onClose={onClose}
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
      onClick={(event) => event.target === event.currentTarget && onClose()}
      className={`m-auto max-h-[min(52rem,calc(100dvh-2rem))] ${widthClass} animate-fade-in overflow-hidden rounded-2xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-zinc-950/50 backdrop:backdrop-blur-[2px] dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100`}
    >
      <div className="flex max-h-[inherit] flex-col">
        <div className="flex shrink-0 items-start gap-3 border-b border-zinc-200 px-5 py-3.5 dark:border-zinc-800">
          <div className="min-w-0 flex-1 space-y-0.5">
            <h2 id={titleId} className="text-base font-semibold tracking-tight">
              {title}
            </h2>
            {description && (
              <p id={descriptionId} className="text-sm text-zinc-600 dark:text-zinc-400">
                {description}
              </p>
            )}
          </div>
          <Button variant="ghost" size="iconSm" aria-label="Close" onClick={onClose} className="-mr-1.5 shrink-0">
            <XIcon className="size-4" />
          </Button>
        </div>
        {/* Focusable so that keyboard users can scroll a long body. */}
        <div tabIndex={0} className="min-h-0 flex-1 overflow-y-auto outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-inset">
          {children}
        </div>
      </div>
    </dialog>
  );
}
