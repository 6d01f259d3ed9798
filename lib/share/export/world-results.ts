import { actionColumns, actionToCsv, type ActionTable } from "@/lib/backends/action-table";
import type { SnapshotData, SnapshotTurn } from "@/lib/conversations/schema";
import { escapeHtml } from "@/lib/share/export/escape";

// Generation results in exports: the video (and a transfer's control) by the media names the
// export gives them, the actions as JSON and CSV files, and a still picture of the plot (SVG),
// since neither a Markdown file nor an offline HTML file can run the synced player.

export interface ExportFile {
  name: string;
  type: string;
  text: string;
}

/** The files of one result's actions: JSON `{domain, shape, data}`, CSV, and the plot as SVG. */
export interface ActionFiles {
  json: ExportFile;
  csv: ExportFile;
  svg: ExportFile;
  title: string;
}

const W = 640;
const H = 240;
const M = { left: 48, right: 12, top: 12, bottom: 56 };
const LEGEND_MAX = 12;

const color = (index: number, count: number) => `hsl(${Math.round((200 + (index * 360) / Math.max(count, 1)) % 360)} 70% 45%)`;
const tick = (value: number) => (Math.abs(value) >= 100 || value === 0 ? value.toFixed(0) : value.toPrecision(2));

/** The plot as a self-contained SVG: one line per dimension on a shared axis, the legend below. */
export function actionPlotSvg(action: ActionTable, columns: readonly string[], title: string, { background = true } = {}): string {
  const [steps, dims] = action.shape;
  const values = action.data.flat();
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = (high - low || Math.abs(high) || 1) * 0.08;
  const [min, max] = [low - pad, high + pad];
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const x = (step: number) => M.left + (steps <= 1 ? plotW / 2 : (step / (steps - 1)) * plotW);
  const y = (value: number) => M.top + plotH - ((value - min) / (max - min)) * plotH;
  const lines = Array.from({ length: dims }, (_, d) => {
    const path = action.data.map((row, step) => `${step === 0 ? "M" : "L"}${x(step).toFixed(1)},${y(row[d] ?? 0).toFixed(1)}`).join("");
    return `<path d="${path}" fill="none" stroke="${color(d, dims)}" stroke-width="1.6" stroke-linejoin="round"/>`;
  });
  const grid = [min, (min + max) / 2, max].map(
    (v) =>
      `<line x1="${M.left}" x2="${W - M.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#d4d4d8" stroke-width="1"/>` +
      `<text x="${M.left - 6}" y="${y(v).toFixed(1)}" dy="0.32em" text-anchor="end">${tick(v)}</text>`,
  );
  const stepLabels = [0, Math.floor((steps - 1) / 2), steps - 1]
    .filter((s, i, all) => all.indexOf(s) === i)
    .map((s) => `<text x="${x(s).toFixed(1)}" y="${M.top + plotH + 14}" text-anchor="middle">${s}</text>`);
  const legend = columns.slice(0, LEGEND_MAX).map((name, d) => {
    const lx = M.left + (d % 6) * 96;
    const ly = H - 26 + Math.floor(d / 6) * 14;
    return `<line x1="${lx}" x2="${lx + 12}" y1="${ly - 3}" y2="${ly - 3}" stroke="${color(d, dims)}" stroke-width="2"/><text x="${lx + 16}" y="${ly}">${escapeHtml(name)}</text>`;
  });
  const more = dims > LEGEND_MAX ? `<text x="${W - M.right}" y="${H - 4}" text-anchor="end">+${dims - LEGEND_MAX} more</text>` : "";
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(title)}" font-family="system-ui,sans-serif" font-size="10" fill="#71717a">` +
    `<title>${escapeHtml(title)}</title>` +
    (background ? `<rect width="${W}" height="${H}" fill="#ffffff"/>` : "") +
    [...grid, ...stepLabels, ...lines, ...legend].join("") +
    more +
    `</svg>`
  );
}

const resultAction = (turn: SnapshotTurn) => turn.result?.action;

