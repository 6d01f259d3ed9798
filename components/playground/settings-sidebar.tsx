"use client";

import { useEffect, useRef, type ReactNode } from "react";

import { Button } from "@/components/ui/button";
import { PanelRightIcon, XIcon } from "@/components/ui/icons";

interface SettingsSidebarProps {
  /** Below the lg breakpoint the sidebar is a drawer, shown only while open. */
  open: boolean;
  onClose: () => void;
  /** On desktop the rail can be collapsed; the header's Settings button brings it back. */
  collapsed: boolean;
  onCollapse: () => void;
  children: ReactNode;
}

export function SettingsSidebar({ open, onClose, collapsed, onCollapse, children }: SettingsSidebarProps) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);

  return (
    <>
      {open && <div aria-hidden="true" onClick={onClose} className="fixed inset-0 z-30 bg-zinc-950/40 lg:hidden" />}
      <aside
        id="settings"
        aria-label="Settings"
        onKeyDown={(event) => {
          if (event.key === "Escape" && open) {
            event.stopPropagation();
            onClose();
          }
        }}
        className={`${
          open ? "fixed inset-y-0 right-0 z-40 flex w-[min(22rem,100vw)] animate-fade-in shadow-2xl" : "hidden"
        } flex-col border-l border-zinc-200 bg-white lg:static lg:z-auto ${collapsed ? "lg:hidden" : "lg:flex"} lg:w-[22rem] lg:shrink-0 lg:animate-none lg:shadow-none dark:border-zinc-800 dark:bg-zinc-900/60`}
      >
        <div className="flex items-center justify-between border-b border-line px-5 py-2.5">
          <h2 className="text-sm font-semibold">Settings</h2>
          <Button ref={closeRef} variant="ghost" size="iconSm" className="lg:hidden" aria-label="Close settings" onClick={onClose}>
            <XIcon className="size-4" />
          </Button>
          <Button
            variant="ghost"
            size="iconSm"
            className="max-lg:hidden"
            data-testid="settings-collapse"
            aria-label="Collapse settings"
            title="Collapse settings"
            onClick={onCollapse}
          >
            <PanelRightIcon className="size-4" />
          </Button>
        </div>
        {/* relative: keeps the sr-only hints (absolutely positioned) inside the scroller, not the page. */}
        <div className="relative flex-1 space-y-6 overflow-y-auto px-5 py-5">{children}</div>
      </aside>
    </>
  );
}

export function SettingsSection({ children }: { children: ReactNode }) {
  return <div className="border-b border-line pb-6 last:border-b-0 last:pb-0">{children}</div>;
}
