import "server-only";

import { estimatedProgress } from "@/lib/generation/estimate";
import type { GenerationJob } from "@/lib/generation/job-state";
import type { GenerationJobView } from "@/lib/generation/schema";
import { mediaUrl } from "@/lib/media/media-api";

// A stored job as GET /api/generations answers it. Estimated progress is computed at read time
// from the start time and the expected duration, so nothing is written while a job just waits.

const iso = (ms: number | null) => (ms === null ? undefined : new Date(ms).toISOString());
const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

function progressOf(job: GenerationJob, elapsedS: number): Pick<GenerationJobView, "progress" | "progressSource" | "estimatedTotalS"> {
  if (job.status === "queued") return { progress: 0 };
  if (job.status === "succeeded") return { progress: 1, ...(job.progressSource ? { progressSource: job.progressSource } : {}) };
  if (job.status !== "running") return {};
  const expectedS = job.expectedS ?? undefined;
  if (job.progressSource === "upstream") {
    const progress = job.progress ?? 0;
    // Once the server has reported a little, its rate is the better guess of the total.
    const total = progress >= 0.05 ? elapsedS / progress : expectedS;
    return { progress: round(progress), progressSource: "upstream", ...(total === undefined ? {} : { estimatedTotalS: round(total, 1) }) };
  }
  if (expectedS === undefined) return { progress: 0, progressSource: "estimate" };
  return {
    progress: round(estimatedProgress(elapsedS, expectedS)),
    progressSource: "estimate",
    estimatedTotalS: round(Math.max(expectedS, elapsedS), 1),
  };
}

export function toJobView(job: GenerationJob, now: number, queuePosition: number | null): GenerationJobView {
  const end = job.finishedAt ?? now;
  const exactS = job.startedAt === null ? 0 : Math.max(0, end - job.startedAt) / 1000;
  const optional = {
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
    upsampledPrompt: job.upsampledPrompt ?? undefined,
    seed: job.seed ?? undefined,
    note: job.note ?? undefined,
    queuePosition: job.status === "queued" ? (queuePosition ?? undefined) : undefined,
  };
  return {
    id: job.id,
    backend: job.backendId,
    mode: job.mode,
    status: job.status,
    request: job.request,
    ...(job.defaulted ? { defaulted: job.defaulted } : {}),
    createdAt: new Date(job.createdAt).toISOString(),
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
    ...progressOf(job, exactS),
    elapsedS: round(exactS, 1),
    ...(job.resultMediaId && job.resultKind
      ? {
          result: {
            mediaId: job.resultMediaId,
            kind: job.resultKind,
            url: mediaUrl(job.resultMediaId),
            ...(job.resultAction ? { action: job.resultAction } : {}),
            ...(job.resultMedia ? { probed: job.resultMedia } : {}),
          },
        }
      : job.status === "succeeded" && job.resultAction
        ? { result: { kind: "actions" as const, action: job.resultAction } }
        : {}),
    ...(job.error ? { error: job.error } : {}),
  };
}
