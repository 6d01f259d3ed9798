import type { ActionResult } from "@/lib/generation/schema";

// Reads the `action` a model server returns with a policy or inverse-dynamics result (vLLM-Omni's
// VideoAction, the NIM 2.x response: `{data, shape, dtype, raw_action_dim, action_mode, domain_id}`)
// into the playground's `{domain, shape, data}`. Pure; anything malformed is answered as null.

const isRow = (row: unknown): row is number[] =>
  Array.isArray(row) && row.every((value) => typeof value === "number" && Number.isFinite(value));

/** The rows of `data`; a flat list is folded into rows of `shape[1]` (float32 arrays may come flat). */
function rowsOf(data: unknown, shape: unknown): number[][] | null {
  if (!Array.isArray(data) || data.length === 0) return null;
  if (data.every(isRow)) return data;
  const width = Array.isArray(shape) && typeof shape[1] === "number" ? shape[1] : 0;
  if (isRow(data) && width > 0 && data.length % width === 0) {
    return Array.from({ length: data.length / width }, (_, row) => data.slice(row * width, (row + 1) * width));
  }
  return null;
}

export function parseUpstreamAction(value: unknown, domain: string): ActionResult | null {
  if (typeof value !== "object" || value === null) return null;
  const { data, shape } = value as { data?: unknown; shape?: unknown };
  const rows = rowsOf(data, shape);
  if (!rows) return null;
  const width = rows[0]!.length;
  if (width === 0 || rows.some((row) => row.length !== width)) return null;
  return { domain, shape: [rows.length, width], data: rows };
}

/** The action in an upstream answer, named by the request's domain; absent when there is none. */
export function actionOf(value: unknown, domain: string | undefined): { action?: ActionResult } {
  const action = domain ? parseUpstreamAction(value, domain) : null;
  return action ? { action } : {};
}

export { actionToCsv } from "@/lib/backends/action-table";
