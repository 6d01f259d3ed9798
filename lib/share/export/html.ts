import { taskSummary } from "@/lib/chat/turn-task";
import type { SnapshotTurn } from "@/lib/conversations/schema";
import { escapeHtml } from "@/lib/share/export/escape";
import { exportSlug } from "@/lib/share/export/files";
import { metricsLine, thinkingLine, type SessionExport } from "@/lib/share/export/markdown";
import type { TurnOverlay } from "@/lib/share/export/overlays";
import { REPLAY_BAR, REPLAY_CSS, REPLAY_RADIOS, replayTimeline, replayWrap } from "@/lib/share/export/replay-html";
import { toolCallViews } from "@/lib/share/export/tool-calls";
import { actionFiles, resultHtml } from "@/lib/share/export/world-results";
import { describeModel, describeSettings, recordedModels } from "@/lib/share/settings";

// A session as one self-contained HTML file that plays back offline: inline CSS, media embedded as
// data: URIs (passed in `media`), reasoning in <details>, and no script at all. Its own CSP forbids
// scripts and remote loads too, so even a mistake in escaping could not run anything.

export interface HtmlExport extends Omit<SessionExport, "overlays"> {
  /** Turns model Markdown into HTML; it must escape raw HTML. Defaults to escaped plain text. */
  renderMarkdown?: (markdown: string) => string;
  /** Points, boxes and trajectories to draw over the image an answer is about, by turn index. */
  overlays?: ReadonlyMap<number, TurnOverlay>;
}

