import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESTART_MESSAGE, JobTransitionError, type GenerationJob } from "@/lib/jobs/state";
import { newJobId } from "@/lib/server/db/jobs";
import { openStore, type PlaygroundStore } from "@/lib/server/db/store";
import { postgresCase, sqliteCase } from "./support/database-drivers";

// Generation jobs in the database, the same suite on both drivers.

const job = (extra: Partial<GenerationJob> = {}): GenerationJob => ({
  id: newJobId(), ownerId: "owner-a", backendId: "predict", mode: "text2world",
  request: { backend: "predict", mode: "text2world", prompt: "A robot arm — “quoted” ünïcode", seed: 4_294_967_295, width: 1280, height: 704 },
  status: "queued", progress: null, progressSource: null, error: null, resultMediaId: null, resultKind: null, upstreamJobId: null,
  upsampledPrompt: null, seed: 4_294_967_295, note: null, workUnits: 1280 * 704 * 121 * 50, expectedS: null,
  createdAt: Date.now(), startedAt: null, finishedAt: null, revision: 1, ...extra,
});

describe.each([sqliteCase, postgresCase])("$name generation jobs", (driver) => {
  let store: PlaygroundStore;

  beforeAll(async () => {
    await driver.start();
    store = await openStore(await driver.freshLocation());
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await driver.stop();
  });

  it("stores a job and reads it back exactly, large seeds and JSON included", async () => {
    const created = await store.jobs.create(job());
    expect(created.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await store.jobs.get(created.id)).toEqual(created);
    expect(await store.jobs.get(newJobId())).toBeNull();
  });

  it("writes each event through the state machine: start, progress, upstream id, success", async () => {
    const { id } = await store.jobs.create(job());
    await store.jobs.apply(id, { type: "start", at: 1_000, expectedS: 42.5, progressSource: "estimate" });
    await store.jobs.apply(id, { type: "upstream-job", upstreamJobId: "video_gen_1" });
    await store.jobs.apply(id, { type: "progress", progress: 0.25, progressSource: "upstream" });
    const done = await store.jobs.apply(id, { type: "succeed", at: 61_000, result: { mediaId: "media-1", kind: "video" }, upsampledPrompt: "longer", seed: 9, note: "stock" });
    expect(await store.jobs.get(id)).toEqual(done);
    expect(done).toMatchObject({
      status: "succeeded", startedAt: 1_000, finishedAt: 61_000, expectedS: 42.5, progress: 1, progressSource: "upstream", upstreamJobId: "video_gen_1",
      resultMediaId: "media-1", resultKind: "video", upsampledPrompt: "longer", seed: 9, note: "stock", revision: 5,
    });
    expect(await store.jobs.apply(newJobId(), { type: "cancel", at: 1 })).toBeNull();
  });

  it("refuses illegal transitions and keeps the stored job unchanged", async () => {
    const { id } = await store.jobs.create(job());
    await store.jobs.apply(id, { type: "cancel", at: 5 });
    await expect(store.jobs.apply(id, { type: "start", at: 6, expectedS: 1, progressSource: "estimate" })).rejects.toBeInstanceOf(JobTransitionError);
    expect(await store.jobs.get(id)).toMatchObject({ status: "canceled", finishedAt: 5, startedAt: null, revision: 2 });
  });

  it("lets one of a cancel and a success win when they race, never both", async () => {
    const { id } = await store.jobs.create(job());
    await store.jobs.apply(id, { type: "start", at: 1, expectedS: 1, progressSource: "estimate" });
    const outcomes = await Promise.allSettled([
      store.jobs.apply(id, { type: "cancel", at: 2 }),
      store.jobs.apply(id, { type: "succeed", at: 3, result: { mediaId: "m", kind: "video" } }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect(["canceled", "succeeded"]).toContain((await store.jobs.get(id))?.status);
  });

  it("lists an owner's jobs newest first, by backend, within the limit", async () => {
    const owner = `owner-${newJobId()}`;
    const first = await store.jobs.create(job({ ownerId: owner, createdAt: 1_000 }));
    const second = await store.jobs.create(job({ ownerId: owner, createdAt: 2_000, backendId: "omni" }));
    const third = await store.jobs.create(job({ ownerId: owner, createdAt: 3_000 }));
    await store.jobs.create(job({ ownerId: "someone-else", createdAt: 4_000 }));
    expect((await store.jobs.list(owner, { limit: 10 })).map((j) => j.id)).toEqual([third.id, second.id, first.id]);
    expect((await store.jobs.list(owner, { backendId: "predict", limit: 1 })).map((j) => j.id)).toEqual([third.id]);
  });

  it("fails every queued and running job at start-up with a sentence, and only those", async () => {
    const queued = await store.jobs.create(job());
    const running = await store.jobs.create(job());
    await store.jobs.apply(running.id, { type: "start", at: 10, expectedS: 5, progressSource: "estimate" });
    const finished = await store.jobs.create(job());
    await store.jobs.apply(finished.id, { type: "cancel", at: 11 });
    const failed = await store.jobs.recoverInterrupted(99);
    expect(failed.map((j) => j.id)).toEqual(expect.arrayContaining([queued.id, running.id]));
    expect(failed.map((j) => j.id)).not.toContain(finished.id);
    for (const id of [queued.id, running.id]) {
      expect(await store.jobs.get(id)).toMatchObject({ status: "failed", finishedAt: 99, error: { code: "interrupted", message: RESTART_MESSAGE } });
    }
    expect(await store.jobs.get(finished.id)).toMatchObject({ status: "canceled", error: null });
    expect(await store.jobs.recoverInterrupted(100)).toEqual([]);
  });

  it("answers the backend's recent seconds per work unit from successful runs only, newest first", async () => {
    const backendId = `rate-${newJobId()}`;
    const run = async (startedAt: number, finishedAt: number, units: number, outcome: "succeed" | "fail") => {
      const { id } = await store.jobs.create(job({ backendId, workUnits: units }));
      await store.jobs.apply(id, { type: "start", at: startedAt, expectedS: 1, progressSource: "estimate" });
      await store.jobs.apply(id, outcome === "succeed"
        ? { type: "succeed", at: finishedAt, result: { mediaId: "m", kind: "video" } }
        : { type: "fail", at: finishedAt, error: { code: "upstream_error", message: "x" } });
    };
    await run(0, 10_000, 1000, "succeed");
    await run(20_000, 40_000, 1000, "succeed");
    await run(50_000, 51_000, 1000, "fail");
    expect(await store.jobs.recentRates(backendId)).toEqual([0.02, 0.01]);
    expect(await store.jobs.recentRates(backendId, 1)).toEqual([0.02]);
  });
});
