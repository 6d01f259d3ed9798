import { thinkWindow } from "@/lib/chat/timings";
import { taskSummary } from "@/lib/chat/turn-task";
import type { SnapshotData, SnapshotTurn } from "@/lib/conversations/schema";
import { formatCount, formatDuration, formatRate } from "@/lib/core/format";
import { neutralizeMarkdown } from "@/lib/share/export/escape";
import { exportSlug } from "@/lib/share/export/files";
import { toolCallViews } from "@/lib/share/export/tool-calls";
import { actionFiles, resultMarkdown } from "@/lib/share/export/world-results";
import { describeModel, describeSettings } from "@/lib/share/settings";

// A session as one Markdown file. Stored media are referenced by file name, to be saved beside it;
// media attached by URL link to where they are. Text from people and models is neutralised.

export interface SessionExport {
  title: string;
  /** ISO time the session was shared or exported. */
  createdAt?: string;
  data: SnapshotData;
  /** Stored media id → the file name (or data: URI, for HTML) the export uses for it. */
  media?: ReadonlyMap<string, string>;
  /** Turn index → the file that draws that answer's points, boxes and paths on its image. */
  overlays?: ReadonlyMap<number, string>;
}

type Metrics = NonNullable<SnapshotTurn["metrics"]>;

/** "TTFT 120 ms · Total 3.1 s · 40.0 tok/s · 812 in · 178 out", or "" when nothing was measured. */
export function metricsLine(turn: SnapshotTurn): string {
  if (turn.state !== "done" || !turn.metrics) return "";
  const m: Metrics = turn.metrics;
  const parts: string[] = [];
  if (typeof m.ttftMs === "number") parts.push(`TTFT ${formatDuration(m.ttftMs)}`);
  if (typeof m.totalMs === "number") parts.push(`Total ${formatDuration(m.totalMs)}`);
  if (typeof m.tokensPerSecond === "number") parts.push(formatRate(m.tokensPerSecond));
  if (typeof m.promptTokens === "number" && typeof m.completionTokens === "number") {
    parts.push(`${formatCount(m.promptTokens)} in · ${formatCount(m.completionTokens)} out`);
  }
  return parts.join(" · ");
}

/** "Thought for 3.2 s" when both ends of the thinking are known. */
export function thinkingLine(turn: SnapshotTurn): string {
  // The recorded marks first, as the playground's think pane does, so both say the same figure.
  const marked = thinkWindow(turn.timings);
  if (marked) return `Thought for ${formatDuration(marked.endMs - marked.startMs)}`;
  const m = turn.metrics;
  if (!m || typeof m.ttftMs !== "number" || typeof m.ttfaMs !== "number" || m.ttfaMs < m.ttftMs) return "Reasoning";
  return `Thought for ${formatDuration(m.ttfaMs - m.ttftMs)}`;
}

