import { describe, expect, it } from "vitest";

import { ASPECT_RATIOS, TIER_SIZES, type GenerationProfile } from "@/lib/backends/generation-families";
import { PlaygroundError } from "@/lib/core/errors";
import { buildUpstreamRequest, inferBody } from "@/lib/generation/builders";
import { resolveGeneration, workUnits, type InputMediaFacts } from "@/lib/generation/request";
import type { GenerationRequest } from "@/lib/generation/schema";

const MEDIA_ID = "AAAAAAAAAAAAAAAAAAAAAA";
const image: InputMediaFacts = { kind: "image", mime: "image/png" };
const video: InputMediaFacts = { kind: "video", mime: "video/mp4" };

const request = (extra: Partial<GenerationRequest> = {}): GenerationRequest => ({
  backend: "b",
  mode: "text2world",
  prompt: "A robot arm stacks cubes.",
  ...extra,
});
const resolve = (profile: GenerationProfile, extra: Partial<GenerationRequest> = {}, input?: InputMediaFacts) =>
  resolveGeneration(profile, request(extra), { seed: 1234, ...(input ? { input } : {}) });
const build = (profile: GenerationProfile, extra: Partial<GenerationRequest> = {}, input?: InputMediaFacts) =>
  buildUpstreamRequest(resolve(profile, extra, input));

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PlaygroundError);
    expect((error as PlaygroundError).status).toBe(400);
    return (error as PlaygroundError).message;
  }
  throw new Error("expected a refusal");
}

describe("Cosmos3 resolution buckets (NIM-PROTOCOLS §3.3)", () => {
  it("are the exact table, tier by aspect", () => {
    const table = Object.fromEntries(
      Object.entries(TIER_SIZES).map(([tier, sizes]) => [tier, ASPECT_RATIOS.map((a) => `${sizes[a].width}x${sizes[a].height}`)]),
    );
    expect(table).toEqual({
      "256p": ["320x192", "320x256", "256x256", "256x320", "192x320"],
      "480p": ["832x480", "736x544", "640x640", "544x736", "480x832"],
      "720p": ["1280x720", "1104x832", "960x960", "832x1104", "720x1280"],
    });
  });

  it("are what vLLM-Omni is sent, video and image alike", () => {
    expect(build("vllm-omni", { resolution: "480p", aspect: "4:3" })).toMatchObject({ fields: { size: "736x544" } });
    expect(build("vllm-omni", { mode: "text2image", resolution: "720p", aspect: "1:1" })).toMatchObject({ json: { size: "960x960" } });
    expect(resolve("cosmos3-nim-2.x", { resolution: "256p", aspect: "3:4" })).toMatchObject({ width: 256, height: 320 });
  });
});

