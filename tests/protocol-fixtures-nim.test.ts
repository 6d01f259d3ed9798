import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startSimulator, type RunningSimulator } from "@/lib/simulator/server";

import { built, expectRefused, loadFixtures, send, withMedia, type Fixture } from "./support/protocol-fixtures";

// One test per vendor fixture of the /v1/infer NIMs (../shared/protocol-fixtures/{predict,
// cosmos3-generator-nim}): what the vendor documents as valid the simulator accepts, what it
// documents as invalid it refuses, and where our builder can make the request, it makes that body.

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ generationSeconds: 0.02 });
});
afterAll(() => sim.close());

const predict = loadFixtures("predict");
const nim = loadFixtures("cosmos3-generator-nim");
const at = (slug: string) => `${sim.url}/${slug}`;
type Json = Record<string, unknown>;

async function accepted(slug: string, fixture: Fixture): Promise<Json> {
  const response = await send(at(slug), fixture);
  const body = (await response.json()) as Json;
  expect(response.status, JSON.stringify(body).slice(0, 300)).toBe(fixture.response?.status ?? 200);
  // Every documented key of the answer is there (the simulator adds its simulated_* notes).
  const documented = fixture.response?.body as Json | undefined;
  for (const key of Object.keys(documented ?? {})) expect(body, key).toHaveProperty(key);
  return body;
}

const PREDICT_CASES: Record<string, () => Promise<void>> = {
  "health-ready.json": async () => {
    const response = await send(at("predict"), predict["health-ready.json"]!);
    expect(await response.json()).toEqual(predict["health-ready.json"]!.response!.body);
  },
  "text2world.json": async () => {
    const fixture = predict["text2world.json"]!;
    const body = await accepted("predict", fixture);
    expect(body.seed).toBe(4);
    const request = fixture.request as Json;
    const plan = built("cosmos-predict", {
      mode: "text2world",
      prompt: request.prompt as string,
      negativePrompt: "blurry, low quality, artifacts, people",
      promptUpsampling: true,
      seed: 4,
      guidanceScale: 7.5,
      steps: 50,
      width: 1280,
      height: 704,
      frames: 121,
      fps: 24,
    });
    expect(plan.body).toEqual(request);
  },
  "image2world.json": async () => {
    const fixture = predict["image2world.json"]!;
    const body = await accepted("predict", fixture);
    expect(body).not.toHaveProperty("upsampled_prompt");
    const request = fixture.request as Json;
    const plan = built(
      "cosmos-predict",
      {
        mode: "image2world",
        prompt: request.prompt as string,
        negativePrompt: "blurry, low quality, artifacts, people",
        seed: 42,
        guidanceScale: 7.5,
        steps: 35,
        width: 1280,
        height: 704,
        frames: 121,
        fps: 24,
        promptUpsampling: false,
      },
      { kind: "image", mime: "image/jpeg" },
    );
    // Our builder always states prompt_upsampling (its documented default is true); the example leaves it out.
    const { prompt_upsampling: upsampling, ...rest } = plan.body!;
    expect(upsampling).toBe(false);
    expect(rest).toEqual(withMedia(request));
  },
  "video2world.json": async () => {
    const fixture = predict["video2world.json"]!;
    await accepted("predict", fixture);
    const request = fixture.request as Json;
    const plan = built(
      "cosmos-predict",
      {
        mode: "video2world",
        prompt: request.prompt as string,
        seed: 42,
        guidanceScale: 7.5,
        steps: 35,
        width: 1280,
        height: 704,
        frames: 121,
        fps: 24,
        promptUpsampling: false,
      },
      { kind: "video", mime: "video/mp4" },
    );
    const { prompt_upsampling: _stated, ...rest } = plan.body!;
    expect(rest).toEqual(withMedia(request));
  },
  "invalid-height-not-multiple-of-8.json": async () => {
    const fixture = predict["invalid-height-not-multiple-of-8.json"]!;
    expectRefused(await send(at("predict"), fixture), fixture);
    expect(() => built("cosmos-predict", { mode: "text2world", prompt: "x", width: 1280, height: 700 })).toThrow(
      /Height 700 is not a multiple of 8/,
    );
  },
  "invalid-malformed-json.json": async () => {
    const fixture = predict["invalid-malformed-json.json"]!;
    expectRefused(await send(at("predict"), fixture), fixture);
  },
};

const T2V = { mode: "text2world", seed: 42, guidanceScale: 6, steps: 35, resolution: "256p", aspect: "16:9", frames: 25, fps: 24 } as const;

