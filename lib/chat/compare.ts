import { FAMILY_INFO, type Family } from "@/lib/backends/families";
import type { BackendSummary } from "@/lib/backends/types";
import { conversationReducer, isStreaming, type ConversationAction, type Turn } from "@/lib/chat/conversation";
import { initialParamsState, paramsReducer, presetFor, type NumericParam, type ParamsState } from "@/lib/chat/params";

// Compare: 2–4 columns, each a backend with its own sampling parameters, reasoning switch and
// conversation. One prompt goes to every column; each column streams on its own. Pure reducer.

export const MIN_COLUMNS = 2;
export const MAX_COLUMNS = 4;

export interface CompareColumn {
  id: string;
  backendId: string;
  family: Family;
  /** What the person asked for; a family may still refuse it (e.g. Nemotron with video). */
  reasoning: boolean;
  params: ParamsState;
  turns: Turn[];
}

export type CompareAction =
  | { type: "add"; id: string; backend: BackendSummary }
  | { type: "remove"; columnId: string }
  | { type: "backend"; columnId: string; backend: BackendSummary }
  | { type: "reasoning"; columnId: string; on: boolean }
  | { type: "param"; columnId: string; key: NumericParam; value: string }
  | { type: "resetParams"; columnId: string }
  | { type: "conversation"; columnId: string; action: ConversationAction }
  | { type: "clear" };

export function newColumn(id: string, backend: BackendSummary): CompareColumn {
  const family = backend.family ?? "generic";
  const reasoning = FAMILY_INFO[family].reasoningByDefault;
  return { id, backendId: backend.id, family, reasoning, params: initialParamsState(presetFor(family, reasoning)), turns: [] };
}

/**
 * The columns a fresh page starts with: the backends named in `wanted` (e.g. from the URL) that
 * exist, else the first ready ones, else the first ones; the same backend twice when only one exists.
 */
export function initialColumns(backends: readonly BackendSummary[], wanted: readonly string[], makeId: () => string): CompareColumn[] {
  const named = wanted.flatMap((id) => backends.filter((b) => b.id === id)).slice(0, MAX_COLUMNS);
  const ready = backends.filter((b) => b.status === "ready");
  const pool = named.length > 0 ? named : ready.length > 0 ? ready : [...backends];
  const count = Math.max(MIN_COLUMNS, Math.min(pool.length, named.length > 0 ? named.length : MIN_COLUMNS));
  if (pool.length === 0) return [];
  return Array.from({ length: count }, (_, i) => newColumn(makeId(), pool[i % pool.length]!));
}

function withPreset(column: CompareColumn): CompareColumn {
  // Keeps the person's values once edited, like the playground's sampling panel.
  return { ...column, params: paramsReducer(column.params, { type: "preset", params: presetFor(column.family, column.reasoning) }) };
}

function update(columns: CompareColumn[], id: string, change: (column: CompareColumn) => CompareColumn): CompareColumn[] {
  return columns.map((column) => (column.id === id ? change(column) : column));
}

export function compareReducer(columns: CompareColumn[], action: CompareAction): CompareColumn[] {
  switch (action.type) {
    case "add":
      return columns.length >= MAX_COLUMNS ? columns : [...columns, newColumn(action.id, action.backend)];
    case "remove":
      return columns.length <= MIN_COLUMNS
        ? columns
        : columns.filter((column) => column.id !== action.columnId || isStreaming(column.turns));
    case "backend":
      return update(columns, action.columnId, (column) =>
        withPreset({ ...column, backendId: action.backend.id, family: action.backend.family ?? "generic" }),
      );
    case "reasoning":
      return update(columns, action.columnId, (column) => withPreset({ ...column, reasoning: action.on }));
    case "param":
      return update(columns, action.columnId, (column) => ({
        ...column,
        params: paramsReducer(column.params, { type: "edit", key: action.key, value: action.value }),
      }));
    case "resetParams":
      return update(columns, action.columnId, (column) => ({
        ...column,
        params: paramsReducer(column.params, { type: "reset", params: presetFor(column.family, column.reasoning) }),
      }));
    case "conversation":
      return update(columns, action.columnId, (column) => ({ ...column, turns: conversationReducer(column.turns, action.action) }));
    case "clear":
      return columns.map((column) => ({ ...column, turns: [] }));
  }
}

/** The column's state for styling and tests: its last reply's state, or "idle". */
export function columnState(column: CompareColumn): "idle" | "streaming" | "done" | "stopped" | "error" {
  const last = column.turns.findLast((turn) => turn.kind === "assistant");
  return last?.kind === "assistant" ? last.state : "idle";
}

/** What "Promote" hands to the playground: the column's finished exchanges. */
export interface PromotedConversation {
  backendId: string;
  turns: Turn[];
}

export const PROMOTE_STORAGE_KEY = "playground:promote";

export function promotedConversation(column: CompareColumn): PromotedConversation | null {
  if (column.turns.length === 0 || isStreaming(column.turns)) return null;
  return { backendId: column.backendId, turns: column.turns };
}

/** Reads a handoff back; anything that is not a list of turns is ignored rather than trusted. */
export function parsePromoted(raw: string | null): PromotedConversation | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<PromotedConversation>;
    if (!Array.isArray(value.turns) || typeof value.backendId !== "string") return null;
    const turns = value.turns.filter(
      (turn): turn is Turn =>
        typeof turn === "object" && turn !== null && (turn.kind === "user" || turn.kind === "assistant") && typeof turn.id === "string",
    );
    return turns.length > 0 ? { backendId: value.backendId, turns } : null;
  } catch {
    return null;
  }
}
