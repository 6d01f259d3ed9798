import type { ChatEvent } from "@/lib/chat/events";

// A fast stream sends hundreds of text deltas a second; the page only needs them once a frame.
// Text events wait for the next frame and arrive merged (same kind in a row, with the time of the
// first); any other event first delivers what waits, then itself, so the order never changes.

type Deliver = (event: ChatEvent, at: number) => void;
/** Runs a callback soon (the next animation frame) and returns how to cancel it. */
export type Schedule = (callback: () => void) => () => void;

export interface ChatEventBatcher {
  push(event: ChatEvent, at: number): void;
  /** Delivers what waits now, e.g. before the turn is stopped. */
  flush(): void;
  /** Drops what waits and any scheduled delivery. */
  cancel(): void;
}

export const nextFrame: Schedule = (callback) => {
  if (typeof requestAnimationFrame !== "function") {
    const id = setTimeout(callback, 16);
    return () => clearTimeout(id);
  }
  const id = requestAnimationFrame(callback);
  return () => cancelAnimationFrame(id);
};

export function batchTextEvents(deliver: Deliver, schedule: Schedule = nextFrame): ChatEventBatcher {
  let waiting: { event: Extract<ChatEvent, { type: "reasoning" | "answer" }>; at: number }[] = [];
  let cancelScheduled: (() => void) | null = null;

  const flush = () => {
    cancelScheduled?.();
    cancelScheduled = null;
    const ready = waiting;
    waiting = [];
    for (const { event, at } of ready) deliver(event, at);
  };

  return {
    push(event, at) {
      if (event.type !== "reasoning" && event.type !== "answer") {
        flush();
        deliver(event, at);
        return;
      }
      const last = waiting.at(-1);
      if (last && last.event.type === event.type) last.event = { type: event.type, text: last.event.text + event.text };
      else waiting.push({ event, at });
      cancelScheduled ??= schedule(flush);
    },
    flush,
    cancel() {
      cancelScheduled?.();
      cancelScheduled = null;
      waiting = [];
    },
  };
}
