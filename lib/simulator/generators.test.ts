import { inflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readImageSize } from "@/lib/media/image-size";
import { probeMp4 } from "@/lib/media/mp4-probe";
import { drawPicture } from "@/lib/simulator/picture";
import { startSimulator, type RunningSimulator } from "@/lib/simulator/server";
import { makeMp4, makePng } from "@/tests/support/media-fixtures";

// The simulated generators speak the NIM and vLLM-Omni wire protocols and answer real media.

let sim: RunningSimulator;
const GENERATION_S = 0.25;

beforeAll(async () => {
  sim = await startSimulator({ generationSeconds: GENERATION_S });
});
afterAll(() => sim.close());

const post = (path: string, body: unknown) => fetch(`${sim.url}${path}`, { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } });
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

async function mp4Facts(bytes: Uint8Array) {
  return probeMp4(async (offset, length) => bytes.subarray(offset, offset + length), bytes.length);
}

/** Decodes a PNG far enough to prove it is whole: every chunk's CRC is checked by inflating IDAT. */
function pngPixels(png: Uint8Array): { width: number; height: number; rawBytes: number } {
  const size = readImageSize(png);
  if (!size) throw new Error("not a PNG");
  const view = Buffer.from(png);
  const idat: Buffer[] = [];
  for (let at = 8; at < view.length; ) {
    const length = view.readUInt32BE(at);
    if (view.toString("latin1", at + 4, at + 8) === "IDAT") idat.push(view.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return { ...size, rawBytes: inflateSync(Buffer.concat(idat)).length };
}

describe("Cosmos Predict NIM (simulated)", () => {
  it("answers readiness Triton style and has no /v1/models", async () => {
    expect(await (await fetch(`${sim.url}/predict/v1/health/ready`)).json()).toEqual({ description: "Triton readiness check", status: "ready" });
    expect((await fetch(`${sim.url}/predict/v1/models`)).status).toBe(404);
  });

  it("takes the generation time and answers a real H.264 MP4 as b64_video, the same clip for the same seed", async () => {
    const body = { prompt: "A robot arm", seed: 4, prompt_upsampling: true, video_params: { height: 704, width: 1280, frames_count: 121, frames_per_sec: 24 } };
    const started = Date.now();
    const response = await post("/predict/v1/infer", body);
    expect(Date.now() - started).toBeGreaterThanOrEqual(GENERATION_S * 1000 - 20);
    const answer = (await response.json()) as Record<string, unknown>;
    expect(answer).toMatchObject({ seed: 4, upsampled_prompt: expect.stringContaining("Simulated result: a stock clip, not a generated world"), simulated_request: { width: 1280, height: 704, frames: 121, fps: 24 } });
    const video = Buffer.from(answer.b64_video as string, "base64");
    expect(await mp4Facts(video)).toMatchObject({ moovFound: true, moovAtFront: true, hasVideoTrack: true, codec: "avc1", width: 640, height: 360, fps: 24 });
    const again = (await (await post("/predict/v1/infer", body)).json()) as Record<string, unknown>;
    expect(again.b64_video).toBe(answer.b64_video);
    const other = (await (await post("/predict/v1/infer", { ...body, seed: 5 })).json()) as Record<string, unknown>;
    expect(other.b64_video).not.toBe(answer.b64_video);
  });

  it("refuses sizes that are not multiples of 8 with a 400, and media of the wrong kind with a 422", async () => {
    const bad = await post("/predict/v1/infer", { prompt: "x", video_params: { width: 1001, height: 704 } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ detail: "Invalid input dimensions: height and width must be multiples of 8 (got height=704, width=1001)." });
    const wrong = await post("/predict/v1/infer", { prompt: "x", image: b64(makeMp4()) });
    expect(wrong.status).toBe(422);
    expect((await post("/predict/v1/infer", { prompt: "x", seed: 2 ** 32 })).status).toBe(422);
  });
});

describe("Cosmos3 WFM NIM (simulated)", () => {
  it("answers 422 for fields its schema does not know, pydantic style", async () => {
    const response = await post("/cosmos3-wfm/v1/infer", { model_mode: "text2video", prompt: "x", steps: 30 });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ detail: [{ type: "extra_forbidden", loc: ["body", "steps"], msg: "Extra inputs are not permitted", input: 30 }] });
    const frames = await post("/cosmos3-wfm/v1/infer", { model_mode: "text2video", prompt: "x", num_frames: 100 });
    expect(frames.status).toBe(422);
  });

  it("makes an image for text2image and a video conditioned on input_reference", async () => {
    const image = (await (await post("/cosmos3-wfm/v1/infer", { model_mode: "text2image", prompt: "a lab", resolution: "720_16_9", seed: 1 })).json()) as { b64_image: string };
    expect(pngPixels(Buffer.from(image.b64_image, "base64"))).toMatchObject({ width: 1280, height: 720 });
    const missing = await post("/cosmos3-wfm/v1/infer", { model_mode: "image2video", prompt: "x" });
    expect(missing.status).toBe(400);
    const video = await post("/cosmos3-wfm/v1/infer", { model_mode: "image2video", prompt: "x", input_reference: b64(makePng(8, 8)), num_frames: 121 });
    expect(video.status).toBe(200);
  });
});

