import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DELETE as cancelRoute, GET as getRoute } from "@/app/api/generations/[id]/route";
import { POST as createRoute, GET as listRoute } from "@/app/api/generations/route";
import { GET as getMedia } from "@/app/api/media/[id]/route";
import { forgetProcessMemo } from "@/lib/core/process-memo";
import { RESTART_MESSAGE } from "@/lib/generation/job-state";
import type { GenerationJobList, GenerationJobView, MediaResult } from "@/lib/generation/schema";
import { generationService } from "@/lib/generation/server/service";
import { readImageSize } from "@/lib/media/image-size";
import { probeMp4 } from "@/lib/media/mp4-probe";
import { playgroundStore } from "@/lib/server/db/store";
import { newId as newJobId } from "@/lib/server/ids";
import { ensureSimulator } from "@/lib/simulator/host";

import { useConfig } from "./support/config";
import { serveRoutes } from "./support/route-server";

// /api/generations over HTTP against the built-in simulator (0.5 s per generation).

let app: { url: string; close(): Promise<void> };
let cookie = "";

beforeAll(async () => {
  process.env.PLAYGROUND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "playground-generations-api-"));
  useConfig({ simulator: { tokensPerSecond: 5000, generationSeconds: 0.5 } });
  app = await serveRoutes([
    { method: "POST", pattern: "/api/generations", handler: createRoute as never },
    { method: "GET", pattern: "/api/generations", handler: listRoute as never },
    { method: "GET", pattern: "/api/generations/[id]", handler: getRoute as never },
    { method: "DELETE", pattern: "/api/generations/[id]", handler: cancelRoute as never },
    { method: "GET", pattern: "/api/media/[id]", handler: getMedia as never },
  ]);
});
afterAll(async () => {
  await generationService().runner.idle();
  await app.close();
});

async function create(body: Record<string, unknown>, withCookie = true): Promise<Response> {
  const response = await fetch(`${app.url}/api/generations`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "Content-Type": "application/json", ...(withCookie && cookie ? { Cookie: cookie } : {}) },
  });
  const set = response.headers.get("set-cookie");
  if (set && withCookie) cookie = set.split(";")[0]!;
  return response;
}

const getJob = async (id: string) => (await (await fetch(`${app.url}/api/generations/${id}`)).json()) as GenerationJobView;
const simulatorStats = async () =>
  (
    (await (await fetch(`${(await ensureSimulator(5000)).url}/__simulator/stats`)).json()) as {
      generations: { started: number; aborted: number };
    }
  ).generations;

async function follow(id: string, until: (job: GenerationJobView) => boolean): Promise<GenerationJobView[]> {
  const seen: GenerationJobView[] = [];
  for (let tries = 0; tries < 400; tries++) {
    const job = await getJob(id);
    seen.push(job);
    if (until(job)) return seen;
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
  throw new Error(`Job ${id} never got there: ${JSON.stringify(seen.at(-1))}`);
}

/** The error's status, code and sentence (its errorId differs per request). */
async function errorOf(response: Response) {
  const { code, message } = ((await response.json()) as { error: { code: string; message: string } }).error;
  return { status: response.status, code, message };
}

describe("POST /api/generations and polling", () => {
  it("text to world on the simulated Cosmos Predict: queued → running with progress → a real MP4", async () => {
    const response = await create({ backend: "sim-predict", mode: "text2world", prompt: "A robot arm stacks three cubes.", seed: 4 });
    expect(response.status).toBe(202);
    const queued = (await response.json()) as GenerationJobView;
    expect(queued).toMatchObject({ status: "queued", backend: "sim-predict", mode: "text2world", seed: 4 });
    expect(queued.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(response.headers.get("location")).toBe(`/api/generations/${queued.id}`);
    expect(cookie).toMatch(/^playground_owner=/);

    const seen = await follow(queued.id, (job) => job.status === "succeeded" || job.status === "failed");
    const running = seen.filter((job) => job.status === "running");
    expect(running.length).toBeGreaterThan(0);
    expect(
      running.some((job) => job.progressSource === "estimate" && job.progress! > 0 && job.progress! < 1 && job.estimatedTotalS! > 0),
    ).toBe(true);
    const done = seen.at(-1)!;
    expect(done).toMatchObject({
      status: "succeeded",
      progress: 1,
      seed: 4,
      note: "Simulated result: a stock clip, not a generated world.",
      upsampledPrompt: expect.stringContaining("A robot arm stacks three cubes."),
      request: { width: 1280, height: 704, frames: 121, fps: 24, steps: 50, guidanceScale: 7.5, promptUpsampling: true },
      // Sent, but not asked for: the card sets none of them against the file.
      defaulted: ["fps", "frames", "guidanceScale", "height", "promptUpsampling", "steps", "width"],
      result: { kind: "video" },
    });
    expect(done.elapsedS).toBeGreaterThanOrEqual(0.4);

    const media = await fetch(`${app.url}${(done.result as MediaResult).url}`);
    expect(media.headers.get("content-type")).toBe("video/mp4");
    const bytes = new Uint8Array(await media.arrayBuffer());
    const info = await probeMp4(async (offset, length) => bytes.subarray(offset, offset + length), bytes.length);
    expect(info).toMatchObject({ moovFound: true, hasVideoTrack: true, codec: "avc1", width: 640, height: 360, fps: 24 });
    expect(info.durationS).toBeGreaterThan(2);
  });

  it("text to image on the simulated Cosmos3 generator: a PNG at the bucket's size (480p 4:3 is 736×544)", async () => {
    const queued = (await (
      await create({ backend: "sim-cosmos3-gen", mode: "text2image", prompt: "A tidy robotics lab.", resolution: "480p", aspect: "4:3" })
    ).json()) as GenerationJobView;
    const done = (await follow(queued.id, (job) => job.status !== "queued" && job.status !== "running")).at(-1)!;
    expect(done).toMatchObject({ status: "succeeded", result: { kind: "image" }, note: expect.stringMatching(/procedural picture/) });
    const media = await fetch(`${app.url}${(done.result as MediaResult).url}`);
    expect(media.headers.get("content-type")).toBe("image/png");
    expect(readImageSize(new Uint8Array(await media.arrayBuffer()))).toEqual({ width: 736, height: 544 });
  });

  it("refuses a width that is not a multiple of 8 before anything reaches the model server", async () => {
    const before = await simulatorStats();
    const response = await create({ backend: "sim-predict", mode: "text2world", prompt: "x", width: 1001, height: 704 });
    expect(await errorOf(response)).toEqual({
      status: 400,
      code: "unsupported_combination",
      message: "Width 1001 is not a multiple of 8: Cosmos Predict needs width and height in multiples of 8 — try 1000 or 1008.",
    });
    expect((await simulatorStats()).started).toBe(before.started);
  });

  it("answers 4xx JSON for bad input, unknown backends and chat backends", async () => {
    expect(await errorOf(await create({ backend: "sim-predict", mode: "text2world", prompt: "x", colour: "red" }))).toMatchObject({
      status: 400,
      code: "bad_request",
    });
    expect(await errorOf(await create({ backend: "sim-predict", mode: "text2world", prompt: "   " }))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/prompt: write a prompt/),
    });
    expect(await errorOf(await create({ backend: "nope", mode: "text2world", prompt: "x" }))).toMatchObject({
      status: 404,
      code: "backend_not_found",
    });
    expect(await errorOf(await create({ backend: "sim-reason2-8b", mode: "text2world", prompt: "x" }))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/is a chat backend/),
    });
    expect(
      await errorOf(await create({ backend: "sim-cosmos3-gen", mode: "image2world", prompt: "x", inputMediaId: "AAAAAAAAAAAAAAAAAAAAAA" })),
    ).toMatchObject({ status: 404, code: "not_found" });
  });
});

