import { runChatTurn, type TurnOutcome } from "@/lib/chat/client/stream";
import { batchTextEvents, nextFrame, type Schedule } from "@/lib/chat/client/text-batcher";
import type { ChatEvent } from "@/lib/chat/events";
import type { ChatRequestInput } from "@/lib/chat/schema";
import { recordChunk, type TurnTimings } from "@/lib/chat/timings";

// Starts one streamed chat turn for a page (the playground, each Compare column): text deltas reach
// the page once a frame, however fast they stream; Stop keeps what arrived and says so at once.

export interface StartChatTurnOptions {
  body: ChatRequestInput;
  /** Every event, text merged per frame, with the time its first part arrived. */
  onEvent: (event: ChatEvent, at: number) => void;
  /** The turn was stopped (by `stop()` or the stream being aborted); called at most once. */
  onStopped: (at: number) => void;
  /** When the turn started, and where its text timings go once it has ended (for replays). */
  startedAt?: number;
  onTimings?: (timings: TurnTimings) => void;
  fetchImpl?: typeof fetch;
  schedule?: Schedule;
}

export interface ChatTurnHandle {
  /** Settles when the stream has ended, with what ended it. */
  done: Promise<TurnOutcome>;
  /** Aborts the request (and so the upstream generation), keeping the text that arrived. */
  stop(): void;
  /** The page is going away: aborts and delivers nothing more. */
  abandon(): void;
}

export function startChatTurn(options: StartChatTurnOptions): ChatTurnHandle {
  const { body, onEvent, onStopped, onTimings, fetchImpl, schedule = nextFrame, startedAt = Date.now() } = options;
  const controller = new AbortController();
  const events = batchTextEvents(onEvent, schedule);
  let stopped = false;
  let abandoned = false;
  let timings: TurnTimings = {};
  const markStopped = () => {
    if (stopped || abandoned) return;
    stopped = true;
    onStopped(Date.now());
  };
  const done = runChatTurn({
    body,
    signal: controller.signal,
    onEvent: (event) => {
      const now = Date.now();
      // Timings are noted as text arrives, before batching, so a busy page does not shift them.
      if (event.type === "reasoning" || event.type === "answer") {
        timings = recordChunk(timings, event.type === "reasoning" ? "think" : "answer", now - startedAt, event.text.length);
      }
      events.push(event, now);
    },
    ...(fetchImpl ? { fetchImpl } : {}),
  }).then((outcome) => {
    if (!abandoned) events.flush();
    if (!abandoned && (timings.think || timings.answer)) onTimings?.(timings);
    if (outcome === "stopped") markStopped();
    return outcome;
  });
  return {
    done,
    stop() {
      controller.abort();
      events.flush();
      markStopped();
    },
    abandon() {
      abandoned = true;
      events.cancel();
      controller.abort();
    },
  };
}