describe("vLLM-Omni generator (simulated)", () => {
  const form = (fields: Record<string, string>, file?: Uint8Array<ArrayBuffer>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    if (file) data.append("input_reference", new Blob([file]), "input.png");
    return data;
  };

  it("lists its model and answers a real PNG for text to image", async () => {
    const models = (await (await fetch(`${sim.url}/cosmos3-gen/v1/models`)).json()) as { data: { id: string }[] };
    expect(models.data[0]?.id).toBe("nvidia/Cosmos3-Nano");
    const body = (await (await post("/cosmos3-gen/v1/images/generations", { prompt: "a lab", size: "640x480", seed: 3, response_format: "b64_json" })).json()) as { data: { b64_json: string }[] };
    expect(pngPixels(Buffer.from(body.data[0]!.b64_json, "base64"))).toEqual({ width: 640, height: 480, rawBytes: (640 * 3 + 1) * 480 });
  });

  it("runs an async video job whose progress advances, then serves its MP4; DELETE removes a job", async () => {
    const created = (await (await fetch(`${sim.url}/cosmos3-gen/v1/videos`, { method: "POST", body: form({ prompt: "robot", size: "832x480", seed: "9" }) })).json()) as { id: string; status: string; progress: number };
    expect(created).toMatchObject({ status: "queued", progress: 0 });
    expect(created.id).toMatch(/^video_gen_/);
    const early = await (await fetch(`${sim.url}/cosmos3-gen/v1/videos/${created.id}/content`)).json();
    expect(early).toEqual({ detail: expect.stringMatching(/not completed yet/) });
    const seen: number[] = [];
    let status = "queued";
    while (status !== "completed") {
      await new Promise((resolve) => setTimeout(resolve, 40));
      const job = (await (await fetch(`${sim.url}/cosmos3-gen/v1/videos/${created.id}`)).json()) as { status: string; progress: number };
      seen.push(job.progress);
      status = job.status;
    }
    expect(seen.some((progress) => progress > 0 && progress < 100)).toBe(true);
    expect(seen.at(-1)).toBe(100);
    const content = new Uint8Array(await (await fetch(`${sim.url}/cosmos3-gen/v1/videos/${created.id}/content`)).arrayBuffer());
    expect(await mp4Facts(content)).toMatchObject({ hasVideoTrack: true, codec: "avc1" });

    const other = (await (await fetch(`${sim.url}/cosmos3-gen/v1/videos`, { method: "POST", body: form({ prompt: "robot" }) })).json()) as { id: string };
    expect(await (await fetch(`${sim.url}/cosmos3-gen/v1/videos/${other.id}`, { method: "DELETE" })).json()).toEqual({ id: other.id, object: "video.deleted", deleted: true });
    expect((await fetch(`${sim.url}/cosmos3-gen/v1/videos/${other.id}`)).status).toBe(404);
  });

  it("answers /v1/videos/sync with the MP4 bytes and refuses bad fields", async () => {
    const response = await fetch(`${sim.url}/cosmos3-gen/v1/videos/sync`, { method: "POST", body: form({ prompt: "robot", generate_sound: "true", extra_params: '{"guardrails":false}' }, makePng(4, 4)) });
    expect(response.headers.get("content-type")).toBe("video/mp4");
    expect(response.headers.get("x-simulated-note")).toMatch(/stock clip/);
    expect((await mp4Facts(new Uint8Array(await response.arrayBuffer()))).hasVideoTrack).toBe(true);
    const bad = await fetch(`${sim.url}/cosmos3-gen/v1/videos/sync`, { method: "POST", body: form({ prompt: "robot", extra_params: "{not json" }) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ detail: "extra_params must be a JSON object." });
  });
});

describe("procedural picture", () => {
  it("is the same for the same seed, different for another, and capped to 1280×720", () => {
    expect(drawPicture(1, { width: 320, height: 200 }).png.equals(drawPicture(1, { width: 320, height: 200 }).png)).toBe(true);
    expect(drawPicture(2, { width: 320, height: 200 }).png.equals(drawPicture(1, { width: 320, height: 200 }).png)).toBe(false);
    expect(drawPicture(1, { width: 3840, height: 2160 })).toMatchObject({ width: 1280, height: 720 });
  });
});
