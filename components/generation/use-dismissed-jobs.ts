"use client";

import { useCallback } from "react";

import { useStoredState } from "@/components/generation/use-stored-state";

const KEY = "nim-playground.dismissed-jobs";
// The newest dismissals are enough: older jobs have long left the list the server returns.
const KEPT = 500;

/** Canceled or failed jobs the person cleared from the queue, remembered in this browser. */
export function useDismissedJobs() {
  const [ids, setIds] = useStoredState<string[]>(KEY, [], (stored) =>
    Array.isArray(stored) ? stored.filter((id): id is string => typeof id === "string") : [],
  );
  const dismiss = useCallback((more: string[]) => setIds((was) => [...was, ...more].slice(-KEPT)), [setIds]);
  return { dismissed: ids, dismiss };
}
