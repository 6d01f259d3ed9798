"use client";

import { useEffect, type RefObject } from "react";

/** While a menu or popover is open, a press anywhere outside `ref` closes it. */
export function useCloseOnOutsidePress(ref: RefObject<HTMLElement | null>, open: boolean, setOpen: (open: boolean) => void): void {
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [ref, open, setOpen]);
}
