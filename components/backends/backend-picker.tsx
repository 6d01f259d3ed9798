"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

import { SimulatedBadge, StatusDot } from "@/components/backends/status-dot";
import { STATUS_META } from "@/components/backends/status-meta";
import { CheckIcon, ChevronDownIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";
import { useCloseOnOutsidePress } from "@/components/ui/use-close-on-outside-press";
import { FAMILY_INFO } from "@/lib/backends/families";
import type { BackendSummary } from "@/lib/backends/types";

interface BackendPickerProps {
  backends: BackendSummary[];
  selected: BackendSummary;
  onSelect: (id: string) => void;
}

// A combobox rather than a <select> so each option can show its status dot, model and message.
// Focus stays on the button; arrow keys move the active option (aria-activedescendant).
export function BackendPicker({ backends, selected, onSelect }: BackendPickerProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const rootRef = useRef<HTMLDivElement>(null);
  const listId = useId();
  const optionId = (i: number) => `${listId}-opt-${i}`;

  useCloseOnOutsidePress(rootRef, open, setOpen);

  useEffect(() => {
    if (open) document.getElementById(optionId(active))?.scrollIntoView({ block: "nearest" });
  });

  function openList() {
    setActive(
      Math.max(
        0,
        backends.findIndex((b) => b.id === selected.id),
      ),
    );
    setOpen(true);
  }

  function choose(index: number) {
    const backend = backends[index];
    if (backend) onSelect(backend.id);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const last = backends.length - 1;
    const moves: Record<string, () => void> = {
      ArrowDown: () => (open ? setActive((i) => Math.min(last, i + 1)) : openList()),
      ArrowUp: () => (open ? setActive((i) => Math.max(0, i - 1)) : openList()),
      Home: () => setActive(0),
      End: () => setActive(last),
      Enter: () => (open ? choose(active) : openList()),
      " ": () => (open ? choose(active) : openList()),
    };
    if (event.key === "Tab") setOpen(false);
    if (event.key === "Escape" && open) {
      // Closes the list only; it must not also stop a running stream.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  }

  return (
    <div ref={rootRef} className="relative min-w-0 flex-1 sm:flex-none">
      <button
        type="button"
        role="combobox"
        aria-label={`Backend: ${selected.label}`}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? optionId(active) : undefined}
        data-testid="backend-picker"
        data-value={selected.id}
        onClick={() => (open ? setOpen(false) : openList())}
        onKeyDown={onKeyDown}
        className={`flex h-9 w-full min-w-0 items-center sm:w-auto sm:max-w-72 gap-2 rounded-lg border border-line-strong bg-surface pr-2 pl-3 text-sm font-medium shadow-xs transition-colors hover:border-zinc-300 dark:hover:border-zinc-600 ${focusRing}`}
      >
        <StatusDot status={selected.status} />
        <span className="truncate">{selected.label}</span>
        <ChevronDownIcon className={`ml-auto size-4 shrink-0 text-zinc-400 transition-transform ${open ? "rotate-180" : ""}`} />
      </button>
      {open && (
        <ul
          id={listId}
          role="listbox"
          aria-label="Backends"
          className="fixed inset-x-3 top-14 z-30 max-h-[70vh] animate-fade-in sm:absolute sm:inset-x-auto sm:top-full sm:left-0 sm:mt-1.5 sm:w-[26rem] overflow-y-auto rounded-xl border border-line-strong bg-surface p-1.5 shadow-xl shadow-zinc-900/10 dark:shadow-black/40"
        >
          {backends.map((backend, index) => (
            <li
              key={backend.id}
              id={optionId(index)}
              role="option"
              aria-selected={backend.id === selected.id}
              data-testid="backend-option"
              data-value={backend.id}
              onPointerDown={(e) => e.preventDefault()}
              onPointerEnter={() => setActive(index)}
              onClick={() => choose(index)}
              className={`flex cursor-pointer gap-3 rounded-lg px-2.5 py-2 ${index === active ? "bg-surface-muted" : ""}`}
            >
              <StatusDot status={backend.status} className="mt-1.5" />
              <BackendOptionText backend={backend} />
              <CheckIcon className={`mt-0.5 size-4 shrink-0 text-brand-600 ${backend.id === selected.id ? "" : "invisible"}`} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function BackendOptionText({ backend }: { backend: BackendSummary }) {
  const meta = STATUS_META[backend.status];
  return (
    <span className="flex min-w-0 flex-1 flex-col gap-0.5">
      <span className="flex items-center gap-2">
        <span className="truncate text-sm font-medium">{backend.label}</span>
        {backend.simulated && <SimulatedBadge />}
      </span>
      <span className="truncate font-mono text-xs text-fg-muted">
        {backend.model ?? "model not known yet"}
        {backend.family && <span className="font-sans"> · {FAMILY_INFO[backend.family].label}</span>}
      </span>
      {backend.status !== "ready" && (
        <span className={`text-xs ${meta.text}`}>
          {meta.label}
          {backend.statusMessage ? ` — ${backend.statusMessage}` : ""}
        </span>
      )}
    </span>
  );
}
