import "server-only";

import { randomInt } from "node:crypto";

import { getBackend, type Backend } from "@/lib/backends/server/backends";
import { PlaygroundError } from "@/lib/core/errors";
import { processMemo } from "@/lib/core/process-memo";
import { JobTransitionError, type GenerationJob } from "@/lib/generation/job-state";
import { workUnits } from "@/lib/generation/request";
import type { GenerationJobView, GenerationRequest } from "@/lib/generation/schema";
import { JobDispatcher, queueFullError } from "@/lib/generation/server/dispatch";
import { DEFAULT_LEASE, Heartbeat, type LeaseTiming } from "@/lib/generation/server/lease";
import { resolveForBackend } from "@/lib/generation/server/prepare";
import { JobExecution } from "@/lib/generation/server/run-job";
import { JobRunner } from "@/lib/generation/server/runner";
import { toJobView } from "@/lib/generation/server/view";
import { mediaDir } from "@/lib/media/server/config";
import { mediaStorage, type MediaStorage } from "@/lib/media/server/storage";
import type { JobRepository } from "@/lib/server/db/jobs";
import { databaseLocation, playgroundStore } from "@/lib/server/db/store";
import { readEnv } from "@/lib/server/env";
import { newId } from "@/lib/server/ids";

// Generation jobs end to end: validate and queue (POST) in the database's line, claim them and run
// them in the background (run-job.ts), answer the job's state (GET), cancel (DELETE). It fails the
// jobs whose instance stopped renewing their lease (a restart, a crash), so none is lost silently.

export interface GenerationServiceDeps {
  jobs: () => Promise<JobRepository>;
  media: () => MediaStorage;
  backend: (id: string) => Promise<Backend>;
  now?: () => number;
  lease?: LeaseTiming;
  /** Jobs one client (owner) may have waiting, over all backends. */
  maxQueuedPerClient?: number;
}

export const DEFAULT_MAX_QUEUED_PER_CLIENT = 10;

export const jobNotFound = (id: string) =>
  new PlaygroundError("not_found", `There is no generation job '${id}'; it may have been made on another server.`);

export class GenerationService {
  readonly runner = new JobRunner();
  readonly heartbeat: Heartbeat;
  readonly dispatcher: JobDispatcher;
  private readonly execution: JobExecution;
  private recovery: Promise<void> | null = null;
  private recoveryStartedAt = 0;
  private readonly now: () => number;
  private readonly lease: LeaseTiming;

  constructor(private readonly deps: GenerationServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.lease = deps.lease ?? DEFAULT_LEASE;
    this.heartbeat = new Heartbeat({ intervalMs: this.lease.heartbeatMs, runner: this.runner, jobs: deps.jobs, now: this.now });
    this.execution = new JobExecution({ jobs: deps.jobs, media: deps.media, now: this.now, omniModes: new Map() });
    this.dispatcher = new JobDispatcher({
      runner: this.runner,
      intervalMs: this.lease.heartbeatMs,
      claimOne: (backendId) => this.claimOne(backendId),
      waitingBackends: async () => (await this.deps.jobs()).waitingBackends(),
    });
  }

  /** Stops polling and renewing (the jobs running here go on until they end). */
  stop(): void {
    this.dispatcher.stop();
    this.heartbeat.stop();
  }

  /**
   * Before anything else touches the jobs, then again at most once a heartbeat, so a dead instance's
   * jobs fail soon after their lease runs out. Retried if the database was down.
   */
  private recover(): Promise<void> {
    const now = this.now();
    if (this.recovery && now - this.recoveryStartedAt < this.lease.heartbeatMs) return this.recovery;
    this.recoveryStartedAt = now;
    const recovery = (async () => {
      const failed = await (await this.deps.jobs()).recoverInterrupted(now, now - this.lease.leaseMs);
      if (failed.length > 0)
        console.warn(`[playground] ${failed.length} generation job(s) were cut off by a restart or a stopped instance and marked failed.`);
    })().catch((error: unknown) => {
      if (this.recovery === recovery) this.recovery = null;
      throw error;
    });
    this.recovery = recovery;
    return recovery;
  }

  private async repo(): Promise<JobRepository> {
    await this.recover();
    this.dispatcher.start();
    return this.deps.jobs();
  }