/** The action files of each result in the session, by turn index, named `<slug>-actions-<n>`. */
export function actionFiles(data: SnapshotData, slug: string): Map<number, ActionFiles> {
  const files = new Map<number, ActionFiles>();
  data.turns.forEach((turn, index) => {
    const action = resultAction(turn);
    if (!action) return;
    const base = `${slug}-actions-${files.size + 1}`;
    const columns = actionColumns(action.domain, action.shape[1]);
    const title = `${turn.result?.actionTitle ?? "Actions"}: ${action.shape[0]} steps × ${action.shape[1]} (${action.domain})`;
    files.set(index, {
      title,
      json: { name: `${base}.json`, type: "application/json", text: `${JSON.stringify(action)}\n` },
      csv: { name: `${base}.csv`, type: "text/csv", text: actionToCsv(action, columns) },
      svg: { name: `${base}.svg`, type: "image/svg+xml", text: `${actionPlotSvg(action, columns, title)}\n` },
    });
  });
  return files;
}

/** Every action file of the session, for saving beside the Markdown. */
export const allActionFiles = (data: SnapshotData, slug: string): ExportFile[] =>
  [...actionFiles(data, slug).values()].flatMap((f) => [f.json, f.csv, f.svg]);

const link = (target: string) => `<${target.replace(/[<>\s]/g, encodeURIComponent)}>`;

/** Markdown lines for a turn's result: its video, its control, the plot picture and the action files. */
export function resultMarkdown(turn: SnapshotTurn, files: ActionFiles | undefined, media: ReadonlyMap<string, string>): string[] {
  const result = turn.result;
  if (!result) return [];
  const lines: string[] = [];
  const file = result.mediaId ? media.get(result.mediaId) : undefined;
  if (result.kind === "image") lines.push(file ? `![Result](${link(file)})` : "- Result image — not included");
  if (result.kind === "video") lines.push(file ? `- Result video: [${file}](${link(file)})` : "- Result video — not included");
  if (result.kind === "actions") lines.push("- Result: actions only (the server returned no video)");
  if (result.control) {
    const control = media.get(result.control.mediaId);
    lines.push(control ? `- Control video (${result.control.type}): [${control}](${link(control)})` : "- Control video — not included");
  }
  if (files)
    lines.push(
      "",
      `![${files.title}](${link(files.svg.name)})`,
      "",
      `Actions: [JSON](${link(files.json.name)}) · [CSV](${link(files.csv.name)})`,
    );
  return [...lines, ""];
}

const dataUri = (file: ExportFile) => `data:${file.type};charset=utf-8,${encodeURIComponent(file.text)}`;

function videoTag(src: string | undefined, label: string): string {
  return src?.startsWith("data:")
    ? `<figure><video src="${escapeHtml(src)}" controls playsinline preload="metadata" title="${escapeHtml(label)}"></video><figcaption>${escapeHtml(label)}</figcaption></figure>`
    : `<span class="chip">${escapeHtml(label)} — not included</span>`;
}

/** HTML for a turn's result: the video(s) side by side, the plot inline, the actions as downloads. */
export function resultHtml(turn: SnapshotTurn, files: ActionFiles | undefined, media: ReadonlyMap<string, string>): string {
  const result = turn.result;
  if (!result) return "";
  const src = result.mediaId ? media.get(result.mediaId) : undefined;
  const parts: string[] = [];
  if (result.kind === "image")
    parts.push(
      src?.startsWith("data:") ? `<img src="${escapeHtml(src)}" alt="Result">` : `<span class="chip">Result — not included</span>`,
    );
  if (result.kind === "video") {
    const control = result.control ? videoTag(media.get(result.control.mediaId), `Control · ${result.control.type}`) : "";
    parts.push(`<div class="result-media">${control}${videoTag(src, "Result")}</div>`);
  }
  if (result.kind === "actions") parts.push(`<p class="note">Actions only: the server returned no video.</p>`);
  if (files && turn.result?.action) {
    const columns = actionColumns(turn.result.action.domain, turn.result.action.shape[1]);
    parts.push(
      `<figure class="plot">${actionPlotSvg(turn.result.action, columns, files.title, { background: false })}<figcaption>${escapeHtml(files.title)} · ` +
        `<a download="${escapeHtml(files.json.name)}" href="${dataUri(files.json)}">JSON</a> · <a download="${escapeHtml(files.csv.name)}" href="${dataUri(files.csv)}">CSV</a></figcaption></figure>`,
    );
  }
  return `<div class="result" data-kind="${result.kind}">${parts.join("")}</div>`;
}