/** One line of plain text (a title, a label in brackets): markup characters escaped, "<" as an entity. */
const inlineLabel = (text: string) =>
  text
    .replace(/[\r\n]+/g, " ")
    .replace(/[\\`*_[\]]/g, "\\$&")
    .replace(/</g, "&lt;")
    .trim();

const quote = (text: string) =>
  text
    .split("\n")
    .map((line) => (line === "" ? ">" : `> ${line}`))
    .join("\n");

function attachmentLine(a: NonNullable<SnapshotTurn["attachments"]>[number], media: ReadonlyMap<string, string>): string {
  const label = inlineLabel(a.name ?? a.kind) || a.kind;
  const size = a.width && a.height ? ` (${a.width}×${a.height}${a.durationS ? `, ${a.durationS.toFixed(1)} s` : ""})` : "";
  const target = a.mediaId !== undefined ? media.get(a.mediaId) : a.url;
  if (!target) return `- ${a.kind === "image" ? "Image" : "Video"}: ${label}${size} — not included`;
  const href = `<${target.replace(/[<>\s]/g, encodeURIComponent)}>`;
  return a.kind === "image" && a.mediaId !== undefined
    ? `![${label}](${href})`
    : `- ${a.kind === "image" ? "Image" : "Video"}: [${label}](${href})${size}`;
}

function userSection(turn: SnapshotTurn, index: number, media: ReadonlyMap<string, string>): string {
  const lines = [`## Prompt ${index}`, ""];
  for (const a of turn.attachments ?? []) lines.push(attachmentLine(a, media), "");
  if (turn.task) {
    // The person's task first; the template that was sent follows as a quote.
    lines.push(neutralizeMarkdown(taskSummary(turn.task)), "");
    if (turn.text)
      lines.push(
        "Full prompt:",
        "",
        ...neutralizeMarkdown(turn.text)
          .split("\n")
          .map((line) => `> ${line}`),
        "",
      );
  } else if (turn.text) lines.push(neutralizeMarkdown(turn.text), "");
  return lines.join("\n");
}

/** A fence longer than any run of backticks inside, so the text cannot close it. */
function fenced(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}\n${text}\n${fence}`;
}

function assistantSection(turn: SnapshotTurn, overlay: string | undefined, result: string[]): string {
  const who = [turn.backend?.label, turn.backend?.model]
    .filter(Boolean)
    .map((s) => inlineLabel(String(s)))
    .join(" · ");
  const lines = [`### ${who || "Reply"}`, ""];
  if (turn.reasoning) lines.push(quote(`**${thinkingLine(turn)}**\n\n${neutralizeMarkdown(turn.reasoning)}`), "");
  if (turn.answer) lines.push(neutralizeMarkdown(turn.answer), "");
  if (overlay) lines.push(`![Drawn from the answer](<${overlay.replace(/[<>\s]/g, encodeURIComponent)}>)`, "");
  lines.push(...result);
  for (const call of toolCallViews(turn)) {
    lines.push(
      `**Tool call \`${call.name.replace(/`/g, "")}\`** (${inlineLabel(call.id)})${call.malformed ? ` — ${inlineLabel(call.malformed)}` : ""}`,
      "",
      fenced(call.arguments),
      "",
    );
    if (call.result !== null) lines.push("**Result:**", "", fenced(call.result), "");
  }
  if (turn.state === "stopped") lines.push("*Stopped — the partial reply is kept.*", "");
  if (turn.state === "error" && turn.error)
    lines.push(`**Error (${inlineLabel(turn.error.code)}):** ${inlineLabel(turn.error.message)}`, "");
  const metrics = metricsLine(turn);
  if (metrics) lines.push(`*${metrics}*`, "");
  return lines.join("\n");
}

export function buildSessionMarkdown({ title, createdAt, data, media = new Map(), overlays = new Map() }: SessionExport): string {
  const model = describeModel(data);
  const meta = ["Exported from NIM Playground", createdAt ? createdAt.slice(0, 10) : null, model ? inlineLabel(model) : null].filter(
    Boolean,
  );
  const settings = describeSettings(data).map((row) => `- **${row.label}:** ${inlineLabel(row.value)}`);
  const parts = [`# ${inlineLabel(title) || "Session"}`, "", `*${meta.join(" · ")}*`, "", "## Settings", "", ...settings, ""];
  if (data.systemPrompt?.trim()) parts.push("**System prompt:**", "", quote(neutralizeMarkdown(data.systemPrompt)), "");
  let prompt = 0;
  const files = actionFiles(data, exportSlug(title));
  for (const [index, turn] of data.turns.entries()) {
    parts.push("---", "");
    if (turn.role === "user") {
      prompt += 1;
      parts.push(userSection(turn, prompt, media));
    } else {
      parts.push(assistantSection(turn, overlays.get(index), resultMarkdown(turn, files.get(index), media)));
    }
  }
  return `${parts
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}
