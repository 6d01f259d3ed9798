"use client";

import { useCallback, useState } from "react";

import { usePageKey } from "@/components/ui/use-page-key";

/** Presentation mode on and off: the header button, or "p" anywhere except in a text field or a dialog. */
export function usePresentation(available: boolean) {
  const [open, setOpen] = useState(false);
  const toggle = useCallback(() => setOpen((value) => !value), []);
  const close = useCallback(() => setOpen(false), []);
  usePageKey("p", toggle, available);
  return { open: open && available, toggle, close };
}
