import { mkdtempSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { GenerationJobView, GenerationRequest, MediaResult } from "@/lib/generation/schema";
import { JobRunner } from "@/lib/generation/server/runner";
import { generationService } from "@/lib/generation/server/service";

import { useConfig } from "./support/config";
import { makeMp4, makePng } from "./support/media-fixtures";
import { startScriptedUpstream, type ScriptedUpstream } from "./support/scripted-upstream";
import { sleep, until } from "./support/wait";

// The job runner against scripted model servers: one job at a time per backend unless configured,
// estimated progress from the backend's history, the server's own progress for vLLM-Omni, and
// cancellation that reaches the server.

const OWNER = "runner-test-owner";
const MP4 = Buffer.from(makeMp4({ width: 64, height: 48, fps: 24, frames: 24 }));
let predict: ScriptedUpstream;
let omni: ScriptedUpstream;
let syncOnly: ScriptedUpstream;
const held: ServerResponse[] = [];

const json = (res: ServerResponse, status: number, body: unknown) =>
  void res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));

beforeAll(async () => {
  process.env.PLAYGROUND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "playground-runner-"));
  [predict, omni, syncOnly] = await Promise.all([startScriptedUpstream(), startScriptedUpstream(), startScriptedUpstream()]);
  predict.handle((req, res) => {
    if (req.url === "/v1/infer") held.push(res);
    else json(res, 404, { detail: "Not Found" });
  });
  const base = (upstream: ScriptedUpstream) => `${upstream.url}/v1`;
  useConfig({
    backends: [
      { id: "predict", label: "Predict", kind: "predict", baseUrl: base(predict), timeoutMs: 10_000 },
      { id: "wide", label: "Predict ×2", kind: "predict", baseUrl: base(predict), maxConcurrentJobs: 2 },
      { id: "timed", label: "Predict, timed", kind: "predict", baseUrl: base(predict) },
      { id: "omni", label: "Omni", kind: "omni", baseUrl: base(omni), pollIntervalMs: 100 },
      { id: "omni-sync", label: "Omni, sync only", kind: "omni", family: "vllm-omni", baseUrl: base(syncOnly) },
    ],
  });
});
// A test that fails midway must not leave requests or jobs behind for the next one.
afterEach(async () => {
  for (let tries = 0; tries < 500 && (held.length > 0 || generationService().runner.size > 0); tries++) {
    while (held.length > 0) json(held.shift()!, 500, { detail: "test over" });
    await sleep(10);
  }
});
afterAll(async () => {
  await generationService().runner.idle();
  await Promise.all([predict.close(), omni.close(), syncOnly.close()]);
});

const service = () => generationService();
const start = (backend: string, extra: Partial<GenerationRequest> = {}) =>
  service().create(OWNER, { backend, mode: "text2world", prompt: "A robot arm stacks cubes.", ...extra });
const view = (id: string) => service().get(id);
const statusIs = (id: string, status: GenerationJobView["status"]) =>
  until(async () => ((await view(id)).status === status ? view(id) : null), `${id} ${status}`);
const finishHeld = (body: unknown = { b64_video: MP4.toString("base64"), seed: 11, upsampled_prompt: "A longer prompt." }, status = 200) =>
  json(held.shift()!, status, body);

describe("JobRunner", () => {
  it("runs what it is given at once, fires a running task's signal on cancel, and tells when it has ended", async () => {
    const runner = new JobRunner();
    const ended: string[] = [];
    const gates = new Map<string, () => void>();
    const task = (id: string, backendId: string) => ({
      id,
      backendId,
      run: (signal: AbortSignal) =>
        new Promise<void>((resolve) => {
          gates.set(id, resolve);
          signal.addEventListener("abort", () => resolve());
        }),
    });
    runner.start(task("a", "gpu"), () => ended.push("a"));
    runner.start(task("b", "gpu"), () => ended.push("b"));
    runner.start(task("x", "other"), () => ended.push("x"));
    await until(() => gates.size === 3, "all three to start");
    expect([runner.runningCount("gpu"), runner.runningCount("other"), runner.size]).toEqual([2, 1, 3]);
    expect(runner.cancel("b")).toBe(true);
    gates.get("a")!();
    await until(() => ended.length === 2, "a and b to end");
    expect(ended.sort()).toEqual(["a", "b"]);
    expect(runner.ids()).toEqual(["x"]);
    gates.get("x")!();
    await runner.idle();
    expect(runner.cancel("zzz")).toBe(false);
  });
});