const CSP = "default-src 'none'; img-src data:; media-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const STYLE = `
:root{color-scheme:light dark;--bg:#fafafa;--fg:#18181b;--muted:#71717a;--line:#e4e4e7;--card:#fff;--bubble:#18181b;--bubble-fg:#fff;--accent:#76b900;--code:#f4f4f5}
@media (prefers-color-scheme:dark){:root{--bg:#09090b;--fg:#f4f4f5;--muted:#a1a1aa;--line:#27272a;--card:#18181b;--bubble:#27272a;--bubble-fg:#f4f4f5;--code:#27272a}}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.65 ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
main{max-width:760px;margin:0 auto;padding:40px 20px 64px}h1{font-size:26px;line-height:1.25;margin:0 0 6px;letter-spacing:-.01em}
.meta{color:var(--muted);font-size:13px;margin:0 0 20px}.settings{border:1px solid var(--line);border-radius:12px;background:var(--card);padding:10px 14px;margin-bottom:28px;font-size:13px}
.settings summary{cursor:pointer;font-weight:600}.settings dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:10px 0 0}.settings dt{color:var(--muted)}.settings dd{margin:0}
.system{white-space:pre-wrap;border-left:2px solid var(--line);padding-left:10px;margin:8px 0 0;color:var(--muted)}
.user{display:flex;flex-direction:column;align-items:flex-end;gap:8px;margin:28px 0}.bubble{max-width:85%;background:var(--bubble);color:var(--bubble-fg);border-radius:18px 18px 6px 18px;padding:10px 16px;white-space:pre-wrap;overflow-wrap:anywhere}
.media{display:flex;flex-wrap:wrap;justify-content:flex-end;gap:8px;max-width:85%}.media img{max-height:260px;max-width:100%;border-radius:16px;border:1px solid var(--line)}.media video{max-height:300px;max-width:100%;border-radius:16px;background:#000}
.chip{font-size:12px;border:1px solid var(--line);border-radius:10px;padding:6px 10px;background:var(--card);color:var(--fg)}
.reply{margin:28px 0}.who{font-weight:600;font-size:14px;margin-bottom:10px}.who span{font-weight:400;color:var(--muted);font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;margin-left:8px}
details.think{border:1px solid var(--line);border-radius:12px;background:var(--card);padding:8px 12px;margin-bottom:12px;font-size:13.5px}details.think summary{cursor:pointer;color:var(--muted);font-weight:500}
.think-text{white-space:pre-wrap;color:var(--muted);border-left:2px solid var(--line);padding-left:12px;margin-top:8px}
.answer{overflow-wrap:anywhere}.answer p,.answer ul,.answer ol,.answer pre,.answer table,.answer blockquote{margin:10px 0}.answer pre{background:var(--code);border-radius:10px;padding:12px;overflow-x:auto;font-size:13px}
.answer code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.88em}.answer :not(pre)>code{background:var(--code);border-radius:5px;padding:1px 5px}.answer table{border-collapse:collapse}.answer th,.answer td{border:1px solid var(--line);padding:4px 10px}
.tool{border:1px solid var(--line);border-radius:12px;margin:10px 0;overflow:hidden}.tool-head{padding:8px 12px;border-bottom:1px solid var(--line);font-size:13px}.tool-head span{float:right;color:var(--muted);font-size:11px}.tool pre{margin:0;padding:10px 12px;font-size:12px;overflow-x:auto;white-space:pre-wrap}.tool-result{border-top:1px solid var(--line);padding:8px 12px 0;font-size:12px}
.answer a{color:var(--accent)}.plain{white-space:pre-wrap}.note{color:var(--muted);font-size:12px;margin-top:8px}.error{border:1px solid #fecaca;background:#fef2f2;color:#991b1b;border-radius:12px;padding:10px 12px;font-size:13px}
@media (prefers-color-scheme:dark){.error{border-color:#7f1d1d;background:#450a0a;color:#fecaca}}
footer{margin-top:48px;color:var(--muted);font-size:12px;text-align:center}
.overlay{margin:12px 0}.stage{position:relative;display:inline-block;max-width:100%;line-height:0}.stage img{display:block;max-width:100%;max-height:420px;height:auto;border-radius:12px}.stage svg{position:absolute;inset:0;width:100%;height:100%}.overlay figcaption{color:var(--muted);font-size:12px;margin-top:6px}.result-media{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:10px}.result-media figure,.plot{margin:0}.result-media video{width:100%;border-radius:12px;background:#000}.result figcaption{color:var(--muted);font-size:12px;margin-top:4px}.plot{margin-top:12px;border:1px solid var(--line);border-radius:12px;background:var(--card);padding:8px}.plot svg{width:100%;height:auto}.result img{max-width:100%;border-radius:12px}`;

const plainText = (markdown: string) => `<div class="plain">${escapeHtml(markdown)}</div>`;

function attachmentHtml(a: NonNullable<SnapshotTurn["attachments"]>[number], media: ReadonlyMap<string, string>): string {
  const name = escapeHtml(a.name ?? a.kind);
  const src = a.mediaId !== undefined ? media.get(a.mediaId) : undefined;
  if (src?.startsWith("data:")) {
    return a.kind === "image"
      ? `<img src="${escapeHtml(src)}" alt="${name}" title="${name}">`
      : `<video src="${escapeHtml(src)}" controls playsinline preload="metadata" title="${name}"></video>`;
  }
  if (a.url && /^https?:\/\//i.test(a.url))
    return `<a class="chip" href="${escapeHtml(a.url)}" rel="noreferrer noopener">${name} — online only</a>`;
  return `<span class="chip">${name} — not included</span>`;
}

function userHtml(turn: SnapshotTurn, media: ReadonlyMap<string, string>): string {
  const attachments = (turn.attachments ?? []).map((a) => attachmentHtml(a, media)).join("");
  const text = turn.task
    ? `<div class="bubble">${escapeHtml(taskSummary(turn.task))}${turn.text ? `<details><summary>Show full prompt</summary>${escapeHtml(turn.text)}</details>` : ""}</div>`
    : turn.text
      ? `<div class="bubble">${escapeHtml(turn.text)}</div>`
      : "";
  return `<section class="user">${attachments ? `<div class="media">${attachments}</div>` : ""}${text}</section>`;
}

function overlayHtml(overlay: TurnOverlay | undefined, media: ReadonlyMap<string, string>): string {
  const src = overlay && media.get(overlay.mediaId);
  if (!overlay || !src?.startsWith("data:")) return "";
  return `<figure class="overlay"><div class="stage"><img src="${escapeHtml(src)}" alt="" width="${overlay.size.width}" height="${overlay.size.height}">${overlay.svg}</div><figcaption>Drawn from the answer: ${escapeHtml(overlay.labels.join(", "))}</figcaption></figure>`;
}

function assistantHtml(turn: SnapshotTurn, render: (markdown: string) => string, overlay: string, result: string): string {
  const parts = [
    `<div class="who">${escapeHtml(turn.backend?.label ?? "Reply")}${turn.backend?.model ? `<span>${escapeHtml(turn.backend.model)}</span>` : ""}</div>`,
  ];
  if (turn.reasoning) {
    parts.push(
      `<details class="think"><summary>${escapeHtml(thinkingLine(turn))}</summary><div class="think-text">${escapeHtml(turn.reasoning)}</div></details>`,
    );
  }
  if (turn.answer) parts.push(`<div class="answer">${render(turn.answer)}</div>`);
  if (overlay) parts.push(overlay);
  if (result) parts.push(result);
  for (const call of toolCallViews(turn)) {
    const result =
      call.result === null ? "" : `<div class="tool-result"><strong>Result</strong><pre>${escapeHtml(call.result)}</pre></div>`;
    const flag = call.malformed ? `<div class="note">${escapeHtml(call.malformed)} Shown exactly as it came.</div>` : "";
    parts.push(
      `<div class="tool"><div class="tool-head">Tool call <code>${escapeHtml(call.name)}</code><span>${escapeHtml(call.id)}</span></div>${flag}<pre>${escapeHtml(call.arguments)}</pre>${result}</div>`,
    );
  }
  if (turn.state === "error" && turn.error)
    parts.push(`<div class="error"><strong>${escapeHtml(turn.error.code)}</strong> — ${escapeHtml(turn.error.message)}</div>`);
  if (turn.state === "stopped") parts.push(`<div class="note">Stopped — the partial reply is kept.</div>`);
  const metrics = metricsLine(turn);
  if (metrics) parts.push(`<div class="note">${escapeHtml(metrics)}</div>`);
  return `<section class="reply">${parts.join("")}</section>`;
}

export function buildSessionHtml({
  title,
  createdAt,
  data,
  media = new Map(),
  renderMarkdown = plainText,
  overlays = new Map(),
}: HtmlExport): string {
  const model = describeModel(data);
  const prompts = data.turns.filter((t) => t.role === "user").length;
  const meta = [createdAt ? createdAt.slice(0, 10) : null, model, `${prompts} ${prompts === 1 ? "prompt" : "prompts"}`].filter(Boolean);
  const rows = describeSettings(data)
    .map((row) => `<dt>${escapeHtml(row.label)}</dt><dd>${escapeHtml(row.value)}</dd>`)
    .join("");
  const system = data.systemPrompt?.trim()
    ? `<div class="system"><strong>System prompt</strong>\n${escapeHtml(data.systemPrompt)}</div>`
    : "";
  const files = actionFiles(data, exportSlug(title));
  const recordedOn = (data.recording?.recordedAt ?? createdAt)?.slice(0, 10);
  const timeline = replayTimeline(data);
  const turns = data.turns
    .map((turn, index) =>
      replayWrap(
        turn.role === "user"
          ? userHtml(turn, media)
          : assistantHtml(turn, renderMarkdown, overlayHtml(overlays.get(index), media), resultHtml(turn, files.get(index), media)),
        index,
        timeline,
      ),
    )
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}${REPLAY_CSS}</style>
</head>
<body>
${REPLAY_RADIOS}
<main>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${meta.map((m) => escapeHtml(String(m))).join(" · ")}</p>
<p class="meta">Recording of ${escapeHtml(recordedModels(data).join(", "))}${recordedOn ? ` · recorded ${escapeHtml(recordedOn)}` : ""}</p>
${REPLAY_BAR}
<details class="settings"><summary>Settings</summary><dl>${rows}</dl>${system}</details>
${turns}
<footer>Exported from NIM Playground. This file plays back offline and runs no scripts.</footer>
</main>
</body>
</html>
`;
}
