"use client";

import { useEffect } from "react";

import type { CompareColumn } from "@/lib/chat/compare";

/**
 * Keeps `?backends=a,b` in the address in step with the columns, so a reload or a shared link
 * opens the same comparison (use-compare-session reads it when the page starts).
 */
export function useBackendsInUrl(columns: readonly CompareColumn[]): void {
  const ids = columns.map((column) => column.backendId).join(",");
  useEffect(() => {
    if (ids === "") return;
    const url = new URL(window.location.href);
    if (url.searchParams.get("backends") === ids) return;
    url.searchParams.set("backends", ids);
    window.history.replaceState(window.history.state, "", url);
  }, [ids]);
}
