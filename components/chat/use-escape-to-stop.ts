"use client";

import { useEffect } from "react";

/** While a reply streams, Escape anywhere on the page stops it (a dialog's own Escape comes first). */
export function useEscapeToStop(streaming: boolean, stop: () => void): void {
  useEffect(() => {
    if (!streaming) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !event.defaultPrevented) stop();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [streaming, stop]);
}
