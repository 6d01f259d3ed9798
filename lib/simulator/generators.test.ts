import { describe, expect, it } from "vitest";

import { drawPicture } from "@/lib/simulator/picture";
import { b64, GENERATION_S, mp4Facts, pngPixels, startGeneratorSimulatorForFile } from "@/tests/support/generator-simulator";
import { makeMp4, makePng } from "@/tests/support/media-fixtures";

// The simulated NIM generators (Cosmos Predict, Cosmos3 1.0.0 and 2.x) speak their wire protocols and
// answer real media; vLLM-Omni's generator is in generators-omni.test.ts.

const sim = startGeneratorSimulatorForFile();
const { post } = sim;

describe("Cosmos Predict NIM (simulated)", () => {
  it("answers readiness Triton style and has no /v1/models", async () => {
    expect(await (await fetch(`${sim.url()}/predict/v1/health/ready`)).json()).toEqual({
      description: "Triton readiness check",
      status: "ready",
    });
    expect((await fetch(`${sim.url()}/predict/v1/models`)).status).toBe(404);
  });

  it("takes the generation time and answers a real H.264 MP4 as b64_video, the same clip for the same seed", async () => {
    const body = {
      prompt: "A robot arm",
      seed: 4,
      prompt_upsampling: true,
      video_params: { height: 704, width: 1280, frames_count: 121, frames_per_sec: 24 },
    };
    const started = Date.now();
    const response = await post("/predict/v1/infer", body);
    expect(Date.now() - started).toBeGreaterThanOrEqual(GENERATION_S * 1000 - 20);
    const answer = (await response.json()) as Record<string, unknown>;
    expect(answer).toMatchObject({
      seed: 4,
      upsampled_prompt: expect.stringContaining("Simulated result: a stock clip, not a generated world"),
      simulated_request: { width: 1280, height: 704, frames: 121, fps: 24 },
    });
    const video = Buffer.from(answer.b64_video as string, "base64");
    expect(await mp4Facts(video)).toMatchObject({
      moovFound: true,
      moovAtFront: true,
      hasVideoTrack: true,
      codec: "avc1",
      width: 640,
      height: 360,
      fps: 24,
    });
    const again = (await (await post("/predict/v1/infer", body)).json()) as Record<string, unknown>;
    expect(again.b64_video).toBe(answer.b64_video);
    const other = (await (await post("/predict/v1/infer", { ...body, seed: 5 })).json()) as Record<string, unknown>;
    expect(other.b64_video).not.toBe(answer.b64_video);
  });

  it("refuses sizes that are not multiples of 8, media of the wrong kind and seeds out of range with a 400", async () => {
    const bad = await post("/predict/v1/infer", { prompt: "x", video_params: { width: 1001, height: 704 } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      detail: "Invalid input dimensions: height and width must be multiples of 8 (got height=704, width=1001).",
    });
    expect((await post("/predict/v1/infer", { prompt: "x", image: b64(makeMp4()) })).status).toBe(400);
    const seed = await post("/predict/v1/infer", { prompt: "x", seed: 2 ** 32 });
    expect([seed.status, await seed.json()]).toEqual([400, { detail: "seed: Input should be between 0 and 4294967295" }]);
  });
});

const t2v1 = { prompt: "A robot walks.", seed: 42, guidance_scale: 6.0, steps: 35, resolution: "256", num_output_frames: 25, fps: 24.0 };

describe("Cosmos3-Generator NIM 1.0.0 (simulated)", () => {
  it("answers a video for its nine fields, the mode read from 'image'", async () => {
    const response = await post("/cosmos3-wfm/v1/infer", t2v1);
    const body = (await response.json()) as Record<string, unknown>;
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ simulated_request: { width: 320, height: 192, frames: 25, fps: 24 } });
    expect(Buffer.from(body.b64_video as string, "base64").length).toBeGreaterThan(1000);
    const i2v = await post("/cosmos3-wfm/v1/infer", {
      ...t2v1,
      prompt: undefined,
      image: `data:image/png;base64,${b64(makePng(8, 8))}`,
      resolution: "480_4_3",
    });
    expect(((await i2v.json()) as { simulated_request: object }).simulated_request).toMatchObject({ width: 736, height: 544 });
  });

  it("refuses any other field with a 422 naming it, and the 2.x names too", async () => {
    const unknown = await post("/cosmos3-wfm/v1/infer", { ...t2v1, num_inference_steps: 35 });
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toEqual({
      detail: [{ type: "extra_forbidden", loc: ["body", "num_inference_steps"], msg: "Extra inputs are not permitted", input: 35 }],
    });
    expect((await post("/cosmos3-wfm/v1/infer", { ...t2v1, model_mode: "text2video" })).status).toBe(422);
  });

  it("keeps guidance within 1–7, steps 1–100, fps 1–60, and 1 + 4k frames under the tier's cap", async () => {
    const refused = async (extra: object) => (await post("/cosmos3-wfm/v1/infer", { ...t2v1, ...extra })).status;
    expect(await refused({ guidance_scale: 7.5 })).toBe(422);
    expect(await refused({ steps: 101 })).toBe(422);
    expect(await refused({ fps: 61 })).toBe(422);
    expect(await refused({ num_output_frames: 27 })).toBe(422);
    expect(await refused({ num_output_frames: 21 })).toBe(422);
    expect(await refused({ resolution: "720", num_output_frames: 201 })).toBe(422);
    expect(await refused({ resolution: "256", num_output_frames: 397 })).toBe(200);
    expect(await refused({ resolution: "720p" })).toBe(422);
  });

  it("serves /openapi.json and /v1/version, readiness Triton style", async () => {
    const doc = (await (await fetch(`${sim.url()}/cosmos3-wfm/openapi.json`)).json()) as {
      components: { schemas: Record<string, { properties: object }> };
    };
    expect(Object.keys(Object.values(doc.components.schemas)[0]!.properties)).toEqual([
      "prompt",
      "negative_prompt",
      "image",
      "seed",
      "guidance_scale",
      "steps",
      "resolution",
      "num_output_frames",
      "fps",
    ]);
    expect(await (await fetch(`${sim.url()}/cosmos3-wfm/v1/version`)).json()).toEqual({ release: "1.0.0", api: "1.0.0" });
    expect(await (await fetch(`${sim.url()}/cosmos3-wfm/v1/health/ready`)).json()).toEqual({
      description: "Triton readiness check",
      status: "ready",
    });
  });
});

