import { describe, expect, it } from "vitest";

import { ASPECT_RATIOS, TIER_SIZES } from "@/lib/backends/generation-families";
import { buildUpstreamRequest, inferBody } from "@/lib/generation/builders";
import { workUnits } from "@/lib/generation/request";
import { build, image, MEDIA_ID, refusal, resolve, video } from "@/tests/support/generation-request";

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
