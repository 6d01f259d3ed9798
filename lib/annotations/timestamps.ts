// Times as temporal-localization answers write them: "00:05.70" (mm:ss.ff), "1:02:03.500",
// "0:05", 0.1, "12.34s", "12.3 s". Also finds clock times in prose ("at 00:05"), kept apart.

import type { TextSpan } from "@/lib/annotations/scan-objects";

export interface TimeMention {
  startS: number;
  /** Equal to startS for a single instant ("at 00:05"). */
  endS: number;
  raw: string;
  /** Offset of `raw` in the answer. */
  index: number;
}

const SECONDS = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*(?:s|secs?|seconds?)?$/i;
const WHOLE = /^\d+$/;
const SECONDS_FIELD = /^\d+(?:[.,]\d+)?$/;

/** Seconds for a time value, or null when it is not a time. Negative numbers come back as is. */
export function parseTimestamp(value: unknown): number | null {
  if (typeof value === "number") return Number.isNaN(value) ? null : value;
  if (typeof value !== "string") return null;
  const text = value.trim();
  const seconds = SECONDS.exec(text);
  if (seconds) return Number(seconds[1]);
  const parts = text.split(":");
  if (parts.length < 2 || parts.length > 3) return null;
  const last = parts.pop() ?? "";
  if (!SECONDS_FIELD.test(last) || !parts.every((part) => WHOLE.test(part))) return null;
  const [hours, minutes] = parts.length === 2 ? parts.map(Number) : [0, Number(parts[0])];
  const secs = Number(last.replace(",", "."));
  if (secs >= 60 || (parts.length === 2 && (minutes ?? 0) >= 60)) return null;
  return (hours ?? 0) * 3600 + (minutes ?? 0) * 60 + secs;
}

// Seconds in prose need a decimal point ("at 12.3s"), so "the 1990s" is not a time.
const TIME = String.raw`(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\.\d{1,3})?|\d+\.\d+ ?s`;
// Bounded quantifiers and look-arounds only, so matching stays linear on long prose.
const MENTION = new RegExp(String.raw`(?<![\w:.])(${TIME})(?:\s{0,3}(?:-|–|—|to)\s{0,3}(${TIME}))?(?![\w:])`, "g");

/** Clock times in prose, skipping the given spans (the JSON objects already read). */
export function findTimeMentions(text: string, skip: readonly TextSpan[]): TimeMention[] {
  const mentions: TimeMention[] = [];
  let next = 0;
  for (const match of text.matchAll(MENTION)) {
    const index = match.index;
    while ((skip[next]?.end ?? Infinity) <= index) next += 1;
    const span = skip[next];
    if (span && span.start <= index) continue;
    const startS = parseTimestamp(match[1]);
    if (startS === null) continue;
    const endS = match[2] === undefined ? startS : parseTimestamp(match[2]);
    if (endS === null) continue;
    mentions.push({ startS, endS, raw: match[0], index });
  }
  return mentions;
}
