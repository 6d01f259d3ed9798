"use client";

import { useCallback } from "react";

import { useStoredState } from "@/components/generation/use-stored-state";

// Batches of seeds started here: which jobs belong together and who critiques them. Kept in this
// browser so a reload still critiques the seeds that finish afterwards.

export interface Batch {
  id: string;
  prompt: string;
  jobIds: string[];
  criticBackendId: string | null;
  createdAt: number;
}

const STORAGE_KEY = "nim-playground.generate.batches";
const KEEP = 10;

function readStored(stored: unknown): Batch[] {
  if (!Array.isArray(stored)) return [];
  return stored
    .filter(
      (b): b is Batch =>
        typeof b === "object" && b !== null && typeof b.id === "string" && Array.isArray(b.jobIds) && typeof b.prompt === "string",
    )
    .slice(0, KEEP);
}

export function useBatches() {
  const [batches, setBatches] = useStoredState<Batch[]>(STORAGE_KEY, [], readStored);
  const add = useCallback((batch: Batch) => setBatches((all) => [batch, ...all].slice(0, KEEP)), [setBatches]);
  return { batches, add };
}
