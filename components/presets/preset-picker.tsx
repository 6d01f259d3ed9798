"use client";

import { useId, useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import { ChevronDownIcon, SparkleIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";
import { useCloseOnOutsidePress } from "@/components/ui/use-close-on-outside-press";
import type { Family } from "@/lib/backends/families";
import { presetsFor, type PromptPreset } from "@/lib/chat/presets";

interface PresetPickerProps {
  disabled: boolean;
  /** Only the tasks this family's documents give are offered. */
  family: Family;
  onChoose: (preset: PromptPreset) => void;
}

/** The task presets, in a menu that opens above the composer. */
export function PresetPicker({ disabled, family, onChoose }: PresetPickerProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);

  useCloseOnOutsidePress(root, open, setOpen);

  return (
    <div
      ref={root}
      className="relative"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <Button
        variant="ghost"
        size="sm"
        data-testid="preset-picker"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
      >
        <SparkleIcon className="size-3.5" />
        <span className="hidden @lg:inline">Presets</span>
        <ChevronDownIcon className="size-3" />
      </Button>
      {open && (
        <div
          id={menuId}
          role="menu"
          aria-label="Task presets"
          className="absolute bottom-full left-0 z-20 mb-2 max-h-[min(34rem,calc(100dvh-9rem))] w-[min(22rem,calc(100vw-2rem))] animate-fade-in overflow-y-auto overscroll-contain rounded-xl border border-line-strong bg-surface p-1.5 shadow-xl [scrollbar-width:thin]"
        >
          {presetsFor(family).map((preset) => (
            <button
              key={preset.id}
              type="button"
              role="menuitem"
              data-testid={`preset-${preset.id}`}
              onClick={() => {
                setOpen(false);
                onChoose(preset);
              }}
              className={`block w-full rounded-lg px-3 py-2 text-left hover:bg-surface-muted ${focusRing}`}
            >
              <span className="flex items-baseline justify-between gap-2">
                <span className="text-sm font-medium text-fg-strong">{preset.label}</span>
                <span className="shrink-0 text-[11px] text-fg-muted">{preset.expects}</span>
              </span>
              <span className="block text-xs text-fg-muted">{preset.description}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