describe("Cosmos Predict (/v1/infer)", () => {
  it("fills the NIM's defaults: 1280×704, 121 frames at 24 fps, 50 steps, guidance 7.5, upsampling on", () => {
    const plan = build("cosmos-predict", { negativePrompt: "blurry" });
    expect(plan).toEqual({
      protocol: "infer",
      inputField: null,
      inputEncoding: "base64",
      output: "video",
      json: {
        prompt: "A robot arm stacks cubes.",
        negative_prompt: "blurry",
        prompt_upsampling: true,
        seed: 1234,
        guidance_scale: 7.5,
        steps: 50,
        video_params: { height: 704, width: 1280, frames_count: 121, frames_per_sec: 24 },
      },
    });
  });

  it("keeps what was asked, the request's seed over the fallback, and leaves an empty negative prompt out", () => {
    const resolved = resolve("cosmos-predict", {
      seed: 4_294_967_295,
      width: 640,
      height: 360,
      frames: 57,
      fps: 16,
      steps: 35,
      guidanceScale: 6,
      promptUpsampling: false,
      negativePrompt: "",
    });
    expect(resolved.request).toMatchObject({
      seed: 4_294_967_295,
      width: 640,
      height: 360,
      frames: 57,
      fps: 16,
      steps: 35,
      promptUpsampling: false,
    });
    const plan = buildUpstreamRequest(resolved);
    expect(plan.protocol === "infer" && plan.json).toMatchObject({
      seed: 4_294_967_295,
      prompt_upsampling: false,
      video_params: { width: 640, height: 360, frames_count: 57, frames_per_sec: 16 },
    });
    expect(plan.protocol === "infer" && "negative_prompt" in plan.json).toBe(false);
    expect(workUnits(resolved)).toBe(640 * 360 * 57 * 35);
  });

  it("names the fields it filled in from defaults, and none the request set", () => {
    expect(
      resolve("cosmos-predict", {
        seed: 7,
        width: 640,
        height: 360,
        frames: 57,
        fps: 16,
        steps: 35,
        guidanceScale: 6,
        promptUpsampling: true,
      }).defaulted,
    ).toEqual([]);
    expect(resolve("vllm-omni").defaulted).toEqual([
      "aspect",
      "flowShift",
      "fps",
      "frames",
      "guidanceScale",
      "resolution",
      "seed",
      "steps",
    ]);
    expect(resolve("vllm-omni", { resolution: "720p", frames: 61 }).defaulted).toEqual([
      "aspect",
      "flowShift",
      "fps",
      "guidanceScale",
      "seed",
      "steps",
    ]);
  });

  it("refuses sizes that are not multiples of 8 before sending, naming the nearest ones", () => {
    expect(refusal(() => resolve("cosmos-predict", { width: 1001 }))).toBe(
      "Width 1001 is not a multiple of 8: Cosmos Predict needs width and height in multiples of 8 — try 1000 or 1008.",
    );
    expect(refusal(() => resolve("cosmos-predict", { height: 701 }))).toMatch(/^Height 701 .* try 696 or 704\.$/);
  });

  it("refuses a prompt over 250 words before sending, saying by how much", () => {
    expect(() => resolve("cosmos-predict", { prompt: "word ".repeat(250) })).not.toThrow();
    expect(refusal(() => resolve("cosmos-predict", { prompt: "word ".repeat(262) }))).toBe(
      "The prompt has 262 words; Cosmos Predict takes prompts of up to 250 words. Shorten it by 12.",
    );
  });

  it("takes the image or video of image2world / video2world as raw base64 in 'image' / 'video'", () => {
    const fromImage = build("cosmos-predict", { mode: "image2world", inputMediaId: MEDIA_ID }, image);
    expect(fromImage).toMatchObject({ protocol: "infer", inputField: "image", inputEncoding: "base64" });
    expect(fromImage.protocol === "infer" && inferBody(fromImage, { mime: "image/png", bytes: Uint8Array.of(1, 2, 3) }).image).toBe("AQID");
    expect(build("cosmos-predict", { mode: "video2world", inputMediaId: MEDIA_ID }, video)).toMatchObject({ inputField: "video" });
  });

  it("refuses what the NIM does not take, saying what to do instead", () => {
    expect(refusal(() => resolve("cosmos-predict", { mode: "text2image" }))).toMatch(/cannot do text to image.*pick a Cosmos3 backend/);
    expect(refusal(() => resolve("cosmos-predict", { resolution: "720p" }))).toMatch(/width and height in pixels, not a resolution tier/);
    expect(refusal(() => resolve("cosmos-predict", { generateSound: true, guardrails: false }))).toBe(
      "Cosmos Predict has no generateSound or guardrails setting; leave them out.",
    );
    expect(refusal(() => resolve("cosmos-predict", { flowShift: 3 }))).toBe("Cosmos Predict has no flowShift setting; leave it out.");
    expect(refusal(() => resolve("cosmos-predict", { steps: 0 }))).toBe("steps 0 is out of range for Cosmos Predict: use 1–100.");
  });
});

describe("input media rules (every profile)", () => {
  it("asks for the missing input, refuses a stray one, and a file of the wrong kind", () => {
    expect(refusal(() => resolve("vllm-omni", { mode: "image2world" }))).toBe(
      "image2world needs an input image: upload one to /api/media and send its id as inputMediaId.",
    );
    expect(refusal(() => resolve("cosmos3-nim-2.x", { inputMediaId: MEDIA_ID }))).toMatch(
      /^text2world takes no input media: remove inputMediaId/,
    );
    expect(refusal(() => resolve("cosmos-predict", { mode: "image2world", inputMediaId: MEDIA_ID }, video))).toMatch(
      /is a video; choose video2world or another file/,
    );
  });
});

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
