import "server-only";

import { GENERATION_PROFILES } from "@/lib/backends/generation-families";
import type { Backend } from "@/lib/backends/server/backends";
import { redactKeys } from "@/lib/backends/server/redact";
import { PlaygroundError } from "@/lib/core/errors";
import { buildUpstreamRequest } from "@/lib/generation/builders";
import { expectedSeconds } from "@/lib/generation/estimate";
import { JobTransitionError, type GenerationJob, type JobEvent } from "@/lib/generation/job-state";
import type { ResolvedGeneration } from "@/lib/generation/request";
import type { ResultMediaFacts } from "@/lib/generation/schema";
import { executePlan, type InputMedia } from "@/lib/generation/server/execute";
import type { GenerationDetails } from "@/lib/generation/server/execution-types";
import type { OmniModes } from "@/lib/generation/server/omni-video";
import { resolveForBackend } from "@/lib/generation/server/prepare";
import { resultFacts } from "@/lib/generation/server/result-facts";
import { CanceledError } from "@/lib/generation/server/upstream";
import type { UploadedMedia } from "@/lib/media/media-api";
import { mediaNotFound } from "@/lib/media/server/download";
import { storeMediaFrom } from "@/lib/media/server/service";
import type { MediaStorage } from "@/lib/media/server/storage";
import type { JobRepository } from "@/lib/server/db/jobs";

// One claimed generation job run to its end: checked again against the backend, sent upstream,
// the result stored as media with its probed facts (or the actions alone), every step recorded
// on the job unless it was canceled meanwhile.

export interface JobExecutionDeps {
  jobs: () => Promise<JobRepository>;
  media: () => MediaStorage;
  now: () => number;
  /** Which vLLM-Omni servers take async jobs, learnt as they answer. */
  omniModes: OmniModes;
}

export class JobExecution {
  constructor(private readonly deps: JobExecutionDeps) {}

  /** Applies an event unless the job moved on (canceled meanwhile): then there is nothing to record. */
  private async record(id: string, event: JobEvent): Promise<GenerationJob | null> {
    try {
      return await (await this.deps.jobs()).apply(id, event);
    } catch (error) {
      if (error instanceof JobTransitionError) return null;
      throw error;
    }
  }

  async run(job: GenerationJob, backend: Backend, signal: AbortSignal): Promise<void> {
    const jobs = await this.deps.jobs();
    // Claimed jobs may have been queued through another instance: checked again against the backend as it is now.
    let resolved: ResolvedGeneration;
    try {
      resolved = await resolveForBackend(this.deps.media(), backend, job.request, job.request.seed ?? job.seed ?? 0);
    } catch (error) {
      if (!(error instanceof PlaygroundError)) console.error(`[playground] generation job ${job.id} could not be prepared:`, error);
      const failure =
        error instanceof PlaygroundError
          ? error
          : new PlaygroundError("internal", "The job could not be prepared; the details are in the server log.");
      await this.record(job.id, { type: "fail", at: this.deps.now(), error: { code: failure.code, message: failure.message } });
      return;
    }
    // Without history the family's nominal rate serves; a database hiccup must not stall the job.
    const pastRates = await jobs.recentRates(backend.id).catch(() => []);
    const expectedS = expectedSeconds({
      workUnits: job.workUnits,
      pastRates,
      defaultRate: GENERATION_PROFILES[resolved.profile].secondsPerWorkUnit,
      ...(backend.nominalJobSeconds === undefined ? {} : { nominalSeconds: backend.nominalJobSeconds }),
    });
    if (!(await this.record(job.id, { type: "start", at: this.deps.now(), expectedS, progressSource: "estimate" }))) return;
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
        this.deps.omniModes,
        { control, ...(resolved.world ? { domain: resolved.world.domain.name } : {}) },
      );
      let received = 0;
      const counted = output.media.pipeThrough(
        new TransformStream({ transform: (chunk, c) => void ((received += chunk.length), c.enqueue(chunk)) }),
      );
      let details: GenerationDetails | undefined;
      const stored = await storeMediaFrom(counted, this.deps.media()).catch(async (error: unknown) => {
        // An answer without a file reads as an empty file: it is either actions alone (the DROID policy
        // checkpoint) or the answer's own reason says more.
        if (received === 0) {
          details = await output.details();
          if (details.action) return null;
        }
        throw error instanceof PlaygroundError && error.code === "unsupported_media"
          ? new PlaygroundError("upstream_error", `Backend '${backend.id}' returned a result that is not a playable image or video.`)
          : error;
      });
      details ??= await output.details();
      if ((resolved.request.mode === "policy" || resolved.request.mode === "inverse_dynamics") && !details.action) {
        throw new PlaygroundError(
          "upstream_error",
          `Backend '${backend.id}' returned the video without the actions; a ${resolved.request.mode.replace("_", " ")} result needs them (vLLM-Omni returns them from async jobs, POST /v1/videos, only).`,
        );
      }
      await this.record(job.id, {
        type: "succeed",
        at: this.deps.now(),
        result: stored && { mediaId: stored.media.id, kind: stored.media.kind },
        action: details.action ?? null,
        media: stored && (await this.resultFacts(stored.media)),
        // The server's own words are upstream text like any other: no key in them is stored.
        upsampledPrompt: details.upsampledPrompt === undefined ? null : redactKeys(details.upsampledPrompt),
        seed: details.seed ?? resolved.request.seed,
        note: details.note === undefined ? null : redactKeys(details.note),
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
        at: this.deps.now(),
        error: { code: failure.code, message: redactKeys(failure.message) },
      });
    }
  }

  private async resultFacts(media: UploadedMedia): Promise<ResultMediaFacts> {
    const { catalog, blobs } = this.deps.media();
    const record = await catalog.get(media.id);
    const file = record ? await blobs.openReader(record.blobKey) : null;
    try {
      return await resultFacts(file, media);
    } finally {
      await file?.close();
    }
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
