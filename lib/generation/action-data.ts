// Reads an action sequence a person pastes or uploads: JSON (a list of rows, or an object holding one
// under `action` or `data`, as NVIDIA's asset files and job answers do) or CSV / whitespace-separated
// text (a header row of names is skipped). Rows are steps, columns the action's dimensions. Pure.

export type ParsedActions = { ok: true; data: number[][]; columns?: string[] } | { ok: false; error: string };

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function fromJson(value: unknown): ParsedActions {
  const rows = Array.isArray(value)
    ? value
    : typeof value === "object" && value !== null
      ? ((value as Record<string, unknown>).action ?? (value as Record<string, unknown>).data)
      : undefined;
  if (!Array.isArray(rows))
    return { ok: false, error: 'The JSON holds no list of rows: give [[…], …], or an object with an "action" or "data" list.' };
  const bad = rows.findIndex((row) => !Array.isArray(row) || !row.every((v) => typeof v === "number" && Number.isFinite(v)));
  if (bad >= 0) return { ok: false, error: `Row ${bad + 1} is not a list of numbers.` };
  return { ok: true, data: rows as number[][] };
}

function fromText(text: string): ParsedActions {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  const cells = lines.map((line) => line.split(/[,;\t ]+/).filter((cell) => cell !== ""));
  const header = cells[0] && !cells[0].every((cell) => NUMBER.test(cell)) ? cells.shift() : undefined;
  const bad = cells.findIndex((row) => !row.every((cell) => NUMBER.test(cell)));
  if (bad >= 0)
    return {
      ok: false,
      error: `Line ${bad + 1 + (header ? 1 : 0)} holds something that is not a number: "${lines[bad + (header ? 1 : 0)]!.slice(0, 40)}".`,
    };
  // A leading "step" column, as the playground's own CSV export writes, is not an action dimension.
  const stepped = header?.[0]?.toLowerCase() === "step";
  const data = cells.map((row) => row.map(Number).slice(stepped ? 1 : 0));
  return { ok: true, data, ...(header ? { columns: header.slice(stepped ? 1 : 0) } : {}) };
}

export function parseActionText(text: string): ParsedActions {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, error: "Paste or upload an action sequence (JSON or CSV), or start from the example." };
  if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
    try {
      return fromJson(JSON.parse(trimmed));
    } catch {
      return { ok: false, error: "This looks like JSON but does not parse; check its brackets and commas." };
    }
  }
  return fromText(trimmed);
}

/** Compact JSON, one row per line, for the editor. */
export const actionsToText = (data: readonly (readonly number[])[]): string =>
  `[\n${data.map((row) => `  [${row.join(", ")}]`).join(",\n")}\n]`;
