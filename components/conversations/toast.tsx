"use client";

import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";

import { XIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";

// Short messages under the header, clear of the composer, with at most one action (e.g. Undo). They announce
// themselves to screen readers and stay while hovered or focused.

export interface ToastInput {
  message: string;
  action?: { label: string; onClick: () => void };
  /** Milliseconds on screen; defaults to 6 s. */
  durationMs?: number;
  tone?: "info" | "error";
}

interface Toast extends ToastInput {
  id: number;
}

export interface Toaster {
  show(toast: ToastInput): number;
  dismiss(id: number): void;
}

const ToastContext = createContext<Toaster | null>(null);

/** Outside a provider (e.g. a page without one), messages are dropped rather than failing. */
export function useToast(): Toaster {
  return use(ToastContext) ?? { show: () => 0, dismiss: () => undefined };
}

let nextId = 0;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const show = useCallback((toast: ToastInput) => {
    nextId += 1;
    const id = nextId;
    setToasts((list) => [...list.slice(-2), { ...toast, id }]);
    return id;
  }, []);
  const api = useMemo(() => ({ show, dismiss }), [show, dismiss]);

  return (
    <ToastContext value={api}>
      {children}
      <div aria-live="polite" className="pointer-events-none fixed inset-x-0 top-[4.25rem] z-[60] flex flex-col items-center gap-2 px-4">
        {toasts.map((toast) => (
          <ToastCard key={toast.id} toast={toast} onDismiss={() => dismiss(toast.id)} />
        ))}
      </div>
    </ToastContext>
  );
}

function ToastCard({ toast, onDismiss }: { toast: Toast; onDismiss: () => void }) {
  const [held, setHeld] = useState(false);
  const dismissRef = useRef(onDismiss);
  useEffect(() => {
    dismissRef.current = onDismiss;
  });
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => dismissRef.current(), toast.durationMs ?? 6000);
    return () => clearTimeout(timer);
  }, [held, toast.durationMs]);

  return (
    <div
      role={toast.tone === "error" ? "alert" : "status"}
      data-testid="toast"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
      className={`pointer-events-auto flex max-w-md animate-fade-in items-center gap-3 rounded-xl border px-4 py-2.5 text-sm shadow-lg ${
        toast.tone === "error"
          ? "border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
          : "border-zinc-800 bg-zinc-900 text-zinc-100 dark:border-zinc-700 dark:bg-zinc-800"
      }`}
    >
      <span className="min-w-0 flex-1">{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          data-testid="toast-action"
          onClick={() => {
            toast.action?.onClick();
            onDismiss();
          }}
          className={`shrink-0 rounded-md px-2 py-1 text-sm font-semibold text-brand-300 hover:bg-white/10 ${focusRing}`}
        >
          {toast.action.label}
        </button>
      )}
      <button
        type="button"
        aria-label="Dismiss"
        onClick={onDismiss}
        className={`-mr-1 shrink-0 rounded-md p-1 opacity-70 hover:opacity-100 ${focusRing}`}
      >
        <XIcon className="size-3.5" />
      </button>
    </div>
  );
}
