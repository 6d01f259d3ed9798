import { columnName, findDomain } from "@/lib/backends/action-domains";

// Actions as a table: named columns where the domain names them, and CSV for spreadsheets and
// plotting tools. Shared by the generation page, shared pages and exports.

/** Rows are steps, columns the action's dimensions. */
export interface ActionTable {
  domain: string;
  shape: [number, number];
  data: number[][];
}

export function actionColumns(domain: string, width: number): string[] {
  const entry = findDomain(domain);
  return Array.from({ length: width }, (_, index) => (entry ? columnName(entry, index) : `a${index}`));
}

/** One header row, then one row per step. */
export function actionToCsv(action: ActionTable, columns: readonly string[]): string {
  const header = ["step", ...Array.from({ length: action.shape[1] }, (_, index) => columns[index] ?? `a${index}`)];
  return [header.join(","), ...action.data.map((row, step) => [step, ...row].join(","))].join("\n") + "\n";
}
