import "server-only";

import type { JobRunner } from "@/lib/generation/server/runner";
import type { JobRepository } from "@/lib/server/db/jobs";
import { newId } from "@/lib/server/ids";

// Jobs are leased to the instance that runs them. While it has any, it renews them all every
// heartbeat, and stops here the ones the database says have ended (canceled through another
// instance, say). When it stops renewing, the others fail its jobs once the lease has run out.

export interface LeaseTiming {
  /** How often an instance renews the jobs it runs. */
  heartbeatMs: number;
  /** How long after its last renewal a job counts as abandoned. */
  leaseMs: number;
}

export const DEFAULT_LEASE: LeaseTiming = { heartbeatMs: 10_000, leaseMs: 30_000 };

export interface HeartbeatOptions {
  intervalMs: number;
  runner: JobRunner;
  jobs: () => Promise<JobRepository>;
  now: () => number;
}

export class Heartbeat {
  /** This instance's name in the jobs it runs. */
  readonly runnerId = newId();
  private timer: NodeJS.Timeout | null = null;
  private beating = false;

  constructor(private readonly options: HeartbeatOptions) {}

  /** Starts renewing unless it already is; it stops by itself once the runner has nothing left. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.beat(), this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async beat(): Promise<void> {
    const { runner, jobs, now } = this.options;
    const ids = runner.ids();
    if (ids.length === 0) return this.stop();
    // A slow database skips a beat rather than piling renewals up.
    if (this.beating) return;
    this.beating = true;
    try {
      const renewed = new Set(await (await jobs()).renewLeases(this.runnerId, ids, now()));
      for (const id of ids) if (!renewed.has(id)) runner.cancel(id);
    } catch (error) {
      console.warn(`[playground] could not renew the lease of ${ids.length} generation job(s): ${(error as Error).message}`);
    } finally {
      this.beating = false;
    }
  }
}
