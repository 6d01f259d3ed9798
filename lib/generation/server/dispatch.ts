import "server-only";

import { PlaygroundError } from "@/lib/core/errors";
import type { JobRunner } from "@/lib/generation/server/runner";
import type { QueueFull } from "@/lib/server/db/job-queue";
import { tooMany } from "@/lib/server/route-limits";

// Takes waiting jobs from the database's line into this instance's runner: right after a job is
// queued or one ends here, and every poll while any backend has jobs waiting (queued through
// another instance, or waiting for room that another instance made).

export interface DispatcherOptions {
  runner: JobRunner;
  intervalMs: number;
  /** Claims and starts one job of the backend; false when none could be claimed. */
  claimOne: (backendId: string) => Promise<boolean>;
  waitingBackends: () => Promise<string[]>;
}

export class JobDispatcher {
  private readonly pumping = new Map<string, { again: boolean }>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: DispatcherOptions) {}

  /** Claims jobs of the backend until it is at its cap or its line is empty; one pump per backend at a time. */
  pump(backendId: string): void {
    const current = this.pumping.get(backendId);
    if (current) {
      current.again = true;
      return;
    }
    const state = { again: false };
    this.pumping.set(backendId, state);
    this.options.runner.track(
      (async () => {
        do {
          state.again = false;
          while (await this.options.claimOne(backendId));
        } while (state.again);
      })()
        .catch((error: unknown) => console.warn(`[playground] could not take a waiting job of '${backendId}': ${(error as Error).message}`))
        .finally(() => this.pumping.delete(backendId)),
    );
  }

  /** Polls until no backend has jobs waiting; started again by the next use of the service. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.poll(), this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async poll(): Promise<void> {
    try {
      const backends = await this.options.waitingBackends();
      if (backends.length === 0) return this.stop();
      for (const backendId of backends) this.pump(backendId);
    } catch (error) {
      console.warn(`[playground] could not read the generation line: ${(error as Error).message}`);
    }
  }
}

/** The 429 for a full line: the wait until a running job should end, or a minute when that is unknown. */
export function queueFullError(refusal: QueueFull, backendId: string, limit: number, now: number): PlaygroundError {
  const retryAfterS = refusal.soonestEndAt === null ? 60 : Math.max(1, Math.ceil((refusal.soonestEndAt - now) / 1000));
  const what =
    refusal.full === "backend"
      ? `generation jobs waiting for backend '${backendId}'`
      : "generation jobs of yours waiting (over all backends)";
  return tooMany(what, retryAfterS, `${limit} in line at a time, and ${refusal.waiting} are`);
}
