import "server-only";

import { randomInt } from "node:crypto";

import { GENERATION_PROFILES } from "@/lib/backends/generation-families";
import { getBackend, redactKey, type Backend } from "@/lib/backends/server/backends";
import { backendProfile } from "@/lib/backends/server/generator-contract";
import { MAX_INLINE_BYTES } from "@/lib/chat/server/inline";
import { PlaygroundError } from "@/lib/core/errors";
import { processMemo } from "@/lib/core/process-memo";
import { buildUpstreamRequest } from "@/lib/generation/builders";
import { expectedSeconds } from "@/lib/generation/estimate";
import { JobTransitionError, type GenerationJob, type JobEvent } from "@/lib/generation/job-state";
import { resolveGeneration, workUnits, type ResolvedGeneration } from "@/lib/generation/request";
import type { GenerationJobView, GenerationRequest } from "@/lib/generation/schema";
import { executePlan, type InputMedia } from "@/lib/generation/server/execute";
import { DEFAULT_LEASE, Heartbeat, type LeaseTiming } from "@/lib/generation/server/lease";
import type { OmniModes } from "@/lib/generation/server/omni-video";
import { resultFacts } from "@/lib/generation/server/result-facts";
import { JobRunner } from "@/lib/generation/server/runner";
import { CanceledError } from "@/lib/generation/server/upstream";
import { toJobView } from "@/lib/generation/server/view";
import { mediaDir } from "@/lib/media/server/config";
import { mediaNotFound } from "@/lib/media/server/download";
import { storeMediaBytes } from "@/lib/media/server/service";
import { mediaStorage, type MediaStorage } from "@/lib/media/server/storage";
import type { JobRepository } from "@/lib/server/db/jobs";
import { databaseLocation, playgroundStore } from "@/lib/server/db/store";
import { newId } from "@/lib/server/ids";

// Generation jobs end to end: validate and queue (POST), run in the background on the runner,
// keep the result as media, answer the job's state (GET), cancel (DELETE). It fails the jobs whose
// instance stopped renewing their lease (a restart, a crash), so none is lost silently.

export interface GenerationServiceDeps {
  jobs: () => Promise<JobRepository>;
  media: () => MediaStorage;
  backend: (id: string) => Promise<Backend>;
  now?: () => number;
  lease?: LeaseTiming;
}

export const jobNotFound = (id: string) =>
  new PlaygroundError("not_found", `There is no generation job '${id}'; it may have been made on another server.`);

export class GenerationService {
  readonly runner = new JobRunner();
  readonly heartbeat: Heartbeat;
  private readonly omniModes: OmniModes = new Map();
  private recovery: Promise<void> | null = null;
  private recoveryStartedAt = 0;
  private readonly now: () => number;
  private readonly lease: LeaseTiming;

  constructor(private readonly deps: GenerationServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.lease = deps.lease ?? DEFAULT_LEASE;
    this.heartbeat = new Heartbeat({ intervalMs: this.lease.heartbeatMs, runner: this.runner, jobs: deps.jobs, now: this.now });
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
    return this.deps.jobs();
  }

