// Splits a markdown answer into top-level blocks that parse the same alone as in the whole text, so
// that a streaming answer re-parses only its last block, and measures what makes markdown parsing
// blow up (deep nesting), so that the page can show such a block as plain text instead.

/** Beyond these an answer stays readable and inert: the page must not freeze or crash on it. */
export const MARKDOWN_LIMITS = {
  /** Characters rendered at all (a 20k-token answer is about 75,000); the rest waits behind a "show raw" switch. */
  totalChars: 100_000,
  /** A block (other than fenced code, which parses in linear time) longer than this is shown as text. */
  blockChars: 16_000,
  /** The same for the block still streaming in, parsed again on every frame (about 5 ms per 1000 characters). */
  liveBlockChars: 6_000,
  /** A block nesting deeper than this is shown as text. */
  nesting: 32,
  /** A block with more emphasis runs (`*`, `_`, `~`) than this is shown as text: resolving them is quadratic. */
  delimiterRuns: 1000,
};

export interface MarkdownBlock {
  text: string;
  /** Where it starts in the text that was split. */
  start: number;
  /** Only a fenced code block (closed at its end, or still open): its content is literal. */
  fenced: boolean;
  /** The start of a block too long to parse, shown as text. */
  truncated?: boolean;
  /** The whole text, kept in one block for its link or footnote definitions: parsed at any length. */
  whole?: boolean;
}

// Link and footnote definitions apply to the whole text: with one, the text stays a single block.
const DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
// Raw HTML blocks that may hold blank lines (CommonMark HTML blocks 1–5), with what ends each.
const RAW_HTML: readonly [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
// After a blank line, an indented line or a list item may still belong to the block before it.
const CONTINUES = /^(?:[ \t]|(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$))/;

const isBlank = (line: string) => line.trim() === "";

function closesFence(line: string, open: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return match !== null && match[1]![0] === open[0] && match[1]!.length >= open.length;
}

export function splitMarkdownBlocks(text: string): MarkdownBlock[] {
  if (text.includes("]:") && DEFINITION.test(text)) return [{ text, start: 0, fenced: false, whole: true }];
  const lines = text.split("\n");
  const offsets: number[] = [];
  for (let i = 0, at = 0; i < lines.length; i += 1) {
    offsets.push(at);
    at += lines[i]!.length + 1;
  }
  const blocks: MarkdownBlock[] = [];
  let start = 0;
  let fence: string | null = null;
  let htmlEnd: RegExp | null = null;
  // The block began with a fence, and nothing but blank lines followed its closing line.
  let fenced = false;
  const close = (end: number) => {
    let last = end - 1;
    while (last >= start && isBlank(lines[last]!)) last -= 1;
    if (last >= start) blocks.push({ text: lines.slice(start, last + 1).join("\n"), start: offsets[start]!, fenced });
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (fence !== null) {
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    if (htmlEnd !== null) {
      if (htmlEnd.test(line)) htmlEnd = null;
      continue;
    }
    if (isBlank(line)) continue;
    if (i > start && isBlank(lines[i - 1]!) && !CONTINUES.test(line)) {
      close(i);
      start = i;
      fenced = false;
    } else if (i > start) {
      fenced = false;
    }
    const open = FENCE.exec(line);
    if (open && !(open[1]![0] === "`" && open[2]!.includes("`"))) {
      fence = open[1]!;
      fenced = i === start;
      continue;
    }
    const html = RAW_HTML.find(([opens]) => opens.test(line));
    if (html && !html[1].test(line.slice(line.indexOf("<") + 2))) htmlEnd = html[1];
  }
  close(lines.length);
  return blocks;
}

/** Blockquote and list markers, and indentation (two columns a level), at the start of a line. */
function containerDepth(line: string): number {
  let depth = 0;
  let columns = 0;
  let i = 0;
  for (;;) {
    // The first space after a marker belongs to the marker.
    if (depth > 0 && line[i] === " ") i += 1;
    while (line[i] === " " || line[i] === "\t") columns += line[i++] === "\t" ? 4 : 1;
    if (line[i] === ">") {
      depth += 1;
      i += 1;
      continue;
    }
    const marker = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t])/.exec(line.slice(i, i + 11));
    if (!marker) return depth + Math.floor(columns / 2);
    depth += 1;
    i += marker[0].length;
  }
}

const isSpace = (char: string | undefined) => char === undefined || /\s/.test(char);

/**
 * What makes a block expensive to parse and render, faster than its length: how deeply it nests
 * (containers on one line, open brackets or open emphasis, whichever is deepest), and the most
 * emphasis delimiter runs in one paragraph (inline markup never crosses a blank line).
 */
