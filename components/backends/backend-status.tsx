import { SimulatedBadge, StatusDot } from "@/components/backends/status-dot";
import { STATUS_META } from "@/components/backends/status-meta";
import type { BackendSummary } from "@/lib/backends/types";

/** Status, model id and "Simulated" badge of the selected backend, shown beside the picker. */
export function BackendStatus({ backend }: { backend: BackendSummary }) {
  const meta = STATUS_META[backend.status];
  return (
    <div className="flex min-w-0 items-center gap-3 text-xs">
      <span
        data-testid="backend-status"
        data-status={backend.status}
        title={backend.statusMessage ?? `${backend.label} is ready.`}
        className={`inline-flex shrink-0 items-center gap-1.5 font-medium ${meta.text}`}
      >
        <StatusDot status={backend.status} />
        <span>{meta.label}</span>
      </span>
      {backend.model && (
        <span className="hidden truncate font-mono text-fg-muted 2xl:inline" title="Model id">
          {backend.model}
        </span>
      )}
      {backend.simulated && (
        <span className="hidden sm:@min-[23rem]:contents">
          <SimulatedBadge />
        </span>
      )}
    </div>
  );
}