describe("GET and DELETE /api/generations/{id}", () => {
  it("cancels a running vLLM-Omni job, which deletes it upstream; a second cancel answers the same", async () => {
    const before = await simulatorStats();
    const queued = (await (
      await create({ backend: "sim-cosmos3-gen", mode: "text2world", prompt: "A rolling ball.", resolution: "256p" })
    ).json()) as GenerationJobView;
    // Once the server's own progress shows, its job id is known and can be deleted there.
    await follow(queued.id, (job) => job.status === "running" && job.progressSource === "upstream");
    const response = await fetch(`${app.url}/api/generations/${queued.id}`, { method: "DELETE" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: queued.id, status: "canceled" });
    for (let tries = 0; (await simulatorStats()).aborted === before.aborted && tries < 100; tries++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await simulatorStats()).aborted).toBe(before.aborted + 1);
    expect(await (await fetch(`${app.url}/api/generations/${queued.id}`, { method: "DELETE" })).json()).toMatchObject({
      status: "canceled",
    });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await getJob(queued.id)).toMatchObject({ status: "canceled" });
  });

  it("answers 404 for ids that do not exist or are not ids", async () => {
    for (const id of [newJobId(), "not-an-id"]) {
      expect(await errorOf(await fetch(`${app.url}/api/generations/${id}`))).toMatchObject({ status: 404, code: "not_found" });
      expect((await fetch(`${app.url}/api/generations/${id}`, { method: "DELETE" })).status).toBe(404);
    }
  });

  it("lists this browser's jobs, newest first, by backend", async () => {
    const list = async (query: string, withCookie = true) =>
      (await (
        await fetch(`${app.url}/api/generations${query}`, { headers: withCookie ? { Cookie: cookie } : {} })
      ).json()) as GenerationJobList;
    const all = await list("");
    expect(all.jobs.length).toBeGreaterThanOrEqual(3);
    expect(all.jobs.map((job) => job.createdAt)).toEqual([...all.jobs.map((job) => job.createdAt)].sort().reverse());
    expect((await list("?backend=sim-predict&limit=5")).jobs.every((job) => job.backend === "sim-predict")).toBe(true);
    expect((await list("?limit=1")).jobs).toHaveLength(1);
    expect((await list("", false)).jobs).toEqual([]);
    expect((await fetch(`${app.url}/api/generations?limit=0`)).status).toBe(400);
  });

  it("fails a job the database says is running when a new server starts, with the reason", async () => {
    await generationService().runner.idle();
    const store = await playgroundStore();
    const id = newJobId();
    await store.jobs.create({
      id,
      ownerId: "someone",
      backendId: "sim-predict",
      mode: "text2world",
      request: { backend: "sim-predict", mode: "text2world", prompt: "x" },
      status: "running",
      progress: 0.4,
      progressSource: "estimate",
      error: null,
      resultMediaId: null,
      resultKind: null,
      resultAction: null,
      resultMedia: null,
      upstreamJobId: null,
      upsampledPrompt: null,
      seed: 1,
      note: null,
      workUnits: 1,
      expectedS: 60,
      createdAt: Date.now() - 5000,
      startedAt: Date.now() - 4000,
      finishedAt: null,
      revision: 2,
    });
    expect((await getJob(id)).status).toBe("running");
    // A new process: its job service starts fresh on the same database.
    forgetProcessMemo("generation-service");
    expect(await getJob(id)).toMatchObject({ status: "failed", error: { code: "interrupted", message: RESTART_MESSAGE } });
  });
});
