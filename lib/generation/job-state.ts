import type { GenerationMode } from "@/lib/backends/generation-families";
import type { ActionResult, GenerationRequest, JobStatus, ProgressSource, ResultMediaFacts } from "@/lib/generation/schema";

// The life of a generation job as a pure state machine: every change is an event, and only the
// transitions below are legal. The repository writes what applyJobEvent returns, so a job that
// finished can never be restarted, and a canceled one never turns into a success.

export interface JobError {
  code: string;
  message: string;
}

export interface GenerationJob {
  id: string;
  ownerId: string;
  backendId: string;
  mode: GenerationMode;
  request: GenerationRequest;
  /** Request fields the server filled in from defaults; absent on jobs stored before this was kept. */
  defaulted?: (keyof GenerationRequest)[];
  status: JobStatus;
  progress: number | null;
  progressSource: ProgressSource | null;
  error: JobError | null;
  resultMediaId: string | null;
  resultKind: "image" | "video" | null;
  /** Policy and inverse dynamics: the actions that came with the video. */
  resultAction: ActionResult | null;
  /** The result file's own size, length, rate and sound, probed when it was stored. */
  resultMedia: ResultMediaFacts | null;
  upstreamJobId: string | null;
  upsampledPrompt: string | null;
  seed: number | null;
  note: string | null;
  /** Pixels × frames × steps, for the duration estimate. */
  workUnits: number;
  /** Expected running time when it started, from the backend's history. */
  expectedS: number | null;
  /** Epoch milliseconds. */
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  /** Bumped by every change, so concurrent writers cannot overwrite each other. */
  revision: number;
}

export type JobEvent =
  | { type: "start"; at: number; expectedS: number; progressSource: ProgressSource }
  | { type: "progress"; progress: number; progressSource?: ProgressSource }
  | { type: "upstream-job"; upstreamJobId: string }
  | {
      type: "succeed";
      at: number;
      /** Null when the server answered with actions only (an action-only policy checkpoint). */
      result: { mediaId: string; kind: "image" | "video" } | null;
      action?: ActionResult | null;
      media?: ResultMediaFacts | null;
      upsampledPrompt?: string | null;
      seed?: number | null;
      note?: string | null;
    }
  | { type: "fail"; at: number; error: JobError }
  | { type: "cancel"; at: number }
  | { type: "restart"; at: number };

export const RESTART_MESSAGE = "The server restarted while this job was running; start it again.";

/** Which statuses each event may be applied in. */
const ALLOWED_FROM: Record<JobEvent["type"], readonly JobStatus[]> = {
  start: ["queued"],
  progress: ["running"],
  "upstream-job": ["running"],
  succeed: ["running"],
  fail: ["queued", "running"],
  cancel: ["queued", "running"],
  restart: ["queued", "running"],
};

const TERMINAL_STATUSES: readonly JobStatus[] = ["succeeded", "failed", "canceled"];

export const isTerminal = (status: JobStatus) => TERMINAL_STATUSES.includes(status);

export class JobTransitionError extends Error {
  constructor(
    readonly from: JobStatus,
    readonly event: JobEvent["type"],
  ) {
    super(`A ${from} job cannot take '${event}'.`);
    this.name = "JobTransitionError";
  }
}

export function canApply(status: JobStatus, event: JobEvent["type"]): boolean {
  return ALLOWED_FROM[event].includes(status);
}

const clamp01 = (value: number) => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);

/** The job after the event; throws JobTransitionError when the event is not legal now. */
export function applyJobEvent(job: GenerationJob, event: JobEvent): GenerationJob {
  if (!canApply(job.status, event.type)) throw new JobTransitionError(job.status, event.type);
  const next = { ...job, revision: job.revision + 1 };
  switch (event.type) {
    case "start":
      return {
        ...next,
        status: "running",
        startedAt: event.at,
        expectedS: event.expectedS,
        progress: 0,
        progressSource: event.progressSource,
      };
    case "progress":
      // Progress only moves forward: a late poll never shows the bar going back.
      return {
        ...next,
        progress: Math.max(job.progress ?? 0, clamp01(event.progress)),
        progressSource: event.progressSource ?? job.progressSource,
      };
    case "upstream-job":
      return { ...next, upstreamJobId: event.upstreamJobId };
    case "succeed":
      return {
        ...next,
        status: "succeeded",
        finishedAt: event.at,
        progress: 1,
        resultMediaId: event.result?.mediaId ?? null,
        resultKind: event.result?.kind ?? null,
        resultAction: event.action ?? null,
        resultMedia: event.media ?? null,
        upsampledPrompt: event.upsampledPrompt ?? null,
        seed: event.seed ?? job.seed,
        note: event.note ?? null,
      };
    case "fail":
      return { ...next, status: "failed", finishedAt: event.at, error: event.error };
    case "cancel":
      return { ...next, status: "canceled", finishedAt: event.at };
    case "restart":
      return { ...next, status: "failed", finishedAt: event.at, error: { code: "interrupted", message: RESTART_MESSAGE } };
  }
}

/** Jobs a fresh server finds unfinished were cut off by the restart: they fail, visibly. */
export function recoverAfterRestart(job: GenerationJob, at: number): GenerationJob | null {
  return canApply(job.status, "restart") ? applyJobEvent(job, { type: "restart", at }) : null;
}
