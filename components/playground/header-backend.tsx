"use client";

import { BackendPicker } from "@/components/backends/backend-picker";
import { BackendStatus } from "@/components/backends/backend-status";
import { Skeleton } from "@/components/ui/skeleton";
import type { BackendSummary } from "@/lib/backends/types";

interface HeaderBackendProps {
  backends: BackendSummary[];
  backend: BackendSummary | null;
  /** The backends list has not loaded yet. */
  pending: boolean;
  onSelect: (id: string) => void;
}

/** The header's backend picker and status, a placeholder while the list loads. */
export function HeaderBackend({ backends, backend, pending, onSelect }: HeaderBackendProps) {
  if (backend) {
    return (
      <>
        <BackendPicker backends={backends} selected={backend} onSelect={onSelect} />
        <BackendStatus backend={backend} />
      </>
    );
  }
  if (pending) return <Skeleton className="h-9 w-56 rounded-lg" />;
  return <span className="text-sm text-fg-muted">No backend available</span>;
}
