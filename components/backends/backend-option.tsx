import { SimulatedBadge, StatusDot } from "@/components/backends/status-dot";
import { STATUS_META } from "@/components/backends/status-meta";
import { CheckIcon } from "@/components/ui/icons";
import { FAMILY_INFO } from "@/lib/backends/families";
import type { BackendSummary } from "@/lib/backends/types";

interface BackendOptionProps {
  id: string;
  backend: BackendSummary;
  selected: boolean;
  active: boolean;
  onHover: () => void;
  onChoose: () => void;
}

/** One backend in the picker's list: names wrap rather than being cut, so long ones stay readable. */
export function BackendOption({ id, backend, selected, active, onHover, onChoose }: BackendOptionProps) {
  const meta = STATUS_META[backend.status];
  return (
    <li
      id={id}
      role="option"
      aria-selected={selected}
      data-testid="backend-option"
      data-value={backend.id}
      onPointerDown={(e) => e.preventDefault()}
      onPointerEnter={onHover}
      onClick={onChoose}
      className={`flex cursor-pointer gap-3 rounded-lg px-2.5 py-2 ${active ? "bg-surface-muted" : ""}`}
    >
      <StatusDot status={backend.status} className="mt-1.5" />
      <span className="flex min-w-0 flex-1 flex-col gap-0.5">
        <span className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
          <span className="text-sm font-medium break-words">{backend.label}</span>
          {backend.simulated && <SimulatedBadge />}
        </span>
        <span className="font-mono text-xs break-all text-fg-muted">
          {backend.model ?? "model not known yet"}
          {backend.family && <span className="font-sans break-normal"> · {FAMILY_INFO[backend.family].label}</span>}
        </span>
        {backend.status !== "ready" && (
          <span className={`text-xs ${meta.text}`}>
            {meta.label}
            {backend.statusMessage ? ` — ${backend.statusMessage}` : ""}
          </span>
        )}
      </span>
      <CheckIcon className={`mt-0.5 size-4 shrink-0 text-brand-600 ${selected ? "" : "invisible"}`} />
    </li>
  );
}
