import { describe, expect, it } from "vitest";
import { PlaygroundError } from "@/lib/core/errors";
import { buildUpstreamRequest, upstreamPath } from "@/lib/generation/builders";
import type { GenerationFamily } from "@/lib/backends/generation-families";
import { resolveGeneration, workUnits, type InputMediaFacts } from "@/lib/generation/request";
import type { GenerationRequest } from "@/lib/generation/schema";

const MEDIA_ID = "AAAAAAAAAAAAAAAAAAAAAA";
const image: InputMediaFacts = { kind: "image", mime: "image/png" };
const video: InputMediaFacts = { kind: "video", mime: "video/mp4" };

const request = (extra: Partial<GenerationRequest> = {}): GenerationRequest => ({ backend: "b", mode: "text2world", prompt: "A robot arm stacks cubes.", ...extra });
const resolve = (family: GenerationFamily, extra: Partial<GenerationRequest> = {}, input?: InputMediaFacts) =>
  resolveGeneration(family, request(extra), { seed: 1234, ...(input ? { input } : {}) });
const build = (family: GenerationFamily, extra: Partial<GenerationRequest> = {}, input?: InputMediaFacts) => buildUpstreamRequest(resolve(family, extra, input));

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

describe("Cosmos Predict (/v1/infer)", () => {
  it("fills the NIM's defaults: 1280×704, 121 frames at 24 fps, 50 steps, guidance 7.5, upsampling on", () => {
    const plan = build("cosmos-predict", { negativePrompt: "blurry" });
    expect(plan).toEqual({
      protocol: "infer",
      inputField: null,
      output: "video",
      json: {
        prompt: "A robot arm stacks cubes.", negative_prompt: "blurry", prompt_upsampling: true, seed: 1234, guidance_scale: 7.5, steps: 50,
        video_params: { height: 704, width: 1280, frames_count: 121, frames_per_sec: 24 },
      },
    });
    expect(upstreamPath(plan, true)).toBe("infer");
  });

  it("keeps what was asked, the request's seed over the fallback, and leaves an empty negative prompt out", () => {
    const resolved = resolve("cosmos-predict", { seed: 4_294_967_295, width: 640, height: 360, frames: 57, fps: 16, steps: 35, guidanceScale: 6, promptUpsampling: false, negativePrompt: "" });
    expect(resolved.request).toMatchObject({ seed: 4_294_967_295, width: 640, height: 360, frames: 57, fps: 16, steps: 35, promptUpsampling: false });
    const plan = buildUpstreamRequest(resolved);
    expect(plan.protocol === "infer" && plan.json).toMatchObject({ seed: 4_294_967_295, prompt_upsampling: false, video_params: { width: 640, height: 360, frames_count: 57, frames_per_sec: 16 } });
    expect(plan.protocol === "infer" && "negative_prompt" in plan.json).toBe(false);
    expect(workUnits(resolved)).toBe(640 * 360 * 57 * 35);
  });

  it("refuses sizes that are not multiples of 8 before sending, naming the nearest ones", () => {
    expect(refusal(() => resolve("cosmos-predict", { width: 1001 }))).toBe(
      "Width 1001 is not a multiple of 8: Cosmos Predict needs width and height in multiples of 8 — try 1000 or 1008.",
    );
    expect(refusal(() => resolve("cosmos-predict", { height: 701 }))).toMatch(/^Height 701 .* try 696 or 704\.$/);
  });

  it("takes the image or video of image2world / video2world as base64 in 'image' / 'video'", () => {
    const fromImage = build("cosmos-predict", { mode: "image2world", inputMediaId: MEDIA_ID }, image);
    expect(fromImage).toMatchObject({ protocol: "infer", inputField: "image" });
    expect(build("cosmos-predict", { mode: "video2world", inputMediaId: MEDIA_ID }, video)).toMatchObject({ inputField: "video" });
  });

  it("refuses what the NIM does not take, saying what to do instead", () => {
    expect(refusal(() => resolve("cosmos-predict", { mode: "text2image" }))).toMatch(/cannot do text to image.*Pick a Cosmos3 backend/);
    expect(refusal(() => resolve("cosmos-predict", { resolution: "720p" }))).toMatch(/width and height in pixels, not a resolution tier/);
    expect(refusal(() => resolve("cosmos-predict", { generateSound: true, guardrails: false }))).toBe("Cosmos Predict has no generateSound or guardrails switch; leave them out.");
    expect(refusal(() => resolve("cosmos-predict", { steps: 0 }))).toBe("steps 0 is out of range for Cosmos Predict: use 1–100.");
  });
});

describe("input media rules (every family)", () => {
  it("asks for the missing input, refuses a stray one, and a file of the wrong kind", () => {
    expect(refusal(() => resolve("vllm-omni", { mode: "image2world" }))).toBe("image2world needs an input image: upload one to /api/media and send its id as inputMediaId.");
    expect(refusal(() => resolve("cosmos3-wfm", { inputMediaId: MEDIA_ID }))).toMatch(/^text2world takes no input media: remove inputMediaId/);
    expect(refusal(() => resolve("cosmos-predict", { mode: "image2world", inputMediaId: MEDIA_ID }, video))).toMatch(/is a video; choose video2world or another file/);
  });
});

