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
    // Sized by the room the header leaves it, so its badges give way before they overlap the actions.
    return (
      <div className="@container flex min-w-0 flex-1 items-center gap-3">
        <BackendPicker backends={backends} selected={backend} onSelect={onSelect} />
        <BackendStatus backend={backend} />
      </div>
    );
  }
  if (pending) return <Skeleton className="h-9 w-56 rounded-lg" />;
  return <span className="text-sm text-fg-muted">No backend available</span>;
}
