// The pace a reply streamed at, kept so a recording can replay it: per stream (think, answer) a
// list of [ms since the turn started, characters that arrived] pairs, one per delivered batch.
// Long lists are halved by merging neighbours, so a turn never stores more than MAX_MARKS pairs.

export type TimingMark = [atMs: number, chars: number];

export interface TurnTimings {
  think?: TimingMark[];
  answer?: TimingMark[];
}

export type TimingStream = keyof TurnTimings;

export const MAX_MARKS = 240;
const SMOOTH_MS = 250;

/** Merges each pair of neighbours: the later time, the sum of characters. */
function halve(marks: readonly TimingMark[]): TimingMark[] {
  const out: TimingMark[] = [];
  for (let i = 0; i < marks.length; i += 2) {
    const [first, second] = [marks[i]!, marks[i + 1]];
    out.push(second ? [second[0], first[1] + second[1]] : first);
  }
  return out;
}

/** The timings with one more batch of `chars` characters at `atMs` on `stream`. */
export function recordChunk(timings: TurnTimings | undefined, stream: TimingStream, atMs: number, chars: number): TurnTimings {
  if (chars <= 0 || !Number.isFinite(atMs)) return timings ?? {};
  const marks: TimingMark[] = [...(timings?.[stream] ?? []), [Math.max(0, Math.round(atMs)), chars]];
  return { ...timings, [stream]: marks.length > MAX_MARKS ? halve(marks) : marks };
}

/** How many of `total` characters had arrived `elapsedMs` into the turn, scaled to the final text. */
export function charsAt(marks: readonly TimingMark[] | undefined, total: number, elapsedMs: number): number {
  if (!marks || marks.length === 0) return total;
  const recorded = marks.reduce((sum, [, chars]) => sum + chars, 0);
  if (recorded <= 0) return total;
  let arrived = 0;
  let previousAt: number | null = null;
  for (const [at, chars] of marks) {
    if (elapsedMs >= at) {
      arrived += chars;
      previousAt = at;
      continue;
    }
    // Just before a batch the text grows into it, so a replay does not jump a batch at once;
    // nothing shows before the first batch, and a long stall stays a stall.
    const from = previousAt === null ? at : Math.max(previousAt, at - SMOOTH_MS);
    if (elapsedMs > from) arrived += (chars * (elapsedMs - from)) / (at - from);
    break;
  }
  return Math.min(total, Math.round((arrived / recorded) * total));
}

/** When the last batch on a stream arrived, or null when nothing was recorded. */
export function lastMarkAt(marks: readonly TimingMark[] | undefined): number | null {
  return marks && marks.length > 0 ? marks[marks.length - 1]![0] : null;
}

/** When the first batch on a stream arrived, or null when nothing was recorded. */
export function firstMarkAt(marks: readonly TimingMark[] | undefined): number | null {
  return marks && marks.length > 0 ? marks[0]![0] : null;
}

/**
 * Thinking as the live turn timed it, in ms since the turn started: from the first reasoning batch
 * to the first answer batch. Null when the marks do not hold both.
 */
export function thinkWindow(timings: TurnTimings | undefined): { startMs: number; endMs: number } | null {
  const startMs = firstMarkAt(timings?.think);
  const endMs = firstMarkAt(timings?.answer);
  return startMs !== null && endMs !== null && endMs >= startMs ? { startMs, endMs } : null;
}
