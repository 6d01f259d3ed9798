import { AlertIcon } from "@/components/ui/icons";
import type { BackendSummary } from "@/lib/backends/types";

/** A strip above the conversation when the selected backend is not ready; sending still works. */
export function BackendNotice({ backend }: { backend: BackendSummary }) {
  if (backend.status === "ready") return null;
  const unreachable = backend.status === "unreachable";
  return (
    <div
      role="status"
      className={`flex items-start gap-2.5 rounded-xl border px-3.5 py-2.5 text-sm ${
        unreachable
          ? "border-red-200 bg-red-50 text-red-800 dark:border-red-900/70 dark:bg-red-950/40 dark:text-red-200"
          : "border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900/70 dark:bg-amber-950/40 dark:text-amber-200"
      }`}
    >
      <AlertIcon className="mt-0.5 size-4 shrink-0" />
      <p>
        <span className="font-semibold">
          {backend.label} is {unreachable ? "unreachable" : "reporting an error"}.
        </span>{" "}
        {backend.statusMessage ?? "Its health check did not pass."} You can still send; the reply will show what went wrong.
      </p>
    </div>
  );
}
