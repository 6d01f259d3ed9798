import type { AssistantTurn, Turn } from "@/lib/chat/conversation";
import { charsAt, firstMarkAt, lastMarkAt } from "@/lib/chat/timings";

// Replaying a recorded session: one clock, in the recording's milliseconds, places every turn on
// a timeline. A question shows, then its reply streams as it did (think pane, then answer, per
// the recorded batch times); turns recorded without times stream at a steady default pace.

export type ReplaySpeed = 1 | 2 | "instant";

/** A pause after each question, so it is read before its reply starts. */
export const QUESTION_PAUSE_MS = 700;
/** The pace of turns recorded without times, characters per second. */
export const DEFAULT_CHARS_PER_SECOND = 160;
const MAX_UNTIMED_MS = 20_000;

interface Slot {
  startMs: number;
  durationMs: number;
  /** When thinking ended, for turns without times (their answer follows it evenly). */
  thinkMs: number;
}

export interface ReplayPlan {
  slots: Slot[];
  totalMs: number;
}

function untimed(turn: AssistantTurn): { durationMs: number; thinkMs: number } {
  const steady = (chars: number) => (chars / DEFAULT_CHARS_PER_SECOND) * 1000;
  const think = steady(turn.reasoning.length);
  const raw = think + steady(turn.answer.length);
  const durationMs = Math.min(MAX_UNTIMED_MS, Math.max(600, raw));
  return { durationMs, thinkMs: raw > 0 ? (durationMs * think) / raw : 0 };
}

function replyDuration(turn: AssistantTurn): { durationMs: number; thinkMs: number } {
  const t = turn.timings;
  const last = Math.max(lastMarkAt(t?.think) ?? -1, lastMarkAt(t?.answer) ?? -1);
  if (last < 0) return untimed(turn);
  return { durationMs: Math.max(last, 1), thinkMs: lastMarkAt(t?.think) ?? 0 };
}

export function planReplay(turns: readonly Turn[]): ReplayPlan {
  const slots: Slot[] = [];
  let at = 0;
  for (const turn of turns) {
    if (turn.kind === "user") {
      slots.push({ startMs: at, durationMs: QUESTION_PAUSE_MS, thinkMs: 0 });
    } else {
      const { durationMs, thinkMs } = replyDuration(turn);
      slots.push({ startMs: at, durationMs, thinkMs });
    }
    at += slots.at(-1)!.durationMs;
  }
  return { slots, totalMs: at };
}

/** How long the finished turn says it thought, when it knows both ends. */
function recordedThinkMs(turn: AssistantTurn): number | null {
  return turn.thinkStartedAt !== null && turn.thinkEndedAt !== null ? turn.thinkEndedAt - turn.thinkStartedAt : null;
}

/** A reply `localMs` into its slot: the text that had arrived by then, still streaming. */
function partialReply(turn: AssistantTurn, slot: Slot, localMs: number, now: number): AssistantTurn {
  const t = turn.timings;
  const timed = t?.think?.length || t?.answer?.length;
  const reasoningChars = timed
    ? charsAt(t?.think, turn.reasoning.length, localMs)
    : Math.round(turn.reasoning.length * Math.min(1, slot.thinkMs > 0 ? localMs / slot.thinkMs : 1));
  const answerChars = timed
    ? charsAt(t?.answer ?? [], turn.answer.length, localMs)
    : Math.round(turn.answer.length * Math.max(0, (localMs - slot.thinkMs) / Math.max(1, slot.durationMs - slot.thinkMs)));
  const reasoning = turn.reasoning.slice(0, reasoningChars);
  const answer = turn.answer.slice(0, answerChars);
  // As live: the clock runs from the first reasoning batch until the answer begins (or the turn
  // ends), and the figure it stops on is the one the finished turn shows.
  const thinkFrom = timed ? (firstMarkAt(t?.think) ?? 0) : 0;
  const thinkUntil = timed ? (firstMarkAt(t?.answer) ?? slot.durationMs) : slot.thinkMs;
  const start = now - localMs;
  const thinkStartedAt = reasoning !== "" ? start + thinkFrom : null;
  const thinkEndedAt =
    thinkStartedAt !== null && localMs >= thinkUntil ? thinkStartedAt + (recordedThinkMs(turn) ?? thinkUntil - thinkFrom) : null;
  return {
    ...turn,
    state: "streaming",
    reasoning,
    answer,
    startedAt: start,
    thinkStartedAt,
    thinkEndedAt,
    endedAt: null,
    usage: null,
    metrics: null,
    finishReason: null,
    error: null,
    toolCalls: undefined,
    toolResults: undefined,
  };
}

/** The turns as they stood `elapsedMs` into the replay; `now` anchors the live timers. */
export function replayTurns(turns: readonly Turn[], plan: ReplayPlan, elapsedMs: number, now: number): Turn[] {
  const shown: Turn[] = [];
  turns.forEach((turn, index) => {
    const slot = plan.slots[index];
    if (!slot || elapsedMs < slot.startMs) return;
    const local = elapsedMs - slot.startMs;
    if (turn.kind === "user" || local >= slot.durationMs) shown.push(turn);
    else shown.push(partialReply(turn, slot, local, now));
  });
  return shown;
}
