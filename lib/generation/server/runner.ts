import "server-only";

// Runs the jobs this instance claimed, each with an AbortSignal that cancel() fires. How many may
// run is the database's business (the claim holds the cap across instances), not this runner's.

export interface RunnerTask {
  id: string;
  backendId: string;
  /** Does the whole job, reporting its outcome itself; should not throw. */
  run(signal: AbortSignal): Promise<void>;
}

export class JobRunner {
  private readonly running = new Map<string, { backendId: string; controller: AbortController }>();
  private readonly inFlight = new Set<Promise<unknown>>();

  /** Starts the task at once; `onDone` runs once it has ended, however it ended. */
  start(task: RunnerTask, onDone?: () => void): void {
    const controller = new AbortController();
    this.running.set(task.id, { backendId: task.backendId, controller });
    this.track(
      Promise.resolve()
        .then(() => task.run(controller.signal))
        .catch((error: unknown) => console.error(`[playground] generation job ${task.id} crashed:`, error))
        .finally(() => {
          this.running.delete(task.id);
          onDone?.();
        }),
    );
  }

  /** Counts other background work (claiming jobs) until it settles, for idle(). */
  track(work: Promise<unknown>): void {
    const settled = work.catch(() => undefined).finally(() => this.inFlight.delete(settled));
    this.inFlight.add(settled);
  }

  /** Fires a running job's signal. False if it does not run here. */
  cancel(id: string): boolean {
    const job = this.running.get(id);
    job?.controller.abort();
    return job !== undefined;
  }

  /** The jobs running here, over all backends. */
  ids(): string[] {
    return [...this.running.keys()];
  }

  runningCount(backendId: string): number {
    return [...this.running.values()].filter((job) => job.backendId === backendId).length;
  }

  /** Jobs running here, over all backends. */
  get size(): number {
    return this.running.size;
  }

  /** Resolves when nothing runs here and no claim is under way (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }
}
