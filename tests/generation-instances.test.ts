import { mkdtempSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { getBackend } from "@/lib/backends/server/backends";
import { RESTART_MESSAGE } from "@/lib/generation/job-state";
import type { GenerationJobView, GenerationRequest } from "@/lib/generation/schema";
import { GenerationService } from "@/lib/generation/server/service";
import { mediaStorage } from "@/lib/media/server/storage";
import { openStore, type PlaygroundStore } from "@/lib/server/db/store";
import { newId as newJobId } from "@/lib/server/ids";

import { useConfig } from "./support/config";
import { postgresCase, sqliteCase } from "./support/database-drivers";
import { makeMp4 } from "./support/media-fixtures";
import { startScriptedUpstream, type ScriptedUpstream } from "./support/scripted-upstream";
import { sleep, until } from "./support/wait";

// Two instances of the job service on one database, as behind a load balancer: A runs the job,
// B answers for it. B never fails a job A still renews, fails it once A stops renewing, and a
// cancel sent to B stops A's upstream work. Heartbeats of milliseconds stand for seconds.

const LEASE = { heartbeatMs: 100, leaseMs: 400 };
const OWNER = "instances-test-owner";
const MP4 = Buffer.from(makeMp4({ width: 64, height: 48, fps: 24, frames: 24 }));
let predict: ScriptedUpstream;
let omni: ScriptedUpstream;
const held: ServerResponse[] = [];
/** The most upstream requests open at once, over every instance. */
let mostHeld = 0;
const started: GenerationService[] = [];

const json = (res: ServerResponse, status: number, body: unknown) =>
  void res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
const finishHeld = () => json(held.shift()!, 200, { b64_video: MP4.toString("base64"), seed: 11 });

beforeAll(async () => {
  process.env.PLAYGROUND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "playground-instances-"));
  [predict, omni] = await Promise.all([startScriptedUpstream(), startScriptedUpstream()]);
  predict.handle((req, res) => {
    if (req.url === "/v1/infer") mostHeld = Math.max(mostHeld, held.push(res));
    else json(res, 404, { detail: "Not Found" });
  });
  useConfig({
    backends: [
      { id: "predict", label: "Predict", kind: "predict", baseUrl: `${predict.url}/v1`, timeoutMs: 20_000 },
      { id: "omni", label: "Omni", kind: "omni", baseUrl: `${omni.url}/v1`, pollIntervalMs: 100 },
      { id: "pair", label: "Predict ×2", kind: "predict", baseUrl: `${predict.url}/v1`, maxConcurrentJobs: 2 },
      { id: "short", label: "Predict, short line", kind: "predict", baseUrl: `${predict.url}/v1`, maxQueuedJobs: 2 },
    ],
  });
});
// Whatever a test left running is answered, so no instance keeps working into the next test.
afterEach(async () => {
  while (held.length > 0) json(held.shift()!, 500, { detail: "test over" });
  for (const service of started.splice(0)) {
    for (const id of service.runner.ids()) service.runner.cancel(id);
    await service.runner.idle();
    service.stop();
  }
});
afterAll(async () => {
  await Promise.all([predict.close(), omni.close()]);
});

const request = (backend: string): GenerationRequest => ({ backend, mode: "text2world", prompt: "A robot arm stacks cubes." });

