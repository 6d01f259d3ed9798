import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as backendsRoute } from "@/app/api/backends/route";
import { GET as getRoute } from "@/app/api/generations/[id]/route";
import { POST as createRoute } from "@/app/api/generations/route";
import { exampleActions } from "@/lib/generation/action-curves";
import type { GenerationJobView, MediaResult } from "@/lib/generation/schema";
import { generationService } from "@/lib/generation/server/service";
import { storeMediaBytes } from "@/lib/media/server/service";

import { useConfig } from "./support/config";
import { makeMp4, makePng } from "./support/media-fixtures";
import { serveRoutes } from "./support/route-server";
import { startScriptedUpstream, type ScriptedUpstream } from "./support/scripted-upstream";
import { first, json, mismatch, readForm, type Form } from "./support/upstream-forms";
import { until } from "./support/wait";

// The world-model modes through POST /api/generations against a stand-in vLLM-Omni that checks
// each mode's form fields as NVIDIA's notebooks send them, and answers the job's `action`.

let app: { url: string; close(): Promise<void> };
let omni: ScriptedUpstream;
let nim: ScriptedUpstream;
let nimBody: Record<string, unknown> = {};
let nimAnswer: Record<string, unknown> = {};
const MP4 = Buffer.from(makeMp4({ width: 64, height: 48, fps: 24, frames: 24 }));
const expectations = new Map<string, (form: Form) => string | null>();
let lastForm: Form | null = null;
let answerAction: unknown = null;
let content: Buffer = MP4;

beforeAll(async () => {
  process.env.PLAYGROUND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "playground-world-model-"));
  omni = await startScriptedUpstream();
  omni.handle(async (req, res, body) => {
    if (req.method === "POST" && req.url === "/v1/videos") {
      lastForm = await readForm(req, body);
      const mode =
        (JSON.parse(lastForm.fields.extra_params ?? "{}") as { action_mode?: string }).action_mode ??
        lastForm.fields.control_type ??
        "video";
      const check = expectations.get(mode);
      const problem = check ? check(lastForm) : `no expectation for ${mode}`;
      if (problem) return json(res, 400, { detail: problem });
      return json(res, 200, { id: "video_gen_w", object: "video", status: "queued", progress: 0 });
    }
    if (req.url === "/v1/videos/video_gen_w")
      return json(res, 200, { id: "video_gen_w", status: "completed", progress: 100, action: answerAction });
    if (req.url === "/v1/videos/video_gen_w/content") return void res.writeHead(200, { "Content-Type": "video/mp4" }).end(content);
    json(res, 404, { detail: "Not Found" });
  });
  nim = await startScriptedUpstream();
  nim.handle((req, res, body) => {
    if (req.url !== "/v1/infer") return json(res, 404, { error: { message: "Not Found", type: "NotFoundError", code: 404 } });
    nimBody = JSON.parse(body) as Record<string, unknown>;
    json(res, 200, nimAnswer);
  });
  useConfig({
    backends: [
      { id: "omni", label: "Cosmos3 (stand-in)", kind: "omni", baseUrl: `${omni.url}/v1`, pollIntervalMs: 100 },
      {
        id: "nim2",
        label: "Cosmos3 NIM 2.x (stand-in)",
        kind: "predict",
        family: "cosmos3-wfm",
        contract: "2.x",
        baseUrl: `${nim.url}/v1`,
      },
    ],
  });
  app = await serveRoutes([
    { method: "POST", pattern: "/api/generations", handler: createRoute as never },
    { method: "GET", pattern: "/api/generations/[id]", handler: getRoute as never },
    { method: "GET", pattern: "/api/backends", handler: backendsRoute as never },
  ]);
});
afterAll(async () => {
  await generationService().runner.idle();
  await Promise.all([app.close(), omni.close(), nim.close()]);
});

const post = (body: Record<string, unknown>) =>
  fetch(`${app.url}/api/generations`, {
    method: "POST",
    body: JSON.stringify({ backend: "omni", prompt: "A robot.", seed: 0, ...body }),
    headers: { "Content-Type": "application/json" },
  });

async function run(body: Record<string, unknown>): Promise<GenerationJobView> {
  const response = await post(body);
  const created = (await response.json()) as GenerationJobView;
  expect(response.status, JSON.stringify(created)).toBe(202);
  return until(async () => {
    const job = (await (await fetch(`${app.url}/api/generations/${created.id}`)).json()) as GenerationJobView;
    return job.status === "succeeded" || job.status === "failed" ? job : null;
  }, created.id);
}