describe("Cosmos3 WFM (/v1/infer, strict schema)", () => {
  it("sends only the fields its schema knows, with the resolution as tier_aspect", () => {
    const plan = build("cosmos3-wfm", { resolution: "720p", aspect: "9:16", frames: 121, fps: 30, steps: 40, guidanceScale: 7 });
    expect(plan).toEqual({
      protocol: "infer", inputField: null, output: "video",
      json: { model_mode: "text2video", prompt: "A robot arm stacks cubes.", seed: 1234, num_inference_steps: 40, guidance_scale: 7, resolution: "720_9_16", num_frames: 121, fps: 30 },
    });
  });

  it("makes images with model_mode text2image and no frames, and conditions on input_reference", () => {
    const image2 = build("cosmos3-wfm", { mode: "text2image" });
    expect(image2).toMatchObject({ output: "image", json: { model_mode: "text2image", resolution: "480_16_9" } });
    expect(image2.protocol === "infer" && "num_frames" in image2.json).toBe(false);
    expect(build("cosmos3-wfm", { mode: "video2world", inputMediaId: MEDIA_ID }, video)).toMatchObject({ inputField: "input_reference", json: { model_mode: "video2video" } });
  });

  it("takes 1 + 4k frames from 25 up to the tier's maximum", () => {
    expect(resolve("cosmos3-wfm", { resolution: "256p", frames: 397 }).frames).toBe(397);
    expect(refusal(() => resolve("cosmos3-wfm", { frames: 100 }))).toMatch(/takes 1 \+ 4k frames.*100 is not one: try 97 or 101\.$/);
    expect(refusal(() => resolve("cosmos3-wfm", { resolution: "720p", frames: 201 }))).toMatch(/up to 197 at 720p.*at 720p use at most 197\.$/);
    expect(refusal(() => resolve("cosmos3-wfm", { frames: 21 }))).toMatch(/use at least 25\.$/);
  });

  it("keeps guidance within 1–7 and refuses pixel sizes and frames for images", () => {
    expect(refusal(() => resolve("cosmos3-wfm", { guidanceScale: 7.5 }))).toBe("guidanceScale 7.5 is out of range for Cosmos3 WFM: use 1–7.");
    expect(refusal(() => resolve("cosmos3-wfm", { width: 1280, height: 720 }))).toMatch(/resolution tier \(256p, 480p or 720p\) and an aspect ratio/);
    expect(refusal(() => resolve("cosmos3-wfm", { mode: "text2image", frames: 25 }))).toBe("A text-to-image request has no frames or fps; leave them out.");
  });
});

describe("vLLM-Omni (Cosmos3 generator)", () => {
  it("text to image: JSON for /v1/images/generations with the tier's size", () => {
    const plan = build("vllm-omni", { mode: "text2image", resolution: "720p", aspect: "1:1", negativePrompt: "text", guardrails: false });
    expect(plan).toEqual({
      protocol: "omni-image",
      json: {
        prompt: "A robot arm stacks cubes.", size: "720x720", n: 1, response_format: "b64_json", num_inference_steps: 35, guidance_scale: 6,
        negative_prompt: "text", seed: 1234, extra_args: { use_resolution_template: false, guardrails: false },
      },
    });
    expect(upstreamPath(plan, true)).toBe("images/generations");
  });

  it("video: multipart string fields, templates off, sound and guardrails when asked", () => {
    const plan = build("vllm-omni", { resolution: "480p", generateSound: true, guardrails: false, fps: 16, frames: 93 });
    expect(plan).toEqual({
      protocol: "omni-video",
      attachInput: false,
      fields: {
        prompt: "A robot arm stacks cubes.", size: "832x480", num_frames: "93", fps: "16", num_inference_steps: "35", guidance_scale: "6", seed: "1234",
        generate_sound: "true", extra_params: '{"use_resolution_template":false,"use_duration_template":false,"guardrails":false}',
      },
    });
    expect([upstreamPath(plan, true), upstreamPath(plan, false)]).toEqual(["videos", "videos/sync"]);
    expect(build("vllm-omni", { mode: "image2world", inputMediaId: MEDIA_ID }, image)).toMatchObject({ attachInput: true, fields: { size: "832x480", num_frames: "189" } });
  });

  it("defaults to 480p 16:9, 189 frames at 24 fps, and refuses other frame rates or frame counts", () => {
    expect(resolve("vllm-omni").request).toMatchObject({ resolution: "480p", aspect: "16:9", frames: 189, fps: 24, steps: 35, guidanceScale: 6 });
    expect(refusal(() => resolve("vllm-omni", { fps: 25 }))).toBe("Cosmos3 Generator (vLLM-Omni) generates at 10, 16, 24, 30 fps; 25 is not one of them.");
    expect(refusal(() => resolve("vllm-omni", { frames: 301 }))).toBe("frames 301 is out of range for Cosmos3 Generator (vLLM-Omni): use 5–300.");
    expect(refusal(() => resolve("vllm-omni", { mode: "text2image", generateSound: true }))).toMatch(/^Sound goes with video/);
    expect(refusal(() => resolve("vllm-omni", { promptUpsampling: true }))).toMatch(/has no promptUpsampling switch/);
  });
});
