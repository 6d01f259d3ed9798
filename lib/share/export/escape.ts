// Escaping for the exported files. Everything that came from a person or a model goes through one
// of these before it lands in a file.

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

// Only unindented fences count: an indented one may sit in a list item that ends before its
// closing fence, and what follows would then be live Markdown.
const FENCE = /^(`{3,}|~{3,})(.*)$/;
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})\s*$/;

/**
 * Markdown from a model or a person, with raw HTML neutralised: every `<` outside code becomes
 * `&lt;`, which renderers show as a plain "<" and never parse as a tag. Fenced blocks and code spans
 * keep their text, as renderers never treat it as HTML; an unclosed fence is closed so it cannot
 * swallow the rest of the document. Anything unsure is escaped: at worst a "&lt;" shows in code.
 */
export function neutralizeMarkdown(markdown: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    if (fence !== null) {
      const marker = CLOSING_FENCE.exec(line)?.[1];
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      out.push(line);
      continue;
    }
    const open = FENCE.exec(line);
    // A backtick fence's info string may not hold a backtick; if it does, the line is not a fence.
    if (open?.[1] && !(open[1][0] === "`" && open[2]?.includes("`"))) {
      fence = open[1];
      out.push(line);
    } else {
      out.push(escapeLine(line));
    }
  }
  if (fence !== null) out.push(fence);
  return out.join("\n");
}

/** Table rows split on `|` before code spans are read, so there every `<` is escaped. */
function escapeLine(line: string): string {
  if (line.includes("|")) return escapeAngle(line);
  let result = "";
  let i = 0;
  while (i < line.length) {
    const tick = nextOpeningTick(line, i);
    if (tick < 0) return result + escapeAngle(line.slice(i));
    result += escapeAngle(line.slice(i, tick));
    const run = /^`+/.exec(line.slice(tick))?.[0] ?? "`";
    const close = closingRun(line, tick + run.length, run.length);
    const end = close < 0 ? tick + run.length : close + run.length;
    result += close < 0 ? run : line.slice(tick, end);
    i = end;
  }
  return result;
}

/** The next backtick, or -1 when it is backslash-escaped: the rest of the line is then escaped whole. */
function nextOpeningTick(line: string, from: number): number {
  const tick = line.indexOf("`", from);
  if (tick < 0) return -1;
  let slashes = 0;
  while (tick - slashes - 1 >= 0 && line[tick - slashes - 1] === "\\") slashes += 1;
  return slashes % 2 === 0 ? tick : -1;
}

function closingRun(line: string, from: number, length: number): number {
  const pattern = new RegExp(`(?<!\`)\`{${length}}(?!\`)`, "g");
  pattern.lastIndex = from;
  return pattern.exec(line)?.index ?? -1;
}

// An entity, not a backslash: "\\<" would escape the backslash and leave the "<" live.
const escapeAngle = (text: string) => text.replace(/</g, "&lt;");
