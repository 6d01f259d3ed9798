import type { BackendStatus } from "@/lib/backends/types";

export const STATUS_META: Record<BackendStatus, { label: string; dot: string; text: string }> = {
  ready: { label: "Ready", dot: "bg-emerald-500", text: "text-emerald-700 dark:text-emerald-400" },
  unreachable: { label: "Unreachable", dot: "bg-red-500", text: "text-fg-danger" },
  error: { label: "Error", dot: "bg-amber-500", text: "text-amber-700 dark:text-amber-400" },
};
