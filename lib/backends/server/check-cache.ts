import "server-only";

import { processMemo } from "@/lib/core/process-memo";

// The last result of a check per backend (readiness, contract detection): answered at once while
// fresh, refreshed when stale (the stale one still answered meanwhile), never run twice at once.

interface Timed {
  at: number;
}

export class CheckCache<T extends Timed> {
  constructor(private readonly name: string) {}

  private get state() {
    return processMemo(this.name, "", () => ({ done: new Map<string, T>(), running: new Map<string, Promise<T>>() }));
  }

  last(id: string): T | undefined {
    return this.state.done.get(id);
  }

  /** The last result if younger than `freshMs(result)`, else a refresh (the stale result meanwhile). */
  async get(id: string, freshMs: (last: T) => number, run: () => Promise<T>): Promise<T> {
    const last = this.last(id);
    if (last && Date.now() - last.at < freshMs(last)) return last;
    const next = this.refresh(id, run);
    return last ?? next;
  }

  private refresh(id: string, run: () => Promise<T>): Promise<T> {
    const { done, running } = this.state;
    const pending = running.get(id);
    if (pending) return pending;
    const promise = run().then(
      (result) => {
        done.set(id, result);
        running.delete(id);
        return result;
      },
      (error: unknown) => {
        running.delete(id);
        throw error;
      },
    );
    running.set(id, promise);
    return promise;
  }
}