describe("generation jobs against a scripted Cosmos Predict", () => {
  it("queues behind the running job (one at a time), then runs the next; results become media", async () => {
    const first = await start("predict");
    const second = await start("predict", { seed: 5 });
    expect(first).toMatchObject({
      status: "queued",
      progress: 0,
      backend: "predict",
      request: { width: 1280, height: 704, frames: 121, fps: 24, steps: 50 },
    });
    await until(() => held.length === 1, "the first request");
    await sleep(50);
    expect(held).toHaveLength(1);
    expect(await view(second.id)).toMatchObject({ status: "queued", queuePosition: 1, elapsedS: 0 });
    expect(JSON.parse(predict.requests.at(-1)!.body)).toMatchObject({
      prompt: "A robot arm stacks cubes.",
      video_params: { width: 1280, height: 704 },
    });

    finishHeld();
    const done = await statusIs(first.id, "succeeded");
    expect(done).toMatchObject({
      progress: 1,
      seed: 11,
      upsampledPrompt: "A longer prompt.",
      result: { kind: "video", url: `/api/media/${(done.result as MediaResult).mediaId}` },
    });
    await until(() => held.length === 1, "the second request");
    expect(JSON.parse(predict.requests.at(-1)!.body).seed).toBe(5);
    finishHeld();
    await statusIs(second.id, "succeeded");
  });

  it("runs two at once where maxConcurrentJobs is 2", async () => {
    const jobs = [await start("wide"), await start("wide"), await start("wide")];
    await until(() => held.length === 2, "two requests at once");
    await sleep(50);
    expect(held).toHaveLength(2);
    finishHeld();
    await until(() => held.length === 2, "the third request");
    finishHeld();
    finishHeld();
    for (const job of jobs) await statusIs(job.id, "succeeded");
  });

  it("estimates progress from the backend's past runs and says it is an estimate", async () => {
    const timed = await start("timed");
    await until(() => held.length === 1, "the timed request");
    await sleep(1500);
    finishHeld();
    const measured = await statusIs(timed.id, "succeeded");

    const next = await start("timed");
    await until(() => held.length === 1, "the next request");
    const early = await view(next.id);
    await sleep(300);
    const later = await view(next.id);
    expect(later).toMatchObject({ status: "running", progressSource: "estimate" });
    expect(later.progress!).toBeGreaterThan(early.progress!);
    expect(later.progress!).toBeLessThan(1);
    // Same size as the one measured run, so expected to take about as long.
    expect(later.estimatedTotalS!).toBeGreaterThanOrEqual(measured.elapsedS - 0.1);
    expect(later.estimatedTotalS!).toBeLessThan(measured.elapsedS + 1);
    finishHeld();
    await statusIs(next.id, "succeeded");
  });

  it("cancels a running job by aborting its request, and a queued one without sending it", async () => {
    const running = await start("predict");
    const queued = await start("predict");
    await until(() => held.length === 1, "the request to cancel");
    const before = predict.closedEarly;
    const sent = predict.requests.length;
    expect(await service().cancel(running.id)).toMatchObject({ status: "canceled" });
    expect(await service().cancel(queued.id)).toMatchObject({ status: "canceled" });
    await until(() => predict.closedEarly === before + 1, "the upstream request to be aborted");
    held.length = 0;
    await sleep(50);
    expect(predict.requests.length).toBe(sent);
    expect(await service().cancel(running.id)).toMatchObject({ status: "canceled" });
    expect((await view(running.id)).error).toBeUndefined();
  });

  it("fails with the NIM's own sentence, and when the result is not media", async () => {
    const refused = await start("predict");
    await until(() => held.length === 1, "the refused request");
    finishHeld({ detail: "Invalid input parameters: steps must be at most 100." }, 400);
    expect((await statusIs(refused.id, "failed")).error).toEqual({
      code: "upstream_rejected",
      message: "Backend 'predict' rejected the request (400): Invalid input parameters: steps must be at most 100.",
    });
    const garbage = await start("predict");
    await until(() => held.length === 1, "the garbage request");
    finishHeld({ b64_video: Buffer.from("not a video at all").toString("base64") });
    expect((await statusIs(garbage.id, "failed")).error?.message).toMatch(/not a playable image or video/);
    await expect(service().cancel(garbage.id)).rejects.toThrow("This job has already failed; there is nothing to cancel.");
  });
});