const media = async (bytes: Uint8Array) => (await storeMediaBytes(bytes)).media.id;
const extras = (form: Form) => JSON.parse(form.fields.extra_params ?? "{}") as Record<string, unknown>;

describe("world-model modes through /api/generations", () => {
  it("GET /api/backends says the backend serves them", async () => {
    const backends = (await (await fetch(`${app.url}/api/backends`)).json()) as {
      backends: { id: string; generation?: { modes: string[] } }[];
    };
    expect(backends.backends.find((b) => b.id === "omni")?.generation?.modes).toEqual(
      expect.arrayContaining(["forward_dynamics", "policy", "inverse_dynamics", "transfer"]),
    );
  });

  it("forward dynamics sends the inline [60, 9] actions with a start image; the result has no actions", async () => {
    const actions = exampleActions("av");
    expectations.set("forward_dynamics", (form) =>
      first(
        mismatch("files", form.files, ["input_reference"]),
        mismatch("num_frames/fps/size", [form.fields.num_frames, form.fields.fps, form.fields.size], ["61", "10", "832x480"]),
        mismatch("extras", extras(form), {
          action_mode: "forward_dynamics",
          domain_name: "av",
          action_chunk_size: 60,
          image_size: 480,
          view_point: "ego_view",
          action: actions,
        }),
      ),
    );
    const job = await run({
      mode: "forward_dynamics",
      inputMediaId: await media(makePng(32, 18)),
      action: { domain: "av", data: actions },
    });
    expect(job.error).toBeUndefined();
    expect(job).toMatchObject({ status: "succeeded", result: { kind: "video" } });
    expect(job.result).not.toHaveProperty("action");
  });

  it("policy answers its predicted actions as result.action {domain, shape, data}", async () => {
    answerAction = {
      data: exampleActions("droid_lerobot"),
      shape: [16, 10],
      dtype: "float32",
      raw_action_dim: 10,
      action_mode: "policy",
      domain_id: 8,
    };
    expectations.set("policy", (form) =>
      first(
        mismatch("frames", [form.fields.num_frames, form.fields.fps, form.fields.flow_shift], ["17", "15", "5.0"]),
        mismatch("extras", extras(form), {
          action_mode: "policy",
          domain_name: "droid_lerobot",
          action_chunk_size: 16,
          image_size: 480,
          view_point: "concat_view",
          raw_action_dim: 10,
        }),
      ),
    );
    const job = await run({ mode: "policy", inputMediaId: await media(makePng(32, 18)), action: { domain: "droid_lerobot" } });
    expect(job.result?.action).toEqual({ domain: "droid_lerobot", shape: [16, 10], data: exampleActions("droid_lerobot") });
  });

  it("inverse dynamics sends the video without a size and answers the recovered actions", async () => {
    answerAction = { data: exampleActions("av"), shape: [60, 9], action_mode: "inverse_dynamics", domain_id: 1 };
    expectations.set("inverse_dynamics", (form) =>
      first(
        mismatch("size", form.fields.size, undefined),
        mismatch("frames", [form.fields.num_frames, form.fields.fps], ["61", "10"]),
        mismatch("extras", extras(form), {
          action_mode: "inverse_dynamics",
          domain_name: "av",
          action_chunk_size: 60,
          image_size: 480,
          view_point: "ego_view",
          raw_action_dim: 9,
        }),
      ),
    );
    const job = await run({ mode: "inverse_dynamics", inputMediaId: await media(MP4) });
    expect(job.result?.action).toMatchObject({ domain: "av", shape: [60, 9] });
    expect(job.request).toMatchObject({ action: { domain: "av" }, frames: 61, fps: 10 });
  });

  it("fails a policy job whose server returned no actions, saying so", async () => {
    answerAction = null;
    const job = await run({ mode: "policy", inputMediaId: await media(makePng(32, 18)) });
    expect(job).toMatchObject({
      status: "failed",
      error: { code: "upstream_error", message: expect.stringMatching(/returned the video without the actions/) },
    });
  });

  it("transfer uploads the control as control_reference with its type", async () => {
    answerAction = null;
    expectations.set("edge", (form) =>
      first(
        mismatch("files", form.files, ["control_reference"]),
        mismatch(
          "clip",
          [form.fields.size, form.fields.num_frames, form.fields.fps, form.fields.guidance_scale],
          ["1280x720", "121", "30", "3.0"],
        ),
        mismatch("control_guidance", extras(form).control_guidance, 1.5),
      ),
    );
    const job = await run({ mode: "transfer", control: { type: "edge", mediaId: await media(MP4) } });
    expect(job).toMatchObject({ status: "succeeded", request: { resolution: "720p", frames: 121, fps: 30 } });
    // What the file really is, next to what was asked.
    expect((job.result as MediaResult).probed).toEqual({ width: 64, height: 48, frames: 24, durationS: 1, fps: 24, audio: false });
  });

  it("text to video with sound asks for it and its duration", async () => {
    expectations.set("video", (form) => mismatch("sound", [form.fields.generate_sound, form.fields.sound_duration], ["true", "4.500"]));
    content = readFileSync(path.resolve("public/samples/sound-driving.mp4"));
    const job = await run({ mode: "text2world", frames: 121, fps: 24, generateSound: true, soundDuration: 4.5 });
    content = MP4;
    expect(job).toMatchObject({ status: "succeeded", result: { probed: { audio: true, width: 640, height: 360 } } });
  });

  it("refuses actions of the wrong shape with a 400 naming the shape, before any upstream call", async () => {
    const calls = omni.requests.length;
    const response = await post({
      mode: "forward_dynamics",
      inputMediaId: await media(makePng(32, 18)),
      action: { domain: "droid_lerobot", data: exampleActions("av") },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: "unsupported_combination",
        message: "Row 1 has 9 values; the droid_lerobot domain takes 10 per row: T × 10 (T a multiple of 4 up to 296, e.g. 16 × 10).",
        errorId: expect.any(String),
      },
    });
    expect(omni.requests.length).toBe(calls);
    expect(lastForm).not.toBeNull();
  });
});

