import { describe, expect, it } from "vitest";

import {
  applyJobEvent,
  canApply,
  isTerminal,
  JobTransitionError,
  recoverAfterRestart,
  RESTART_MESSAGE,
  type GenerationJob,
  type JobEvent,
} from "@/lib/generation/job-state";
import { JOB_STATUSES, type JobStatus } from "@/lib/generation/schema";

const job = (status: JobStatus = "queued", extra: Partial<GenerationJob> = {}): GenerationJob => ({
  id: "job",
  ownerId: "owner",
  backendId: "sim-predict",
  mode: "text2world",
  request: { backend: "sim-predict", mode: "text2world", prompt: "p" },
  status,
  progress: null,
  progressSource: null,
  error: null,
  resultMediaId: null,
  resultKind: null,
  resultAction: null,
  resultMedia: null,
  upstreamJobId: null,
  upsampledPrompt: null,
  seed: 7,
  note: null,
  workUnits: 1000,
  expectedS: null,
  createdAt: 1000,
  startedAt: null,
  finishedAt: null,
  revision: 1,
  ...extra,
});

const start: JobEvent = { type: "start", at: 2000, expectedS: 60, progressSource: "estimate" };
const succeed: JobEvent = {
  type: "succeed",
  at: 9000,
  result: { mediaId: "m", kind: "video" },
  upsampledPrompt: "longer",
  seed: 8,
  note: "n",
};

describe("job state machine", () => {
  it("runs queued → running → succeeded, bumping the revision at every step", () => {
    const running = applyJobEvent(job(), start);
    expect(running).toMatchObject({
      status: "running",
      startedAt: 2000,
      expectedS: 60,
      progress: 0,
      progressSource: "estimate",
      revision: 2,
    });
    const moved = applyJobEvent(running, { type: "progress", progress: 0.4, progressSource: "upstream" });
    expect(moved).toMatchObject({ progress: 0.4, progressSource: "upstream", revision: 3 });
    const done = applyJobEvent(moved, succeed);
    expect(done).toMatchObject({
      status: "succeeded",
      finishedAt: 9000,
      progress: 1,
      resultMediaId: "m",
      resultKind: "video",
      upsampledPrompt: "longer",
      seed: 8,
      note: "n",
      revision: 4,
    });
  });

  it("never moves progress back and keeps it within 0..1", () => {
    const running = applyJobEvent(job(), start);
    const half = applyJobEvent(running, { type: "progress", progress: 0.5 });
    expect(applyJobEvent(half, { type: "progress", progress: 0.2 }).progress).toBe(0.5);
    expect(applyJobEvent(half, { type: "progress", progress: 7 }).progress).toBe(1);
    expect(applyJobEvent(running, { type: "progress", progress: Number.NaN }).progress).toBe(0);
  });

  it("cancels from queued and from running, and from nothing else", () => {
    expect(applyJobEvent(job("queued"), { type: "cancel", at: 5 })).toMatchObject({ status: "canceled", finishedAt: 5, error: null });
    expect(applyJobEvent(job("running"), { type: "cancel", at: 5 }).status).toBe("canceled");
    for (const status of ["succeeded", "failed", "canceled"] as const) {
      expect(() => applyJobEvent(job(status), { type: "cancel", at: 5 })).toThrow(JobTransitionError);
    }
  });

  it("allows only the legal transitions: finished jobs take no event at all", () => {
    const events: JobEvent[] = [
      start,
      { type: "progress", progress: 0.1 },
      { type: "upstream-job", upstreamJobId: "u" },
      succeed,
      { type: "fail", at: 1, error: { code: "upstream_error", message: "x" } },
      { type: "cancel", at: 1 },
      { type: "restart", at: 1 },
    ];
    const legal = Object.fromEntries(
      JOB_STATUSES.map((status) => [status, events.filter((event) => canApply(status, event.type)).map((event) => event.type)]),
    );
    expect(legal).toEqual({
      queued: ["start", "fail", "cancel", "restart"],
      running: ["progress", "upstream-job", "succeed", "fail", "cancel", "restart"],
      succeeded: [],
      failed: [],
      canceled: [],
    });
    expect(() => applyJobEvent(job("queued"), succeed)).toThrow("A queued job cannot take 'succeed'.");
    expect(() => applyJobEvent(job("canceled"), succeed)).toThrow(JobTransitionError);
    expect(JOB_STATUSES.filter(isTerminal)).toEqual(["succeeded", "failed", "canceled"]);
  });

  it("turns jobs a restart cut off into failures that say so, and leaves finished ones alone", () => {
    for (const status of ["queued", "running"] as const) {
      expect(recoverAfterRestart(job(status, { progress: 0.3 }), 77)).toMatchObject({
        status: "failed",
        finishedAt: 77,
        progress: 0.3,
        error: { code: "interrupted", message: RESTART_MESSAGE },
      });
    }
    expect(RESTART_MESSAGE).toBe("The server restarted while this job was running; start it again.");
    for (const status of ["succeeded", "failed", "canceled"] as const) expect(recoverAfterRestart(job(status), 77)).toBeNull();
  });
});