describe("generation jobs against a scripted vLLM-Omni", () => {
  it("follows the async job's own progress, then downloads the content; DELETEs it when canceled", async () => {
    let polls = 0;
    omni.handle((req, res) => {
      if (req.method === "POST" && req.url === "/v1/videos")
        return json(res, 200, { id: "video_gen_1", object: "video", status: "queued", progress: 0 });
      if (req.method === "GET" && req.url === "/v1/videos/video_gen_1") {
        polls += 1;
        return json(
          res,
          200,
          polls < 3
            ? { id: "video_gen_1", status: "in_progress", progress: polls * 30 }
            : { id: "video_gen_1", status: "completed", progress: 100 },
        );
      }
      if (req.url === "/v1/videos/video_gen_1/content") return void res.writeHead(200, { "Content-Type": "video/mp4" }).end(MP4);
      json(res, 404, { detail: "Not Found" });
    });
    const job = await start("omni", { mode: "image2world", inputMediaId: (await uploadInput()).id });
    const seen = new Set<number>();
    const done = await until(async () => {
      const current = await view(job.id);
      if (current.status === "running" && current.progressSource === "upstream") seen.add(current.progress!);
      return current.status === "succeeded" ? current : null;
    }, "the omni job");
    expect([...seen].some((progress) => progress > 0 && progress < 1)).toBe(true);
    expect(done).toMatchObject({ progress: 1, progressSource: "upstream", result: { kind: "video" } });
    const posted = omni.requests.find((r) => r.method === "POST")!;
    expect(posted.headers["content-type"]).toMatch(/^multipart\/form-data/);
    expect(posted.body).toMatch(/name="input_reference"; filename="input.png"/);
    expect(posted.body).toMatch(/name="size"\r\n\r\n832x480/);

    omni.handle((req, res) => {
      if (req.method === "POST") return json(res, 200, { id: "video_gen_2", status: "in_progress", progress: 10 });
      if (req.method === "DELETE") return json(res, 200, { id: "video_gen_2", object: "video.deleted", deleted: true });
      json(res, 200, { id: "video_gen_2", status: "in_progress", progress: 20 });
    });
    const doomed = await start("omni");
    await until(async () => (await view(doomed.id)).progress === 0.2, "the job to report progress");
    await service().cancel(doomed.id);
    await until(() => omni.requests.some((r) => r.method === "DELETE" && r.url === "/v1/videos/video_gen_2"), "the DELETE");
  });

  it("falls back to /v1/videos/sync when async jobs are not offered, and remembers it", async () => {
    syncOnly.handle((req, res) => {
      if (req.url === "/v1/videos") return json(res, 405, { detail: "Method Not Allowed" });
      if (req.url === "/v1/videos/sync") return void res.writeHead(200, { "Content-Type": "video/mp4" }).end(MP4);
      json(res, 404, { detail: "Not Found" });
    });
    const first = await start("omni-sync", { generateSound: true });
    expect(await statusIs(first.id, "succeeded")).toMatchObject({ progressSource: "estimate", result: { kind: "video" } });
    const second = await start("omni-sync");
    await statusIs(second.id, "succeeded");
    expect(syncOnly.requests.map((r) => r.url)).toEqual(["/v1/videos", "/v1/videos/sync", "/v1/videos/sync"]);
    expect(syncOnly.requests[1]!.body).toMatch(/name="generate_sound"\r\n\r\ntrue/);
  });
});

async function uploadInput() {
  const { storeMediaBytes } = await import("@/lib/media/server/service");
  return (await storeMediaBytes(makePng(32, 18))).media;
}
