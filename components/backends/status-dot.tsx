import { STATUS_META } from "@/components/backends/status-meta";
import type { BackendStatus } from "@/lib/backends/types";

export function StatusDot({ status, className = "" }: { status: BackendStatus; className?: string }) {
  return (
    <span aria-hidden="true" className={`relative inline-flex size-2.5 shrink-0 ${className}`}>
      {status === "ready" && (
        <span className="absolute inset-0 animate-ping rounded-full bg-emerald-400 opacity-40 [animation-iteration-count:2]" />
      )}
      <span className={`relative inline-flex size-2.5 rounded-full ring-2 ring-white dark:ring-zinc-900 ${STATUS_META[status].dot}`} />
    </span>
  );
}

export function SimulatedBadge({ className = "" }: { className?: string }) {
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded-full border border-sky-200 bg-sky-50 px-1.5 py-px text-[10px] font-semibold tracking-wide text-sky-700 uppercase dark:border-sky-800 dark:bg-sky-950 dark:text-sky-300 ${className}`}
    >
      Simulated
    </span>
  );
}
