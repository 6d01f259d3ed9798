"use client";

import dynamic from "next/dynamic";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { HelpIcon } from "@/components/ui/icons";
import { usePageKey } from "@/components/ui/use-page-key";

const HelpDialog = dynamic(() => import("@/components/help/help-dialog").then((module) => module.HelpDialog), { ssr: false });

/**
 * The "?" button in the header, and the "?" key anywhere on the page, open the shortcut list.
 * Hide the button with `className`, never a wrapper: the dialog must stay rendered.
 */
export function HelpButton({ className = "" }: { className?: string }) {
  const [open, setOpen] = useState(false);

  usePageKey("?", () => setOpen(true));

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