describe.each([sqliteCase, postgresCase])("$name: generation jobs across instances", (driver) => {
  const stores: PlaygroundStore[] = [];
  let instance: (maxQueuedPerClient?: number) => GenerationService;

  beforeAll(async () => {
    await driver.start();
    const location = await driver.freshLocation();
    // Each instance has its own connection (pool) to the one database.
    stores.push(await openStore(location), await openStore(location));
    let next = 0;
    instance = (maxQueuedPerClient?: number) => {
      const store = stores[next++ % 2]!;
      const service = new GenerationService({
        jobs: async () => store.jobs,
        media: mediaStorage,
        backend: getBackend,
        lease: LEASE,
        ...(maxQueuedPerClient ? { maxQueuedPerClient } : {}),
      });
      started.push(service);
      return service;
    };
  }, 60_000);
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await driver.stop();
  });

  const statusOn = (service: GenerationService, id: string, status: GenerationJobView["status"], timeoutMs?: number) =>
    until(
      async () => {
        const view = await service.get(id);
        return view.status === status ? view : null;
      },
      `job ${id} to be ${status}`,
      timeoutMs,
    );

  it("leaves a job that another instance renews alone, however often it is read, and it finishes there", async () => {
    const a = instance();
    const b = instance();
    const job = await a.create(OWNER, request("predict"));
    await until(() => held.length === 1, "A's upstream request");
    // Several leases long, B lists and reads the job, each time free to recover abandoned ones.
    for (const end = Date.now() + 3 * LEASE.leaseMs; Date.now() < end; await sleep(LEASE.heartbeatMs / 2)) {
      expect((await b.get(job.id)).status).toBe("running");
      expect((await b.list(OWNER, { limit: 5 })).find((listed) => listed.id === job.id)?.status).toBe("running");
    }
    finishHeld();
    expect(await statusOn(b, job.id, "succeeded")).toMatchObject({ seed: 11, result: { kind: "video" } });
  });

  it("fails the jobs of an instance that stopped renewing them once the lease runs out, with the reason", async () => {
    const a = instance();
    const job = await a.create(OWNER, request("predict"));
    await until(() => held.length === 1, "A's upstream request");
    const b = instance();
    expect((await b.get(job.id)).status).toBe("running");
    // A dies: nothing renews its lease any more.
    a.heartbeat.stop();
    const failed = await statusOn(b, job.id, "failed");
    expect(failed.error).toEqual({ code: "interrupted", message: RESTART_MESSAGE });
    // Failed a lease after the last renewal, and within a heartbeat (B's recovery runs once per heartbeat).
    const rows = await stores[0]!.db.all<{ heartbeat_at: number }>("SELECT heartbeat_at FROM generation_jobs WHERE id = ?", [job.id]);
    const silentMs = Date.parse(failed.finishedAt!) - Number(rows[0]?.heartbeat_at);
    expect(silentMs).toBeGreaterThan(LEASE.leaseMs);
    expect(silentMs).toBeLessThan(LEASE.leaseMs + LEASE.heartbeatMs + 1000);
    // Were it only slow, its late result changes nothing.
    finishHeld();
    await a.runner.idle();
    expect((await b.get(job.id)).status).toBe("failed");
  });

  it("stops the upstream request within a heartbeat when another instance cancels, and never sends a queued one", async () => {
    const a = instance();
    const b = instance();
    const running = await a.create(OWNER, request("predict"));
    const queued = await a.create(OWNER, request("predict"));
    await until(() => held.length === 1, "A's upstream request");
    const aborted = predict.closedEarly;
    const sent = predict.requests.length;
    expect(await b.cancel(queued.id)).toMatchObject({ status: "canceled" });
    expect(await b.cancel(running.id)).toMatchObject({ status: "canceled" });
    await until(() => predict.closedEarly === aborted + 1, "A to abort its upstream request", 10 * LEASE.heartbeatMs);
    held.length = 0;
    await a.runner.idle();
    await sleep(2 * LEASE.heartbeatMs);
    expect(predict.requests.length).toBe(sent);
    for (const id of [running.id, queued.id]) expect(await a.get(id)).toMatchObject({ status: "canceled" });
    expect((await a.get(running.id)).error).toBeUndefined();
  });

  it("never runs more than the backend's maxConcurrentJobs over both instances, from the one line", async () => {
    const a = instance();
    const b = instance();
    mostHeld = 0;
    const jobs = [];
    for (let i = 0; i < 3; i++) jobs.push(await a.create(OWNER, request("pair")), await b.create(OWNER, request("pair")));
    await until(() => held.length === 2, "two requests at once");
    // The four others wait in one line over both instances (jobs made within one millisecond may swap places).
    const positions = await Promise.all(jobs.map(async (job) => (await b.get(job.id)).queuePosition));
    expect(positions.filter((position) => position !== undefined).toSorted()).toEqual([1, 2, 3, 4]);
    for (let finished = 0; finished < jobs.length; finished++) {
      await until(() => held.length === Math.min(2, jobs.length - finished), "the next request");
      finishHeld();
    }
    for (const job of jobs) await statusOn(a, job.id, "succeeded");
    expect(mostHeld).toBe(2);
  });

  it("answers 429 with Retry-After once the client's line or the backend's is full, counted over both instances", async () => {
    const a = instance();
    const b = instance(1);
    const running = await a.create(OWNER, request("short"));
    await until(() => held.length === 1, "the running request");
    const waiting = [await a.create("patient", request("short"))];
    const clientFull = await b.create("patient", request("short")).catch((error: unknown) => error);
    expect(clientFull).toMatchObject({ status: 429, code: "rate_limited", headers: { "Retry-After": expect.stringMatching(/^\d+$/) } });
    expect((clientFull as Error).message).toMatch(
      /^Too many generation jobs of yours waiting \(over all backends\): the limit is 1 in line/,
    );
    waiting.push(await b.create("someone-else", request("short")));
    const backendFull = await a.create("a-third-client", request("short")).catch((error: unknown) => error);
    expect(backendFull).toMatchObject({ status: 429, headers: { "Retry-After": expect.stringMatching(/^\d+$/) } });
    expect((backendFull as Error).message).toMatch(
      /^Too many generation jobs waiting for backend 'short': the limit is 2 in line at a time, and 2 are\. Try again in \d+ (seconds?|minutes)\.$/,
    );
    for (const job of [...waiting, running]) await a.cancel(job.id);
  });

  it("deletes A's vLLM-Omni job upstream when B cancels it", async () => {
    const upstreamId = `video_${newJobId()}`;
    omni.handle((req, res) => {
      if (req.method === "POST") return json(res, 200, { id: upstreamId, status: "in_progress", progress: 10 });
      if (req.method === "DELETE") return json(res, 200, { id: upstreamId, object: "video.deleted", deleted: true });
      json(res, 200, { id: upstreamId, status: "in_progress", progress: 20 });
    });
    const a = instance();
    const b = instance();
    const job = await a.create(OWNER, request("omni"));
    await until(async () => (await b.get(job.id)).progress === 0.2, "the job to report progress");
    expect(await b.cancel(job.id)).toMatchObject({ status: "canceled" });
    await until(
      () => omni.requests.some((r) => r.method === "DELETE" && r.url === `/v1/videos/${upstreamId}`),
      "the DELETE",
      10 * LEASE.heartbeatMs,
    );
    await a.runner.idle();
  });
});
