"use client";

import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent } from "react";

import { BackendOption } from "@/components/backends/backend-option";
import { StatusDot } from "@/components/backends/status-dot";
import { ChevronDownIcon, SearchIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";
import { useCloseOnOutsidePress } from "@/components/ui/use-close-on-outside-press";
import { FAMILY_INFO } from "@/lib/backends/families";
import type { BackendSummary } from "@/lib/backends/types";

interface BackendPickerProps {
  backends: BackendSummary[];
  selected: BackendSummary;
  onSelect: (id: string) => void;
  /** A filter field on top of the list (by name, model or family); always on from six backends. */
  searchable?: boolean;
  /** Fill the width it is given (a Compare column) instead of sizing to the name. */
  fill?: boolean;
  /** Open the list towards the left, for a picker near the right edge. */
  align?: "start" | "end";
  disabled?: boolean;
  testId?: string;
  /** Names the picker for screen readers where several are on the page. */
  label?: string;
}

const matches = (backend: BackendSummary, query: string) =>
  [backend.label, backend.id, backend.model ?? "", backend.family ? FAMILY_INFO[backend.family].label : ""].some((text) =>
    text.toLowerCase().includes(query),
  );

// A combobox rather than a <select> so each option can show its status dot, model and message.
// Focus stays on the button (or the filter field); arrow keys move the active option.
export function BackendPicker({
  backends,
  selected,
  onSelect,
  fill = false,
  align = "start",
  disabled = false,
  ...props
}: BackendPickerProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [query, setQuery] = useState("");
  // On a phone the list spans the screen just under the button, wherever the button sits.
  const [top, setTop] = useState(0);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const optionId = (i: number) => `${listId}-opt-${i}`;
  const searchable = props.searchable || backends.length >= 6;
  const shown = query.trim() === "" ? backends : backends.filter((b) => matches(b, query.trim().toLowerCase()));

  useCloseOnOutsidePress(rootRef, open, setOpen);

  useEffect(() => {
    if (open) document.getElementById(optionId(active))?.scrollIntoView({ block: "nearest" });
  });

  function openList() {
    setTop((buttonRef.current?.getBoundingClientRect().bottom ?? 0) + 6);
    setQuery("");
    setActive(
      Math.max(
        0,
        backends.findIndex((b) => b.id === selected.id),
      ),
    );
    setOpen(true);
  }

  function choose(index: number) {
    const backend = shown[index];
    if (backend) onSelect(backend.id);
    setOpen(false);
    if (searchable) buttonRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>, typing: boolean) {
    const last = shown.length - 1;
    const moves: Record<string, () => void> = {
      ArrowDown: () => (open ? setActive((i) => Math.min(last, i + 1)) : openList()),
      ArrowUp: () => (open ? setActive((i) => Math.max(0, i - 1)) : openList()),
      Home: () => setActive(0),
      End: () => setActive(last),
      Enter: () => (open ? choose(active) : openList()),
      ...(typing ? {} : { " ": () => (open ? choose(active) : openList()) }),
    };
    if (event.key === "Tab") setOpen(false);
    if (event.key === "Escape" && open) {
      // Closes the list only; it must not also stop a running stream.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    }
    const move = moves[event.key];
    if (!move || (typing && (event.key === "Home" || event.key === "End"))) return;
    event.preventDefault();
    move();
  }

  return (
    <div ref={rootRef} className={`relative min-w-0 ${fill ? "flex-1" : "flex-1 sm:flex-none"}`}>
      <button
        ref={buttonRef}
        type="button"
        role="combobox"
        aria-label={props.label ?? `Backend: ${selected.label}`}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && !searchable ? optionId(active) : undefined}
        data-testid={props.testId ?? "backend-picker"}
        data-value={selected.id}
        title={selected.label}
        disabled={disabled}
        onClick={() => (open ? setOpen(false) : openList())}
        onKeyDown={(event) => onKeyDown(event, false)}
        className={`flex h-9 w-full min-w-0 items-center gap-2 rounded-lg border border-line-strong bg-surface pr-2 pl-3 text-sm font-medium shadow-xs transition-colors hover:border-zinc-300 disabled:opacity-60 dark:hover:border-zinc-600 ${fill ? "" : "sm:w-auto sm:max-w-80"} ${focusRing}`}
      >
        <StatusDot status={selected.status} />
        <span data-testid="backend-picker-label" className="min-w-0 truncate">
          {selected.label}
        </span>
        <ChevronDownIcon className={`ml-auto size-4 shrink-0 text-zinc-400 transition-transform ${open ? "rotate-180" : ""}`} />
      </button>
      {open && (
        <div
          style={{ "--picker-top": `${top}px` } as CSSProperties}
          className={`fixed inset-x-3 top-(--picker-top) z-30 flex max-h-[70vh] animate-fade-in flex-col rounded-xl border border-line-strong bg-surface shadow-xl shadow-zinc-900/10 sm:absolute sm:inset-x-auto sm:top-full sm:mt-1.5 dark:shadow-black/40 ${fill ? "sm:w-full sm:min-w-80" : "sm:w-[26rem]"} ${align === "end" ? "sm:right-0" : "sm:left-0"}`}
        >
          {searchable && (
            <label className="flex items-center gap-2 border-b border-line-strong px-3">
              <SearchIcon className="size-4 shrink-0 text-zinc-400" />
              <span className="sr-only">Filter backends</span>
              <input
                autoFocus
                data-testid="backend-search"
                value={query}
                placeholder="Filter by name, model or family"
                role="combobox"
                aria-expanded="true"
                aria-controls={listId}
                aria-activedescendant={shown.length > 0 ? optionId(active) : undefined}
                onChange={(event) => {
                  setQuery(event.target.value);
                  setActive(0);
                }}
                onKeyDown={(event) => onKeyDown(event, true)}
                className="h-10 min-w-0 flex-1 bg-transparent text-sm outline-none placeholder:text-zinc-400"
              />
            </label>
          )}
          <ul id={listId} role="listbox" aria-label="Backends" className="min-h-0 overflow-y-auto p-1.5">
            {shown.map((backend, index) => (
              <BackendOption
                key={backend.id}
                id={optionId(index)}
                backend={backend}
                selected={backend.id === selected.id}
                active={index === active}
                onHover={() => setActive(index)}
                onChoose={() => choose(index)}
              />
            ))}
            {shown.length === 0 && <li className="px-2.5 py-3 text-sm text-fg-muted">No backend matches “{query}”.</li>}
          </ul>
        </div>
      )}
    </div>
  );
}