  async create(ownerId: string, request: GenerationRequest): Promise<GenerationJobView> {
    const jobs = await this.repo();
    const backend = await this.deps.backend(request.backend);
    const profile = backend.kind === "chat" ? null : await backendProfile(backend);
    if (!profile) {
      throw new PlaygroundError(
        "bad_request",
        `Backend '${backend.id}' is a chat backend; pick a predict or omni backend from GET /api/backends to generate.`,
      );
    }
    const input = request.inputMediaId ? await this.inputFacts(request.inputMediaId) : undefined;
    const control = request.control ? await this.inputFacts(request.control.mediaId) : undefined;
    // /v1/infer takes the input inline as base64, inside one JSON string.
    for (const media of [input, control]) {
      if (media && backend.kind === "predict" && media.bytes > MAX_INLINE_BYTES) {
        throw new PlaygroundError(
          "payload_too_large",
          `The input ${media.kind} is over ${MAX_INLINE_BYTES / 1024 / 1024} MB, more than can be sent inline; trim or downscale it first.`,
        );
      }
    }
    const resolved = resolveGeneration(profile, request, {
      seed: randomInt(0, 2 ** 32),
      ...(input ? { input } : {}),
      ...(control ? { control } : {}),
    });
    const job: GenerationJob = {
      id: newId(),
      ownerId,
      backendId: backend.id,
      mode: request.mode,
      request: resolved.request,
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
    await jobs.create(job, { runnerId: this.heartbeat.runnerId, at: this.now() });
    this.runner.enqueue({
      id: job.id,
      backendId: backend.id,
      concurrency: backend.maxConcurrentJobs,
      run: (signal) => this.run(job, backend, resolved, signal),
    });
    this.heartbeat.start();
    return toJobView(job, this.now(), this.runner.queuePosition(job.id));
  }

  async get(id: string): Promise<GenerationJobView> {
    const job = await (await this.repo()).get(id);
    if (!job) throw jobNotFound(id);
    return toJobView(job, this.now(), this.runner.queuePosition(id));
  }

  async list(ownerId: string, options: { backendId?: string; limit: number }): Promise<GenerationJobView[]> {
    const jobs = await (await this.repo()).list(ownerId, options);
    const now = this.now();
    return jobs.map((job) => toJobView(job, now, this.runner.queuePosition(job.id)));
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

  private async inputFacts(mediaId: string): Promise<{ kind: "image" | "video"; mime: string; bytes: number }> {
    const record = await this.deps.media().catalog.get(mediaId);
    if (!record) throw mediaNotFound(mediaId);
    return { kind: record.kind, mime: record.mime, bytes: record.bytes };
  }

  /** Applies an event unless the job moved on (canceled meanwhile): then there is nothing to record. */
  private async record(id: string, event: JobEvent): Promise<GenerationJob | null> {
    try {
      return await (await this.deps.jobs()).apply(id, event);
    } catch (error) {
      if (error instanceof JobTransitionError) return null;
      throw error;
    }
  }

  private async run(job: GenerationJob, backend: Backend, resolved: ResolvedGeneration, signal: AbortSignal): Promise<void> {
    const jobs = await this.deps.jobs();
    // Without history the family's nominal rate serves; a database hiccup must not stall the job.
    const pastRates = await jobs.recentRates(backend.id).catch(() => []);
    const expectedS = expectedSeconds({
      workUnits: job.workUnits,
      pastRates,
      defaultRate: GENERATION_PROFILES[resolved.profile].secondsPerWorkUnit,
      ...(backend.nominalJobSeconds === undefined ? {} : { nominalSeconds: backend.nominalJobSeconds }),
    });
    if (!(await this.record(job.id, { type: "start", at: this.now(), expectedS, progressSource: "estimate" }))) return;
    try {
      const input = resolved.request.inputMediaId ? await this.readInput(resolved.request.inputMediaId) : null;
      const control = resolved.request.control ? await this.readInput(resolved.request.control.mediaId) : null;
      const output = await executePlan(
        backend,
        buildUpstreamRequest(resolved),
        input,
        {
          signal,
          onProgress: async (progress) => void (await this.record(job.id, { type: "progress", progress, progressSource: "upstream" })),
          onUpstreamJob: async (upstreamJobId) => void (await this.record(job.id, { type: "upstream-job", upstreamJobId })),
        },
        this.omniModes,
        { control, ...(resolved.world ? { domain: resolved.world.domain.name } : {}) },
      );
      if ((resolved.request.mode === "policy" || resolved.request.mode === "inverse_dynamics") && !output.action) {
        throw new PlaygroundError(
          "upstream_error",
          `Backend '${backend.id}' returned the video without the actions; a ${resolved.request.mode.replace("_", " ")} result needs them (vLLM-Omni returns them from async jobs, POST /v1/videos, only).`,
        );
      }
      const stored = output.bytes ? await this.storeResult(output.bytes, backend.id) : null;
      await this.record(job.id, {
        type: "succeed",
        at: this.now(),
        result: stored && { mediaId: stored.media.id, kind: stored.media.kind },
        action: output.action ?? null,
        media: stored && (await resultFacts(stored.bytes, stored.media)),
        upsampledPrompt: output.upsampledPrompt ?? null,
        seed: output.seed ?? resolved.request.seed,
        note: output.note ?? null,
      });
    } catch (error) {
      if (error instanceof CanceledError || signal.aborted) return;
      const failure =
        error instanceof PlaygroundError
          ? error
          : new PlaygroundError("internal", "The generation failed on the playground server; the details are in its log.");
      if (!(error instanceof PlaygroundError)) console.error(`[playground] generation job ${job.id} failed:`, error);
      await this.record(job.id, {
        type: "fail",
        at: this.now(),
        error: { code: failure.code, message: redactKey(failure.message, backend) },
      });
    }
  }

  private async storeResult(bytes: Uint8Array, backendId: string) {
    const stored = await storeMediaBytes(bytes, this.deps.media()).catch((error: unknown) => {
      throw error instanceof PlaygroundError && error.code === "unsupported_media"
        ? new PlaygroundError("upstream_error", `Backend '${backendId}' returned a result that is not a playable image or video.`)
        : error;
    });
    return { ...stored, bytes };
  }

  private async readInput(mediaId: string): Promise<InputMedia> {
    const { catalog, blobs } = this.deps.media();
    const record = await catalog.get(mediaId);
    const file = record ? await blobs.openReader(record.blobKey) : null;
    if (!record || !file) throw mediaNotFound(mediaId);
    try {
      return { kind: record.kind, mime: record.mime, bytes: await file.read(0, file.size) };
    } finally {
      await file.close();
    }
  }
}

/** The process's job service for the configured database and data folder. */
export function generationService(): GenerationService {
  const key = `${JSON.stringify(databaseLocation())}|${mediaDir()}`;
  return processMemo(
    "generation-service",
    key,
    () => new GenerationService({ jobs: async () => (await playgroundStore()).jobs, media: mediaStorage, backend: getBackend }),
  );
}
