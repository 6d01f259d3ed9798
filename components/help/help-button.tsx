"use client";

import { useEffect, useState } from "react";
import { HelpDialog } from "@/components/help/help-dialog";
import { Button } from "@/components/ui/button";
import { HelpIcon } from "@/components/ui/more-icons";

/** True while the person is typing somewhere, where "?" is a character and not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !["checkbox", "radio", "button", "range", "submit"].includes(target.type);
}

/**
 * The "?" button in the header, and the "?" key anywhere on the page, open the shortcut list.
 * Hide the button with `className`, never a wrapper: the dialog must stay rendered.
 */
export function HelpButton({ className = "" }: { className?: string }) {
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "?" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTyping(event.target) || document.querySelector("dialog[open]")) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <>
      <Button
        variant="ghost"
        size="icon"
        data-testid="help-button"
        aria-label="Keyboard shortcuts"
        aria-keyshortcuts="?"
        title="Keyboard shortcuts (?)"
        onClick={() => setOpen(true)}
        className={className}
      >
        <HelpIcon className="size-4" />
      </Button>
      {open && <HelpDialog onClose={() => setOpen(false)} />}
    </>
  );
}
