import "server-only";

// Runs jobs in the background, in order of arrival, at most `concurrency` at once per backend (a
// GPU server generates one video at a time). Each running job gets an AbortSignal that cancel()
// fires; a waiting job is simply taken out of the line.

export interface RunnerTask {
  id: string;
  backendId: string;
  /** At most this many jobs of the backend run at once. */
  concurrency: number;
  /** Does the whole job, reporting its outcome itself; should not throw. */
  run(signal: AbortSignal): Promise<void>;
}

interface Lane {
  running: Map<string, AbortController>;
  waiting: RunnerTask[];
  concurrency: number;
}

export class JobRunner {
  private readonly lanes = new Map<string, Lane>();
  private readonly inFlight = new Set<Promise<void>>();

  enqueue(task: RunnerTask): void {
    let lane = this.lanes.get(task.backendId);
    if (!lane) this.lanes.set(task.backendId, (lane = { running: new Map(), waiting: [], concurrency: task.concurrency }));
    lane.concurrency = Math.max(1, task.concurrency);
    lane.waiting.push(task);
    this.pump(lane);
  }

  /** Stops a job: out of the line if waiting, its signal fired if running. False if unknown here. */
  cancel(id: string): boolean {
    for (const lane of this.lanes.values()) {
      const index = lane.waiting.findIndex((task) => task.id === id);
      if (index >= 0) {
        lane.waiting.splice(index, 1);
        return true;
      }
      const controller = lane.running.get(id);
      if (controller) {
        controller.abort();
        return true;
      }
    }
    return false;
  }

  /** 1 for the next job to start on its backend; null when it is not waiting. */
  queuePosition(id: string): number | null {
    for (const lane of this.lanes.values()) {
      const index = lane.waiting.findIndex((task) => task.id === id);
      if (index >= 0) return index + 1;
    }
    return null;
  }

  /** The jobs running or waiting here, over all backends. */
  ids(): string[] {
    return [...this.lanes.values()].flatMap((lane) => [...lane.running.keys(), ...lane.waiting.map((task) => task.id)]);
  }

  runningCount(backendId: string): number {
    return this.lanes.get(backendId)?.running.size ?? 0;
  }

  /** Jobs running or waiting, over all backends. */
  get size(): number {
    return [...this.lanes.values()].reduce((sum, lane) => sum + lane.running.size + lane.waiting.length, 0);
  }

  /** Resolves when nothing is running or waiting (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private pump(lane: Lane): void {
    while (lane.running.size < lane.concurrency && lane.waiting.length > 0) {
      const task = lane.waiting.shift()!;
      const controller = new AbortController();
      lane.running.set(task.id, controller);
      const done = Promise.resolve()
        .then(() => task.run(controller.signal))
        .catch((error: unknown) => console.error(`[playground] generation job ${task.id} crashed:`, error))
        .finally(() => {
          lane.running.delete(task.id);
          this.inFlight.delete(done);
          this.pump(lane);
        });
      this.inFlight.add(done);
    }
  }
}