  /** Claims the backend's next waiting job, if it has room, and starts it here. */
  private async claimOne(backendId: string): Promise<boolean> {
    const backend = await this.deps.backend(backendId).catch((error: unknown) => {
      // A backend taken out of the configuration keeps its line until it comes back.
      if (error instanceof PlaygroundError && error.code === "backend_not_found") return null;
      throw error;
    });
    if (!backend) return false;
    const job = await (
      await this.deps.jobs()
    ).claimNext(backendId, backend.maxConcurrentJobs, {
      runnerId: this.heartbeat.runnerId,
      at: this.now(),
    });
    if (!job) return false;
    this.runner.start({ id: job.id, backendId, run: (signal) => this.execution.run(job, backend, signal) }, () =>
      this.dispatcher.pump(backendId),
    );
    this.heartbeat.start();
    return true;
  }

  private async positions(jobs: JobRepository, list: GenerationJob[], backendId?: string): Promise<Map<string, number>> {
    return list.some((job) => job.status === "queued") ? jobs.waitingPositions(backendId) : new Map();
  }

  async create(ownerId: string, request: GenerationRequest): Promise<GenerationJobView> {
    const jobs = await this.repo();
    const backend = await this.deps.backend(request.backend);
    const resolved = await resolveForBackend(this.deps.media(), backend, request, randomInt(0, 2 ** 32));
    const job: GenerationJob = {
      id: newId(),
      ownerId,
      backendId: backend.id,
      mode: request.mode,
      request: resolved.request,
      defaulted: resolved.defaulted,
      status: "queued",
      progress: null,
      progressSource: null,
      error: null,
      resultMediaId: null,
      resultKind: null,
      resultAction: null,
      resultMedia: null,
      upstreamJobId: null,
      upsampledPrompt: null,
      seed: resolved.request.seed,
      note: null,
      workUnits: workUnits(resolved),
      expectedS: null,
      createdAt: this.now(),
      startedAt: null,
      finishedAt: null,
      revision: 1,
    };
    const perClient = this.deps.maxQueuedPerClient ?? DEFAULT_MAX_QUEUED_PER_CLIENT;
    const full = await jobs.enqueue(job, { backend: backend.maxQueuedJobs, owner: perClient });
    if (full) throw queueFullError(full, backend.id, full.full === "backend" ? backend.maxQueuedJobs : perClient, this.now());
    const position = (await jobs.waitingPositions(backend.id)).get(job.id) ?? null;
    this.dispatcher.pump(backend.id);
    return toJobView(job, this.now(), position);
  }

  async get(id: string): Promise<GenerationJobView> {
    const jobs = await this.repo();
    const job = await jobs.get(id);
    if (!job) throw jobNotFound(id);
    const positions = await this.positions(jobs, [job], job.backendId);
    return toJobView(job, this.now(), positions.get(id) ?? null);
  }

  async list(ownerId: string, options: { backendId?: string; limit: number }): Promise<GenerationJobView[]> {
    const repo = await this.repo();
    const jobs = await repo.list(ownerId, options);
    const positions = await this.positions(repo, jobs, options.backendId);
    const now = this.now();
    return jobs.map((job) => toJobView(job, now, positions.get(job.id) ?? null));
  }

  /** Cancels a queued or running job; a canceled one is answered as it is; a finished one is a 409. */
  async cancel(id: string): Promise<GenerationJobView> {
    const jobs = await this.repo();
    const current = await jobs.get(id);
    if (!current) throw jobNotFound(id);
    if (current.status === "canceled") return toJobView(current, this.now(), null);
    try {
      const canceled = await jobs.apply(id, { type: "cancel", at: this.now() });
      this.runner.cancel(id);
      return toJobView(canceled ?? current, this.now(), null);
    } catch (error) {
      if (!(error instanceof JobTransitionError)) throw error;
      throw new PlaygroundError("conflict", `This job has already ${error.from}; there is nothing to cancel.`);
    }
  }
}

/** The process's job service for the configured database and data folder. */
export function generationService(): GenerationService {
  const key = `${JSON.stringify(databaseLocation())}|${mediaDir()}`;
  return processMemo(
    "generation-service",
    key,
    () =>
      new GenerationService({
        jobs: async () => (await playgroundStore()).jobs,
        media: mediaStorage,
        backend: getBackend,
        maxQueuedPerClient: readEnv().PLAYGROUND_MAX_QUEUED_JOBS_PER_CLIENT ?? DEFAULT_MAX_QUEUED_PER_CLIENT,
      }),
  );
}