const NIM_CASES: Record<string, () => Promise<void>> = {
  "t2v-1.0.0.json": async () => {
    const fixture = nim["t2v-1.0.0.json"]!;
    await accepted("cosmos3-wfm", fixture);
    const request = fixture.request as Json;
    expect(built("cosmos3-nim-1.0.0", { ...T2V, prompt: request.prompt as string }).body).toEqual(request);
  },
  "i2v-1.0.0.json": async () => {
    const fixture = nim["i2v-1.0.0.json"]!;
    await accepted("cosmos3-wfm", fixture);
    const request = fixture.request as Json;
    const plan = built(
      "cosmos3-nim-1.0.0",
      { ...T2V, mode: "image2world", seed: 123, prompt: request.prompt as string },
      { kind: "image", mime: "image/jpeg" },
    );
    expect(plan.body).toEqual(withMedia(request));
  },
  "invalid-guidance-scale-out-of-range-1.0.0.json": async () => {
    const fixture = nim["invalid-guidance-scale-out-of-range-1.0.0.json"]!;
    expectRefused(await send(at("cosmos3-wfm"), fixture), fixture);
    expect(() => built("cosmos3-nim-1.0.0", { ...T2V, prompt: "x", guidanceScale: 7.5 })).toThrow(/use 1–7/);
  },
  "invalid-num-output-frames-over-tier-cap-1.0.0.json": async () => {
    const fixture = nim["invalid-num-output-frames-over-tier-cap-1.0.0.json"]!;
    expectRefused(await send(at("cosmos3-wfm"), fixture), fixture);
    expect(() => built("cosmos3-nim-1.0.0", { ...T2V, prompt: "x", resolution: "720p", frames: 297 })).toThrow(/at 720p use at most 197/);
  },
  "invalid-unknown-field-1.0.0.json": async () => {
    const fixture = nim["invalid-unknown-field-1.0.0.json"]!;
    const response = await send(at("cosmos3-wfm"), fixture);
    expectRefused(response, fixture);
    expect(JSON.stringify(await response.json())).toContain("num_inference_steps");
  },
  "dev-unified-legacy-fields-rejected-422.json": async () => {
    const fixture = nim["dev-unified-legacy-fields-rejected-422.json"]!;
    const response = await send(at("cosmos3-nim2"), fixture);
    expectRefused(response, fixture);
    expect(await response.json()).toEqual({ error: { message: expect.any(String), type: expect.any(String), code: 422 } });
  },
  "dev-unified-health-ready.json": async () => {
    const fixture = nim["dev-unified-health-ready.json"]!;
    expect(await (await send(at("cosmos3-nim2"), fixture)).json()).toEqual(fixture.response!.body);
  },
  "dev-unified-wrong-runtime-404.json": async () => {
    const fixture = nim["dev-unified-wrong-runtime-404.json"]!;
    const response = await send(at("cosmos3-nim2"), fixture);
    expect([response.status, await response.json()]).toEqual([404, fixture.response!.body]);
  },
  "dev-unified-response-shapes.json": async () => {
    // No request here: our 2.x builder's text-to-image and video requests are answered in the documented shapes.
    const variants = nim["dev-unified-response-shapes.json"]!.response!.variants!;
    const post = (body: unknown) =>
      fetch(`${at("cosmos3-nim2")}/v1/infer`, {
        method: "POST",
        body: JSON.stringify(body),
        headers: { "Content-Type": "application/json" },
      });
    const image = (await (
      await post(built("cosmos3-nim-2.x", { mode: "text2image", prompt: "A lab.", resolution: "256p", aspect: "1:1" }).body)
    ).json()) as Json;
    const video = (await (await post(built("cosmos3-nim-2.x", { ...T2V, prompt: "A lab." }).body)).json()) as Json;
    expect(Object.keys(image).filter((k) => !k.startsWith("simulated_"))).toEqual(Object.keys(variants.text2image!.body));
    expect(Object.keys(video).filter((k) => !k.startsWith("simulated_"))).toEqual(Object.keys(variants.video_modes!.body));
    expect(video.action).toBeNull();
    // The action-only policy variant needs the world-model modes, which the playground does not build yet.
    expect(variants.specialist_action_only_policy!.body).toHaveProperty("action.shape");
  },
};

describe("Cosmos Predict NIM fixtures", () => {
  it("has a test for every fixture file", () => expect(Object.keys(PREDICT_CASES).sort()).toEqual(Object.keys(predict)));
  for (const [file, check] of Object.entries(PREDICT_CASES)) it(file, check);
});

describe("Cosmos3 generator NIM fixtures (1.0.0 at sim-cosmos3-wfm, 2.x at sim-cosmos3-nim2)", () => {
  it("has a test for every fixture file", () => expect(Object.keys(NIM_CASES).sort()).toEqual(Object.keys(nim)));
  for (const [file, check] of Object.entries(NIM_CASES)) it(file, check);
});