export function measureBlock(block: string): { depth: number; delimiterRuns: number } {
  let deepest = 0;
  let mostRuns = 0;
  for (const line of block.split("\n")) deepest = Math.max(deepest, containerDepth(line));
  let brackets = 0;
  let emphasis = 0;
  let delimiterRuns = 0;
  for (let i = 0; i < block.length; i += 1) {
    const char = block[i];
    if (char === "\n" && /^[ \t]*(?:\n|$)/.test(block.slice(i + 1, i + 41))) {
      brackets = emphasis = delimiterRuns = 0;
    } else if (char === "\\") i += 1;
    else if (char === "[") brackets += 1;
    else if (char === "]") brackets = Math.max(0, brackets - 1);
    else if (char === "*" || char === "_" || char === "~") {
      const from = i;
      while (block[i + 1] === char) i += 1;
      const run = i - from + 1;
      delimiterRuns += 1;
      mostRuns = Math.max(mostRuns, delimiterRuns);
      const opens = !isSpace(block[i + 1]);
      const closes = !isSpace(block[from - 1]);
      if (closes && (!opens || emphasis > 0)) emphasis = Math.max(0, emphasis - run);
      else if (opens) emphasis += run;
    }
    deepest = Math.max(deepest, brackets, emphasis);
  }
  return { depth: deepest, delimiterRuns: mostRuns };
}

/**
 * Joins consecutive small blocks into groups of about `chars` characters: fewer markdown renders,
 * each still small. A block of that size or more stands alone, and so does the last block (the one
 * still growing while an answer streams), so that earlier groups stay the same and stay memoized.
 */
export function groupMarkdownBlocks(blocks: readonly MarkdownBlock[], chars = 2000): MarkdownBlock[] {
  const last = blocks.at(-1);
  if (!last) return [];
  const groups: MarkdownBlock[] = [];
  let current: MarkdownBlock[] = [];
  let length = 0;
  const flush = () => {
    if (current.length === 1) groups.push(current[0]!);
    else if (current.length > 1)
      groups.push({ text: current.map((block) => block.text).join("\n\n"), start: current[0]!.start, fenced: false });
    current = [];
    length = 0;
  };
  for (const block of blocks.slice(0, -1)) {
    if (block.text.length >= chars) {
      flush();
      groups.push(block);
      continue;
    }
    current.push(block);
    length += block.text.length;
    if (length >= chars) flush();
  }
  flush();
  groups.push(last);
  return groups;
}

/** Whether a block is shown as plain text rather than parsed as markdown; `live`: it is still streaming in. */
export function isPlainTextBlock(block: MarkdownBlock, live = false, limits = MARKDOWN_LIMITS): boolean {
  if (block.fenced) return false;
  if (block.truncated) return true;
  if (!block.whole && block.text.length > (live ? limits.liveBlockChars : limits.blockChars)) return true;
  const { depth, delimiterRuns } = measureBlock(block.text);
  return depth > limits.nesting || delimiterRuns > limits.delimiterRuns;
}

/**
 * What an answer renders: its first `totalChars` as groups of blocks, stopping at a block too long
 * to parse, of which only the start shows (as text); and the rest, kept behind a switch.
 */
export function planMarkdown(text: string, limits = MARKDOWN_LIMITS): { blocks: MarkdownBlock[]; rest: string } {
  const { head, rest } = cutAtLimit(text, limits.totalChars);
  const blocks = splitMarkdownBlocks(head);
  const long = blocks.findIndex((block) => !block.fenced && !block.whole && block.text.length > limits.blockChars);
  if (long < 0) return { blocks: groupMarkdownBlocks(blocks), rest };
  const { start } = blocks[long]!;
  const shown = cutAtLimit(text.slice(start), limits.blockChars);
  return {
    blocks: [...groupMarkdownBlocks(blocks.slice(0, long)), { text: shown.head, start, fenced: false, truncated: true }],
    rest: shown.rest,
  };
}

/** The part of a text that is rendered, cut at a line end near the limit when there is one, and the rest. */
export function cutAtLimit(text: string, limit = MARKDOWN_LIMITS.totalChars): { head: string; rest: string } {
  if (text.length <= limit) return { head: text, rest: "" };
  const newline = text.lastIndexOf("\n", limit);
  let cut = newline > limit * 0.9 ? newline + 1 : limit;
  // Never between the two halves of a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(text[cut - 1] ?? "")) cut -= 1;
  return { head: text.slice(0, cut), rest: text.slice(cut) };
}
