import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { exampleActions } from "@/lib/generation/action-curves";
import { probeMp4 } from "@/lib/media/mp4-probe";
import { startSimulator, type RunningSimulator } from "@/lib/simulator/server";
import { makeMp4, makePng } from "@/tests/support/media-fixtures";

// The simulated Cosmos3 world-model modes: actions in and out, transfer controls, sound, and the
// refusals the real servers give (vLLM-Omni 400 {"detail"}, NIM 2.x 422 {"error"}).

let sim: RunningSimulator;
const PNG = makePng(64, 48);
const MP4 = makeMp4({ width: 64, height: 48, fps: 24, frames: 24 });
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

beforeAll(async () => {
  sim = await startSimulator({ generationSeconds: 0.05 });
});
afterAll(() => sim.close());

function form(fields: Record<string, unknown>, files: Record<string, Uint8Array<ArrayBuffer>> = {}): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, typeof value === "string" ? value : JSON.stringify(value));
  for (const [name, bytes] of Object.entries(files))
    data.append(name, new Blob([bytes]), name === "input_reference" && bytes === PNG ? "in.png" : "in.mp4");
  return data;
}
const omni = (path: string, body: FormData) => fetch(`${sim.url}/cosmos3-gen/v1/${path}`, { method: "POST", body });
const infer = (body: unknown) =>
  fetch(`${sim.url}/cosmos3-nim2/v1/infer`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "Content-Type": "application/json" },
  });