describe("Cosmos3 NIM 2.x (simulated)", () => {
  it("answers 422 in its error envelope to the 1.0.0 names and unknown fields", async () => {
    const response = await post("/cosmos3-nim2/v1/infer", { model_mode: "text2video", prompt: "x", steps: 30 });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: { message: "steps: Extra inputs are not permitted (extra_forbidden)", type: "RequestValidationError", code: 422 },
    });
    expect((await post("/cosmos3-nim2/v1/infer", { prompt: "x" })).status).toBe(422);
    expect((await post("/cosmos3-nim2/v1/infer", { model_mode: "text2video", prompt: "x", num_frames: 100 })).status).toBe(422);
    expect((await post("/cosmos3-nim2/v1/infer", { model_mode: "text2video", prompt: "x", num_inference_steps: "35" })).status).toBe(422);
  });

  it("makes an image for text2image (b64_image) and a video conditioned on input_reference (b64_video, action null)", async () => {
    const image = (await (
      await post("/cosmos3-nim2/v1/infer", { model_mode: "text2image", prompt: "a lab", resolution: "480_1_1", seed: 1 })
    ).json()) as { b64_image: string };
    expect(pngPixels(Buffer.from(image.b64_image, "base64"))).toMatchObject({ width: 640, height: 640 });
    const missing = await post("/cosmos3-nim2/v1/infer", { model_mode: "image2video", prompt: "x" });
    expect(missing.status).toBe(422);
    const video = await post("/cosmos3-nim2/v1/infer", {
      model_mode: "image2video",
      prompt: "x",
      input_reference: b64(makePng(8, 8)),
      num_frames: 121,
      flow_shift: 5,
    });
    expect(video.status).toBe(200);
    expect(await video.json()).toMatchObject({ b64_video: expect.any(String), action: null });
  });

  it("checks video-to-video conditioning against the latent frame count", async () => {
    const v2v = { model_mode: "video2video", prompt: "x", input_reference: b64(makeMp4()), num_frames: 25 };
    expect(
      (await post("/cosmos3-nim2/v1/infer", { ...v2v, condition_frame_indexes_vision: [0, 1], condition_video_keep: "last" })).status,
    ).toBe(200);
    expect((await post("/cosmos3-nim2/v1/infer", { ...v2v, condition_frame_indexes_vision: [7] })).status).toBe(422);
    expect(
      (
        await post("/cosmos3-nim2/v1/infer", {
          ...v2v,
          model_mode: "text2video",
          input_reference: undefined,
          condition_video_keep: "first",
        })
      ).status,
    ).toBe(422);
  });

  it("answers a guardrail block with 422, its schema, version and readiness, and 404 to chat", async () => {
    const blocked = await post("/cosmos3-nim2/v1/infer", { model_mode: "text2video", prompt: "guardrail-block this" });
    expect([blocked.status, ((await blocked.json()) as { error: { message: string } }).error.message]).toEqual([
      422,
      expect.stringMatching(/guardrail/),
    ]);
    expect(await (await fetch(`${sim.url()}/cosmos3-nim2/v1/version`)).json()).toEqual({ release: "2.1.0", api: "2.1.0" });
    expect(await (await fetch(`${sim.url()}/cosmos3-nim2/v1/health/ready`)).json()).toEqual({
      object: "health.response",
      message: "Service is ready",
      status: "ready",
    });
    const chat = await post("/cosmos3-nim2/v1/chat/completions", { messages: [] });
    expect(chat.status).toBe(404);
  });
});

describe("procedural picture", () => {
  it("is the same for the same seed, different for another, and capped to 1280×720", () => {
    expect(drawPicture(1, { width: 320, height: 200 }).png.equals(drawPicture(1, { width: 320, height: 200 }).png)).toBe(true);
    expect(drawPicture(2, { width: 320, height: 200 }).png.equals(drawPicture(1, { width: 320, height: 200 }).png)).toBe(false);
    expect(drawPicture(1, { width: 3840, height: 2160 })).toMatchObject({ width: 1280, height: 720 });
  });
});
