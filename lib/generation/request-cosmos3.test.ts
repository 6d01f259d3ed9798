import { describe, expect, it } from "vitest";

import { inferBody } from "@/lib/generation/builders";
import { build, image, MEDIA_ID, refusal, resolve, video } from "@/tests/support/generation-request";

// The Cosmos3 generator servers: the 1.0.0 and 2.x NIMs (/v1/infer) and vLLM-Omni (/v1/videos).

describe("Cosmos3-Generator NIM 1.0.0 (/v1/infer, closed field set)", () => {
  it("sends only its nine fields: steps, num_output_frames, a bare tier for 16:9, no mode field", () => {
    const plan = build("cosmos3-nim-1.0.0", { resolution: "256p", frames: 25, fps: 24, steps: 35, guidanceScale: 6, seed: 42 });
    expect(plan).toEqual({
      protocol: "infer",
      inputField: null,
      inputEncoding: "data-uri",
      output: "video",
      json: {
        prompt: "A robot arm stacks cubes.",
        seed: 42,
        guidance_scale: 6,
        steps: 35,
        resolution: "256",
        num_output_frames: 25,
        fps: 24,
      },
    });
    expect(build("cosmos3-nim-1.0.0", { resolution: "720p", aspect: "9:16", frames: 121 })).toMatchObject({
      json: { resolution: "720_9_16" },
    });
  });

  it("image to video puts the image in 'image' as a data URI", () => {
    const plan = build("cosmos3-nim-1.0.0", { mode: "image2world", inputMediaId: MEDIA_ID }, image);
    expect(plan).toMatchObject({ inputField: "image", inputEncoding: "data-uri" });
    expect(plan.protocol === "infer" && inferBody(plan, { mime: "image/jpeg", bytes: Uint8Array.of(1, 2, 3) }).image).toBe(
      "data:image/jpeg;base64,AQID",
    );
  });

  it("has no video to world, text to image or flow shift, and says why", () => {
    expect(refusal(() => resolve("cosmos3-nim-1.0.0", { mode: "video2world", inputMediaId: MEDIA_ID }, video))).toMatch(
      /serves text-to-video and image-to-video only/,
    );
    expect(refusal(() => resolve("cosmos3-nim-1.0.0", { mode: "text2image" }))).toMatch(/text to image needs the 2\.x NIM or vLLM-Omni/);
    expect(refusal(() => resolve("cosmos3-nim-1.0.0", { flowShift: 5 }))).toMatch(/has no flowShift setting/);
  });

  it("takes 1 + 4k frames from 25 up to the tier's cap, and guidance within 1–7", () => {
    expect(resolve("cosmos3-nim-1.0.0", { resolution: "256p", frames: 397 }).frames).toBe(397);
    expect(refusal(() => resolve("cosmos3-nim-1.0.0", { frames: 100 }))).toMatch(/takes 1 \+ 4k frames.*100 is not one: try 97 or 101\.$/);
    expect(refusal(() => resolve("cosmos3-nim-1.0.0", { resolution: "720p", frames: 297 }))).toMatch(
      /up to 197 at 720p.*at 720p use at most 197\.$/,
    );
    expect(refusal(() => resolve("cosmos3-nim-1.0.0", { frames: 21 }))).toMatch(/use at least 25\.$/);
    expect(refusal(() => resolve("cosmos3-nim-1.0.0", { guidanceScale: 7.5 }))).toBe(
      "guidanceScale 7.5 is out of range for Cosmos3 Generator NIM 1.0.0: use 1–7.",
    );
  });
});

describe("Cosmos3 NIM 2.x (/v1/infer, renamed fields)", () => {
  it("sends model_mode, num_inference_steps, num_frames and the full resolution key", () => {
    const plan = build("cosmos3-nim-2.x", { resolution: "720p", aspect: "9:16", frames: 121, fps: 30, steps: 40, guidanceScale: 7 });
    expect(plan).toEqual({
      protocol: "infer",
      inputField: null,
      inputEncoding: "data-uri",
      output: "video",
      json: {
        model_mode: "text2video",
        prompt: "A robot arm stacks cubes.",
        seed: 1234,
        num_inference_steps: 40,
        guidance_scale: 7,
        resolution: "720_9_16",
        num_frames: 121,
        fps: 30,
      },
    });
  });

  it("makes images with model_mode text2image at the documented defaults (50 steps, guidance 4, flow shift 3)", () => {
    const plan = build("cosmos3-nim-2.x", { mode: "text2image" });
    expect(plan).toMatchObject({
      output: "image",
      json: { model_mode: "text2image", resolution: "480_16_9", num_inference_steps: 50, guidance_scale: 4, flow_shift: 3 },
    });
    expect(plan.protocol === "infer" && "num_frames" in plan.json).toBe(false);
  });

  it("video to video: input_reference and the latent conditioning, checked against the frame count", () => {
    const plan = build(
      "cosmos3-nim-2.x",
      { mode: "video2world", inputMediaId: MEDIA_ID, frames: 25, conditionFrameIndexes: [0, 1], conditionVideoKeep: "last" },
      video,
    );
    expect(plan).toMatchObject({
      inputField: "input_reference",
      json: { model_mode: "video2video", condition_frame_indexes_vision: [0, 1], condition_video_keep: "last" },
    });
    expect(
      refusal(() =>
        resolve("cosmos3-nim-2.x", { mode: "video2world", inputMediaId: MEDIA_ID, frames: 25, conditionFrameIndexes: [7] }, video),
      ),
    ).toMatch(/below 7 for 25 frames; 7 is too large/);
    expect(refusal(() => resolve("cosmos3-nim-2.x", { conditionVideoKeep: "first" }))).toMatch(/go with video2world only/);
  });

  it("sends flow_shift for video only when asked (its video default is the server's)", () => {
    const plain = build("cosmos3-nim-2.x");
    expect(plain.protocol === "infer" && "flow_shift" in plain.json).toBe(false);
    expect(build("cosmos3-nim-2.x", { flowShift: 5 })).toMatchObject({ json: { flow_shift: 5 } });
  });
});

