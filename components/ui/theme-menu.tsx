"use client";

import { useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";

import { Button } from "@/components/ui/button";
import { CheckIcon, MonitorIcon, MoonIcon, SunIcon } from "@/components/ui/icons";
import { useCloseOnOutsidePress } from "@/components/ui/use-close-on-outside-press";
import { parseTheme, THEME_COOKIE, THEME_COOKIE_MAX_AGE_S, type Theme } from "@/lib/core/theme";

const OPTIONS = [
  { theme: "system", label: "System", Icon: MonitorIcon },
  { theme: "light", label: "Light", Icon: SunIcon },
  { theme: "dark", label: "Dark", Icon: MoonIcon },
] as const;

const CHANGE = "playground-theme";
// The server rendered <html data-theme>; hydration starts from "system" and then reads it.
const readTheme = (): Theme => parseTheme(document.documentElement.dataset.theme);
const subscribe = (onChange: () => void) => {
  window.addEventListener(CHANGE, onChange);
  return () => window.removeEventListener(CHANGE, onChange);
};

function applyTheme(theme: Theme) {
  document.documentElement.dataset.theme = theme;
  document.cookie = `${THEME_COOKIE}=${theme}; Path=/; Max-Age=${THEME_COOKIE_MAX_AGE_S}; SameSite=Lax`;
  window.dispatchEvent(new Event(CHANGE));
}

/** System / Light / Dark: applied at once and remembered in a cookie the server reads on the next load. */
export function ThemeMenu({ className = "" }: { className?: string }) {
  const [open, setOpen] = useState(false);
  const theme = useSyncExternalStore(subscribe, readTheme, () => "system" as const);
  const rootRef = useRef<HTMLDivElement>(null);
  useCloseOnOutsidePress(rootRef, open, setOpen);
  const Current = OPTIONS.find((option) => option.theme === theme)?.Icon ?? MonitorIcon;

  function choose(next: Theme) {
    applyTheme(next);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape" && open) {
      event.stopPropagation();
      setOpen(false);
      rootRef.current?.querySelector<HTMLButtonElement>("[data-testid=theme-button]")?.focus();
    }
    if (!open || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) return;
    event.preventDefault();
    const items = [...(rootRef.current?.querySelectorAll<HTMLButtonElement>("[role=menuitemradio]") ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    items[(at + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length]?.focus();
  }

  return (
    <div ref={rootRef} className={`relative ${className}`} onKeyDown={onKeyDown}>
      <Button
        variant="ghost"
        size="icon"
        data-testid="theme-button"
        aria-label={`Theme: ${theme}`}
        title="Theme"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
      >
        <Current className="size-4" />
      </Button>
      {open && (
        <div
          role="menu"
          aria-label="Theme"
          data-testid="theme-menu"
          className="absolute top-full right-0 z-40 mt-1.5 w-36 animate-fade-in rounded-xl border border-line-strong bg-surface p-1 shadow-xl shadow-zinc-900/10 dark:shadow-black/40"
        >
          {OPTIONS.map(({ theme: option, label, Icon }) => (
            <button
              key={option}
              type="button"
              role="menuitemradio"
              aria-checked={theme === option}
              data-testid={`theme-${option}`}
              autoFocus={theme === option}
              onClick={() => choose(option)}
              className="flex w-full items-center gap-2 rounded-lg px-2.5 py-1.5 text-left text-sm outline-none hover:bg-zinc-100 focus-visible:bg-zinc-100 dark:hover:bg-zinc-800 dark:focus-visible:bg-zinc-800"
            >
              <Icon className="size-4 text-fg-muted" />
              <span className="flex-1">{label}</span>
              <CheckIcon className={`size-4 text-brand-600 ${theme === option ? "" : "invisible"}`} />
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
