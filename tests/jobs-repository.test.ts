import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { JobTransitionError, RESTART_MESSAGE, type GenerationJob } from "@/lib/generation/job-state";
import { SqlJobRepository } from "@/lib/server/db/jobs";
import { migrate, MIGRATIONS } from "@/lib/server/db/migrations";
import { openPostgres } from "@/lib/server/db/postgres";
import { openSqlite } from "@/lib/server/db/sqlite";
import { openStore, type DatabaseLocation, type PlaygroundStore } from "@/lib/server/db/store";
import { newId as newJobId } from "@/lib/server/ids";

import { postgresCase, sqliteCase } from "./support/database-drivers";

// Generation jobs in the database, the same suite on both drivers.

const job = (extra: Partial<GenerationJob> = {}): GenerationJob => ({
  id: newJobId(),
  ownerId: "owner-a",
  backendId: "predict",
  mode: "text2world",
  request: {
    backend: "predict",
    mode: "text2world",
    prompt: "A robot arm — “quoted” ünïcode",
    seed: 4_294_967_295,
    width: 1280,
    height: 704,
  },
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
  seed: 4_294_967_295,
  note: null,
  workUnits: 1280 * 704 * 121 * 50,
  expectedS: null,
  createdAt: Date.now(),
  startedAt: null,
  finishedAt: null,
  revision: 1,
  ...extra,
});

