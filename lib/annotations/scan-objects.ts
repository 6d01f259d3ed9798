// Finds `{…}` objects in free text in one linear pass: fenced blocks, bare lists, JSONL and objects
// in the middle of prose all look the same from here. Nothing is ever rescanned, so 200 KB of prose
// with stray braces and quotes costs one walk over the characters.

import { isSpace } from "@/lib/annotations/loose-json";

export interface TextSpan {
  start: number;
  /** Exclusive. */
  end: number;
}

export type BrokenReason = "truncated" | "unterminated-string" | "too-long";

export interface ObjectCandidate extends TextSpan {
  /** Set when the object never closed; `end` is then where reading stopped. */
  broken?: BrokenReason;
  /** Complete objects nested inside, outermost only: what can be saved when the whole cannot. */
  inner: TextSpan[];
}

// Annotation objects are a few hundred characters; a brace that stays open this long is prose.
const MAX_OBJECT_CHARS = 20_000;
// A quote opens a string only where JSON allows one, so "don't" in prose opens nothing.
const STRING_MAY_FOLLOW = new Set(["{", "[", ",", ":"]);

export function scanObjects(text: string): ObjectCandidate[] {
  const found: ObjectCandidate[] = [];
  const open: number[] = [];
  let inner: TextSpan[] = [];
  let quote = "";
  let previous = "";

  const stop = (at: number, broken: BrokenReason): void => {
    found.push({ start: open[0] ?? at, end: at, broken, inner });
    open.length = 0;
    quote = "";
  };

  for (let i = 0; i < text.length; i += 1) {
    const outermost = open[0];
    if (outermost === undefined) {
      i = text.indexOf("{", i);
      if (i < 0) break;
      open.push(i);
      inner = [];
      previous = "{";
      continue;
    }
    const ch = text[i] ?? "";
    if (quote) {
      if (ch === "\\") i += 1;
      else if (ch === quote) {
        quote = "";
        previous = ch;
      } else if (ch === "\n") stop(i, "unterminated-string");
      continue;
    }
    if (i - outermost > MAX_OBJECT_CHARS) {
      stop(i, "too-long");
      i -= 1; // read this character again, outside any object
      continue;
    }
    if ((ch === '"' || ch === "'") && STRING_MAY_FOLLOW.has(previous)) quote = ch;
    else if (ch === "{") open.push(i);
    else if (ch === "}") {
      const start = open.pop() ?? i;
      if (open.length === 0) found.push({ start, end: i + 1, inner });
      else {
        // Objects closed since this one opened are inside it: keep only the outermost.
        while ((inner.at(-1)?.start ?? -1) > start) inner.pop();
        inner.push({ start, end: i + 1 });
      }
    }
    if (!isSpace(text.charCodeAt(i))) previous = ch;
  }
  if (open.length > 0) stop(text.length, "truncated");
  return found;
}