describe("vLLM-Omni (Cosmos3 generator)", () => {
  it("text to image: JSON for /v1/images/generations with the bucket's size and the server's image defaults", () => {
    const plan = build("vllm-omni", { mode: "text2image", resolution: "720p", aspect: "1:1", negativePrompt: "text", guardrails: false });
    expect(plan).toEqual({
      protocol: "omni-image",
      json: {
        prompt: "A robot arm stacks cubes.",
        negative_prompt: "text",
        size: "960x960",
        n: 1,
        num_inference_steps: 50,
        guidance_scale: 7,
        flow_shift: 3,
        seed: 1234,
        extra_args: { use_resolution_template: false, guardrails: false },
      },
    });
  });

  it("video: multipart string fields, floats as the server writes them, templates off, flow shift 10, sound for the clip's length", () => {
    const plan = build("vllm-omni", { resolution: "480p", generateSound: true, guardrails: false, fps: 16, frames: 93 });
    expect(plan).toEqual({
      protocol: "omni-video",
      attachInput: false,
      fields: {
        prompt: "A robot arm stacks cubes.",
        size: "832x480",
        num_frames: "93",
        fps: "16",
        num_inference_steps: "35",
        guidance_scale: "6.0",
        flow_shift: "10.0",
        seed: "1234",
        extra_params: '{"use_resolution_template":false,"use_duration_template":false,"guardrails":false}',
        generate_sound: "true",
        sound_duration: "5.813",
      },
    });
    expect(build("vllm-omni", { mode: "image2world", inputMediaId: MEDIA_ID }, image)).toMatchObject({
      attachInput: true,
      fields: { size: "832x480", num_frames: "189" },
    });
    expect(build("vllm-omni", { generateSound: false })).not.toHaveProperty("fields.generate_sound");
  });

  it("takes 1 + 4k frames from 5, any whole fps from 1, guidance 0–20 and steps 1–200", () => {
    expect(resolve("vllm-omni", { frames: 5, fps: 25, guidanceScale: 0, steps: 200 }).request).toMatchObject({
      frames: 5,
      fps: 25,
      guidanceScale: 0,
      steps: 200,
    });
    expect(refusal(() => resolve("vllm-omni", { frames: 100 }))).toMatch(
      /takes 1 \+ 4k frames, from 5 up to 297; 100 is not one: try 97 or 101\.$/,
    );
    expect(refusal(() => resolve("vllm-omni", { frames: 301 }))).toMatch(/use at most 297\.$/);
    expect(refusal(() => resolve("vllm-omni", { fps: 23.976 }))).toMatch(/whole number of frames per second/);
    expect(refusal(() => resolve("vllm-omni", { steps: 201 }))).toBe(
      "steps 201 is out of range for Cosmos3 Generator (vLLM-Omni): use 1–200.",
    );
    expect(refusal(() => resolve("vllm-omni", { guidanceScale: 21 }))).toMatch(/use 0–20\.$/);
  });

  it("defaults to 480p 16:9, 189 frames at 24 fps, and refuses switches it lacks", () => {
    expect(resolve("vllm-omni").request).toMatchObject({
      resolution: "480p",
      aspect: "16:9",
      frames: 189,
      fps: 24,
      steps: 35,
      guidanceScale: 6,
      flowShift: 10,
    });
    expect(refusal(() => resolve("vllm-omni", { mode: "text2image", generateSound: true }))).toMatch(/^Sound goes with video/);
    expect(refusal(() => resolve("vllm-omni", { promptUpsampling: true }))).toMatch(/has no promptUpsampling setting/);
  });

  it("puts video conditioning in extra_params beside the template switches", () => {
    const plan = build(
      "vllm-omni",
      { mode: "video2world", inputMediaId: MEDIA_ID, conditionFrameIndexes: [0], conditionVideoKeep: "first" },
      video,
    );
    expect(plan.protocol === "omni-video" && JSON.parse(plan.fields.extra_params!)).toEqual({
      use_resolution_template: false,
      use_duration_template: false,
      condition_frame_indexes_vision: [0],
      condition_video_keep: "first",
    });
  });
});
