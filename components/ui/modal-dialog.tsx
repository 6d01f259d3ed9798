"use client";

import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from "react";

import { Button } from "@/components/ui/button";
import { XIcon } from "@/components/ui/icons";

interface DialogShellProps {
  onClose: () => void;
  children: ReactNode;
  className: string;
  "aria-label"?: string;
  "aria-labelledby"?: string;
  "aria-describedby"?: string;
  "data-testid"?: string;
}

/**
 * A native modal <dialog>, opened when mounted: it traps focus and hides the page from assistive
 * tech by itself. Escape closes it without reaching the page's own Escape (which stops a stream),
 * and so does a click on the backdrop. Focus goes back to what opened it.
 */
export function DialogShell({ onClose, children, className, ...aria }: DialogShellProps) {
  const ref = useRef<HTMLDialogElement>(null);
  // What had focus before the dialog: read while rendering, before showModal moves focus inside.
  const [opener] = useState(() => (typeof document === "undefined" ? null : document.activeElement));
  // A drag that starts inside (drawing a box, selecting text) and ends on the backdrop is no close.
  const pressedBackdrop = useRef(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      // Only on a real unmount (the node is gone), not on React's development double run of effects.
      if (!dialog?.isConnected && opener instanceof HTMLElement) opener.focus();
    };
  }, [opener]);

  return (
    <dialog
      ref={ref}
      {...aria}
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
      onPointerDown={(event) => {
        pressedBackdrop.current = event.target === event.currentTarget;
      }}
      onClick={(event) => {
        if (pressedBackdrop.current && event.target === event.currentTarget) onClose();
      }}
      className={className}
    >
      {children}
    </dialog>
  );
}

/** True while the element's content is taller than the element, i.e. it scrolls. */
function useScrolls(ref: RefObject<HTMLElement | null>): boolean {
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setScrolls(element.scrollHeight > element.clientHeight));
    observer.observe(element);
    for (const child of element.children) observer.observe(child);
    return () => observer.disconnect();
  }, [ref]);
  return scrolls;
}

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

/** A dialog with a title bar and a Close button over a body that scrolls when it is long. */
export function ModalDialog({
  title,
  description,
  onClose,
  children,
  widthClass = "w-[min(32rem,calc(100vw-2rem))]",
  ...rest
}: ModalDialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  const bodyRef = useRef<HTMLDivElement>(null);
  const scrolls = useScrolls(bodyRef);

  return (
    <DialogShell
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      data-testid={rest["data-testid"]}
      onClose={onClose}
      className={`m-auto max-h-[min(52rem,calc(100dvh-2rem))] ${widthClass} animate-fade-in overflow-hidden rounded-2xl border border-line-strong bg-surface p-0 text-fg-strong shadow-2xl backdrop:bg-zinc-950/50`}
    >
      <div className="flex max-h-[inherit] flex-col">
        <div className="flex shrink-0 items-start gap-3 border-b border-line px-5 py-3.5">
          <div className="min-w-0 flex-1 space-y-0.5">
            <h2 id={titleId} className="text-base font-semibold tracking-tight">
              {title}
            </h2>
            {description && (
              <p id={descriptionId} className="text-sm text-fg-soft">
                {description}
              </p>
            )}
          </div>
          <Button
            variant="ghost"
            size="iconSm"
            aria-label="Close"
            data-testid="dialog-close"
            onClick={onClose}
            className="-mr-1.5 shrink-0"
          >
            <XIcon className="size-4" />
          </Button>
        </div>
        {/* A body that scrolls is a tab stop, named after the dialog, so the keyboard can scroll it. */}
        <div
          ref={bodyRef}
          {...(scrolls ? { tabIndex: 0, role: "group", "aria-labelledby": titleId } : {})}
          className="min-h-0 flex-1 overflow-y-auto focus-ring-flush focus-visible:ring-inset"
        >
          <div>{children}</div>
        </div>
      </div>
    </DialogShell>
  );
}