describe("world-model modes on the Cosmos3 NIM 2.x", () => {
  it("policy sends action_params without resolution or num_frames, and keeps the answered action", async () => {
    nimAnswer = {
      b64_video: MP4.toString("base64"),
      action: { data: exampleActions("umi"), shape: [16, 10], dtype: "float32", raw_action_dim: 10, action_mode: "policy", domain_id: 6 },
    };
    const job = await run({ backend: "nim2", mode: "policy", inputMediaId: await media(makePng(32, 18)), action: { domain: "umi" } });
    expect(nimBody).toMatchObject({
      model_mode: "policy",
      num_inference_steps: 30,
      guidance_scale: 1,
      flow_shift: 5,
      fps: 20,
      action_params: { domain_name: "umi", action_chunk_size: 16, raw_action_dim: 10, image_size: 480, action_fps: 20 },
    });
    expect(nimBody.input_reference).toMatch(/^data:image\/png;base64,/);
    expect(Object.keys(nimBody)).not.toContain("num_frames");
    expect(Object.keys(nimBody)).not.toContain("resolution");
    expect(job.result?.action).toMatchObject({ domain: "umi", shape: [16, 10] });
  });

  it("transfer puts the control video inline under transfer.<type>.video", async () => {
    nimAnswer = { b64_video: MP4.toString("base64"), action: null };
    const job = await run({ backend: "nim2", mode: "transfer", control: { type: "seg", mediaId: await media(MP4) } });
    expect(job.status).toBe("succeeded");
    expect(nimBody).toMatchObject({
      model_mode: "video2video",
      resolution: "720_16_9",
      num_frames: 121,
      fps: 30,
      transfer: { seg: { video: expect.stringMatching(/^data:video\/mp4;base64,/) }, control_guidance: 2 },
    });
  });

  it("keeps a job answered with actions only (the DROID policy NIM) as an action-only result", async () => {
    const rows = Array.from({ length: 32 }, (_, step) => Array.from({ length: 8 }, (_, d) => step * 0.01 + d));
    nimAnswer = { action: { data: rows.flat(), shape: [32, 8], action_mode: "policy", domain_id: 8 } };
    const job = await run({ backend: "nim2", mode: "policy", inputMediaId: await media(makePng(32, 18)) });
    expect(job.status).toBe("succeeded");
    expect(job.result).toEqual({ kind: "actions", action: { domain: "droid_lerobot", shape: [32, 8], data: rows } });
  });
});