async function finished(id: string): Promise<Record<string, unknown>> {
  for (;;) {
    const job = (await (await fetch(`${sim.url}/cosmos3-gen/v1/videos/${id}`)).json()) as Record<string, unknown>;
    if (job.status === "completed" || job.status === "failed") return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const probe = async (response: Response) => {
  const bytes = new Uint8Array(await response.arrayBuffer());
  return probeMp4(async (offset, length) => bytes.subarray(offset, offset + length), bytes.length);
};

describe("vLLM-Omni world-model modes (simulated)", () => {
  it("answers a policy job with smooth actions of the domain's shape", async () => {
    const extras = { action_mode: "policy", domain_name: "droid_lerobot", raw_action_dim: 10, action_chunk_size: 16, image_size: 480 };
    const created = (await (
      await omni("videos", form({ prompt: "pick", num_frames: "17", fps: "15", extra_params: extras }, { input_reference: PNG }))
    ).json()) as { id: string };
    const job = await finished(created.id);
    const action = job.action as { data: number[][]; shape: number[]; domain_id: number };
    expect(action).toMatchObject({ shape: [16, 10], domain_id: 8, action_mode: "policy", dtype: "float32" });
    expect(action.data).toHaveLength(16);
    expect(new Set(action.data.map((row) => row[0])).size).toBeGreaterThan(8);
    expect(job.simulated_note).toMatch(/Simulated actions: smooth curves/);
  });

  it("refuses forward-dynamics actions of the wrong shape, and frames that do not fit the chunk", async () => {
    const extras = (action: number[][]) => ({ action_mode: "forward_dynamics", domain_name: "av", action_chunk_size: 60, action });
    const short = await omni(
      "videos",
      form({ prompt: "go", num_frames: "61", extra_params: extras(exampleActions("av").slice(0, 58)) }, { input_reference: PNG }),
    );
    expect([short.status, await short.json()]).toEqual([
      400,
      { detail: "extra_params.action must have shape [action_chunk_size, raw_action_dim] = [60, 9]; got [58, 9]." },
    ]);
    const frames = await omni(
      "videos",
      form({ prompt: "go", num_frames: "33", extra_params: extras(exampleActions("av")) }, { input_reference: PNG }),
    );
    expect([frames.status, await frames.json()]).toEqual([400, { detail: "num_frames 33 does not fit action_chunk_size 60: send 61." }]);
  });

  it("plays sound: a clip with an AAC track when generate_sound is on, none otherwise", async () => {
    const sound = await omni("videos/sync", form({ prompt: "rain", generate_sound: "true", sound_duration: "3.0" }));
    expect(sound.headers.get("x-simulated-note")).toMatch(/synthesized tone/);
    expect(await probe(sound)).toMatchObject({ hasVideoTrack: true, hasAudioTrack: true });
    const silent = await omni("videos/sync", form({ prompt: "rain" }));
    expect((await probe(silent)).hasAudioTrack).toBeUndefined();
  });

  it("takes an uploaded control video for transfer, and refuses transfer with sound", async () => {
    const ok = await omni("videos/sync", form({ prompt: "snow", control_type: "depth" }, { control_reference: MP4 }));
    expect(ok.status).toBe(200);
    await ok.arrayBuffer();
    const withSound = await omni(
      "videos/sync",
      form({ prompt: "snow", control_type: "depth", generate_sound: "true" }, { control_reference: MP4 }),
    );
    expect([withSound.status, await withSound.json()]).toEqual([
      400,
      { detail: "Transfer cannot be combined with sound or action generation." },
    ]);
    const image = await omni("videos/sync", form({ prompt: "snow", control_type: "depth" }, { control_reference: PNG }));
    expect([image.status, await image.json()]).toEqual([400, { detail: "control_reference must be a video the server can decode." }]);
  });
});

describe("Cosmos3 NIM 2.x world-model modes (simulated)", () => {
  const base = { prompt: "pick", seed: 1 };

  it("answers policy and inverse dynamics with `action`, forward dynamics with action null", async () => {
    const policy = (await (
      await infer({
        ...base,
        model_mode: "policy",
        input_reference: b64(PNG),
        action_params: { domain_name: "umi", action_chunk_size: 16 },
      })
    ).json()) as Record<string, unknown>;
    expect(policy.action).toMatchObject({ shape: [16, 10], raw_action_dim: 10, action_mode: "policy", domain_id: 6 });
    expect(typeof policy.b64_video).toBe("string");
    const inverse = (await (
      await infer({
        ...base,
        model_mode: "inverse_dynamics",
        input_reference: b64(MP4),
        action_params: { domain_name: "av", action_chunk_size: 60 },
      })
    ).json()) as Record<string, unknown>;
    expect(inverse.action).toMatchObject({ shape: [60, 9], action_mode: "inverse_dynamics", domain_id: 1 });
    const forward = await infer({
      ...base,
      model_mode: "forward_dynamics",
      input_reference: b64(PNG),
      action_params: { domain_name: "av", action_chunk_size: 60, action: exampleActions("av") },
    });
    expect(((await forward.json()) as Record<string, unknown>).action).toBeNull();
  });

  it("refuses what 2.x refuses, with 422 naming the field", async () => {
    const refused = async (body: unknown) => {
      const response = await infer(body);
      return [response.status, ((await response.json()) as { error: { message: string } }).error.message];
    };
    const fd = { ...base, model_mode: "forward_dynamics", input_reference: b64(PNG) };
    expect(await refused({ ...fd, action_params: { domain_name: "galbot", action_chunk_size: 16 } })).toEqual([
      422,
      expect.stringMatching(/^action_params\.domain_name: Input should be 'av'/),
    ]);
    expect(await refused({ ...fd, action_params: { domain_name: "av", action_chunk_size: 60, action: [[1, 2]] } })).toEqual([
      422,
      expect.stringMatching(/shape \[action_chunk_size, raw_action_dim\] = \[60, 9\]/),
    ]);
    expect(
      await refused({
        ...fd,
        resolution: "480",
        action_params: { domain_name: "av", action_chunk_size: 60, action: exampleActions("av") },
      }),
    ).toEqual([422, expect.stringMatching(/^resolution: action modes take no resolution/)]);
    expect(await refused({ ...fd, action_params: { domain_name: "av", action_chunk_size: 60, view_point: "ego_view" } })).toEqual([
      422,
      expect.stringMatching(/^action_params\.view_point: Extra inputs/),
    ]);
    expect(await refused({ ...base, model_mode: "video2video", transfer: { seg: true } })).toEqual([
      422,
      expect.stringMatching(/^transfer\.seg: Input should be an object with a control video/),
    ]);
  });

  it("the DROID policy: checks the observation, refuses the keys it does not take, answers actions only", async () => {
    const droid = { ...base, model_mode: "policy", input_reference: b64(PNG) };
    const observation = { "observation/joint_position": [0, 0, 0, -2, 0, 2, 0.8], "observation/gripper_position": 0 };
    const params = { domain_name: "droid_lerobot", action_chunk_size: 32, observation };
    const answer = (await (await infer({ ...droid, action_params: params })).json()) as Record<string, unknown>;
    expect(answer.b64_video).toBeUndefined();
    expect(answer.action).toMatchObject({ shape: [32, 8], action_mode: "policy", domain_id: 8 });
    const refused = async (body: Record<string, unknown>) => {
      const response = await infer({ ...droid, ...body });
      return [response.status, ((await response.json()) as { error: { message: string } }).error.message];
    };
    const short = { ...observation, "observation/joint_position": [0, 0] };
    expect(await refused({ action_params: { ...params, observation: short } })).toEqual([422, expect.stringMatching(/list of 7 numbers/)]);
    expect(await refused({ action_params: { ...params, raw_action_dim: 10 } })).toEqual([
      422,
      expect.stringMatching(/^action_params\.raw_action_dim/),
    ]);
    expect(await refused({ fps: 15, action_params: params })).toEqual([422, expect.stringMatching(/^fps: /)]);
    expect(await refused({ action_params: { ...params, action_chunk_size: 16 } })).toEqual([422, expect.stringMatching(/32 actions/)]);
  });

  it("transfers from an inline control video without an input video", async () => {
    const response = await infer({
      ...base,
      model_mode: "video2video",
      resolution: "720",
      num_frames: 121,
      fps: 30,
      transfer: { depth: { video: b64(MP4) }, control_guidance: 1.5 },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ b64_video: expect.any(String), action: null });
  });
});