const openRaw = (location: DatabaseLocation) => (location.driver === "postgres" ? openPostgres(location.url) : openSqlite(location.file));

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
    const done = await store.jobs.apply(id, {
      type: "succeed",
      at: 61_000,
      result: { mediaId: "media-1", kind: "video" },
      upsampledPrompt: "longer",
      seed: 9,
      note: "stock",
    });
    expect(await store.jobs.get(id)).toEqual(done);
    expect(done).toMatchObject({
      status: "succeeded",
      startedAt: 1_000,
      finishedAt: 61_000,
      expectedS: 42.5,
      progress: 1,
      progressSource: "upstream",
      upstreamJobId: "video_gen_1",
      resultMediaId: "media-1",
      resultKind: "video",
      upsampledPrompt: "longer",
      seed: 9,
      note: "stock",
      revision: 5,
    });
    expect(await store.jobs.apply(newJobId(), { type: "cancel", at: 1 })).toBeNull();
  });

  it("keeps a result's actions and probed facts", async () => {
    const { id } = await store.jobs.create(job());
    await store.jobs.apply(id, { type: "start", at: 1_000, expectedS: 1, progressSource: "estimate" });
    const action = { domain: "droid_lerobot", shape: [1, 2] as [number, number], data: [[0.5, -1]] };
    const media = { width: 640, height: 360, frames: 72, durationS: 3, fps: 24, audio: true };
    await store.jobs.apply(id, { type: "succeed", at: 2_000, result: { mediaId: "media-2", kind: "video" }, action, media });
    expect(await store.jobs.get(id)).toMatchObject({ resultAction: action, resultMedia: media });
  });

  it("keeps which request fields were defaults through every write; a job stored before reads without them", async () => {
    const { id } = await store.jobs.create(job({ defaulted: ["aspect", "resolution", "seed"] }));
    await store.jobs.apply(id, { type: "start", at: 1_000, expectedS: 1, progressSource: "estimate" });
    const read = await store.jobs.get(id);
    expect(read).toMatchObject({ request: job().request, defaulted: ["aspect", "resolution", "seed"] });
    expect(read?.request).not.toHaveProperty("$defaulted");
    const old = job();
    await store.db.run(
      "INSERT INTO generation_jobs (id, owner_id, backend_id, mode, request, status, work_units, created_at, revision) VALUES (?, 'owner-a', 'predict', 'text2world', ?, 'queued', 1, 1000, 1)",
      [old.id, JSON.stringify(old.request)],
    );
    const before = await store.jobs.get(old.id);
    expect(before?.request).toEqual(old.request);
    expect(before).not.toHaveProperty("defaulted");
  });

  it("refuses illegal transitions and keeps the stored job unchanged", async () => {
    const { id } = await store.jobs.create(job());
    await store.jobs.apply(id, { type: "cancel", at: 5 });
    await expect(store.jobs.apply(id, { type: "start", at: 6, expectedS: 1, progressSource: "estimate" })).rejects.toBeInstanceOf(
      JobTransitionError,
    );
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

  it("fails the queued and running jobs whose lease ran out, with a sentence, and only those", async () => {
    const queued = await store.jobs.create(job(), { runnerId: "gone", at: 40 });
    const running = await store.jobs.create(job());
    await store.jobs.apply(running.id, { type: "start", at: 10, expectedS: 5, progressSource: "estimate" });
    const alive = await store.jobs.create(job(), { runnerId: "alive", at: 50 });
    await store.jobs.apply(alive.id, { type: "start", at: 50, expectedS: 5, progressSource: "estimate" });
    const finished = await store.jobs.create(job());
    await store.jobs.apply(finished.id, { type: "cancel", at: 11 });
    const failed = await store.jobs.recoverInterrupted(99, 50);
    expect(failed.map((j) => j.id)).toEqual(expect.arrayContaining([queued.id, running.id]));
    expect(failed.map((j) => j.id)).not.toContain(finished.id);
    expect(failed.map((j) => j.id)).not.toContain(alive.id);
    for (const id of [queued.id, running.id]) {
      expect(await store.jobs.get(id)).toMatchObject({
        status: "failed",
        finishedAt: 99,
        error: { code: "interrupted", message: RESTART_MESSAGE },
      });
    }
    expect(await store.jobs.get(finished.id)).toMatchObject({ status: "canceled", error: null });
    expect(await store.jobs.get(alive.id)).toMatchObject({ status: "running", error: null });
    expect(await store.jobs.recoverInterrupted(100, 50)).toEqual([]);
    expect((await store.jobs.recoverInterrupted(101, 51)).map((j) => j.id)).toEqual([alive.id]);
  });

  it("renews the lease of a runner's unfinished jobs only, and answers which it renewed", async () => {
    const mine = await store.jobs.create(job(), { runnerId: "runner-a", at: 10 });
    const canceled = await store.jobs.create(job(), { runnerId: "runner-a", at: 10 });
    await store.jobs.apply(canceled.id, { type: "cancel", at: 11 });
    const theirs = await store.jobs.create(job(), { runnerId: "runner-b", at: 10 });
    const renewed = await store.jobs.renewLeases("runner-a", [mine.id, canceled.id, theirs.id, newJobId()], 500);
    expect(renewed).toEqual([mine.id]);
    expect(await store.jobs.get(mine.id)).toEqual(mine);
    const failed = (await store.jobs.recoverInterrupted(600, 400)).map((j) => j.id);
    expect(failed).toContain(theirs.id);
    expect(failed).not.toContain(mine.id);
    expect(await store.jobs.renewLeases("runner-a", [], 700)).toEqual([]);
  });

  it("leaves a job alone when its renewal lands between recovery's read and its write", async () => {
    const late = await store.jobs.create(job(), { runnerId: "runner-late", at: 10 });
    // The database as recovery sees it: its owner renews the lease right after recovery has read it.
    const racing = new SqlJobRepository({
      ...store.db,
      all: async <Row>(sql: string, params?: readonly (string | number | null)[]) => {
        const rows = await store.db.all<Row>(sql, params);
        if (sql.startsWith("SELECT") && sql.includes("heartbeat_at")) await store.jobs.renewLeases("runner-late", [late.id], 1_000);
        return rows;
      },
    });
    const failed = await racing.recoverInterrupted(900, 500);
    expect(failed.map((j) => j.id)).not.toContain(late.id);
    expect(await store.jobs.get(late.id)).toMatchObject({ status: "queued", error: null });
  });

  it("recovers an unfinished job written before leases existed as before", async () => {
    const location = await driver.freshLocation();
    const raw = openRaw(location);
    const id = newJobId();
    try {
      await migrate(
        raw,
        MIGRATIONS.filter((migration) => migration.version <= 2),
      );
      await raw.run(
        `INSERT INTO generation_jobs (id, owner_id, backend_id, mode, request, status, work_units, created_at, started_at, revision)
         VALUES (?, 'owner-a', 'predict', 'text2world', ?, 'running', 1, 1000, 2000, 2)`,
        [id, JSON.stringify(job().request)],
      );
    } finally {
      await raw.close();
    }
    const upgraded = await openStore(location);
    try {
      expect(await upgraded.db.all("SELECT runner_id, heartbeat_at FROM generation_jobs WHERE id = ?", [id])).toEqual([
        { runner_id: null, heartbeat_at: null },
      ]);
      const failed = await upgraded.jobs.recoverInterrupted(Date.now(), Date.now() - 30_000);
      expect(failed.map((j) => j.id)).toEqual([id]);
      expect(await upgraded.jobs.get(id)).toMatchObject({
        status: "failed",
        startedAt: 2000,
        error: { code: "interrupted", message: RESTART_MESSAGE },
      });
    } finally {
      await upgraded.close();
    }
  });

  it("answers the backend's recent seconds per work unit from successful runs only, newest first", async () => {
    const backendId = `rate-${newJobId()}`;
    const run = async (startedAt: number, finishedAt: number, units: number, outcome: "succeed" | "fail") => {
      const { id } = await store.jobs.create(job({ backendId, workUnits: units }));
      await store.jobs.apply(id, { type: "start", at: startedAt, expectedS: 1, progressSource: "estimate" });
      await store.jobs.apply(
        id,
        outcome === "succeed"
          ? { type: "succeed", at: finishedAt, result: { mediaId: "m", kind: "video" } }
          : { type: "fail", at: finishedAt, error: { code: "upstream_error", message: "x" } },
      );
    };
    await run(0, 10_000, 1000, "succeed");
    await run(20_000, 40_000, 1000, "succeed");
    await run(50_000, 51_000, 1000, "fail");
    expect(await store.jobs.recentRates(backendId)).toEqual([0.02, 0.01]);
    expect(await store.jobs.recentRates(backendId, 1)).toEqual([0.02]);
  });
});
