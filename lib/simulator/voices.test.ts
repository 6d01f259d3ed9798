import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { generateReply } from "@/lib/simulator/chat";
import { pickClip, sceneForPrompt } from "@/lib/simulator/generation";
import { readRequestMedia } from "@/lib/simulator/media";
import { SIMULATED_MODELS, type SimulatedModel } from "@/lib/simulator/models";
import type { SimulatedChatRequest } from "@/lib/simulator/request";
import { recognizeSample } from "@/lib/simulator/samples";
import { modelTokensPerSecond } from "@/lib/simulator/voices";
import { chatRequest, dataUrl, userMessage } from "@/tests/support/simulator-fixtures";

// Models differ in wording, length and speed; sampling settings change the answer as they would.

const SAMPLES = path.resolve("public", "samples");
const still = { type: "image_url", image_url: { url: dataUrl("image/png", readFileSync(path.join(SAMPLES, "robot-arm.png"))) } };
const modelOf = (slug: string) => SIMULATED_MODELS.find((model) => model.slug === slug) as SimulatedModel;

async function caption(slug: string, overrides: Partial<SimulatedChatRequest> = {}): Promise<string> {
  const request = chatRequest([userMessage("Caption the image in detail.", [still])], { model: modelOf(slug).model, ...overrides });
  return generateReply(modelOf(slug), request, { media: await readRequestMedia(request.messages) }).text;
}

describe("simulated models", () => {
  it("answer the same request in their own words and length", async () => {
    const answers = await Promise.all(SIMULATED_MODELS.map((model) => caption(model.slug)));
    expect(new Set(answers).size).toBe(SIMULATED_MODELS.length);
    const [small, large] = [await caption("reason2-2b"), await caption("reason2-8b")];
    expect(small.length).toBeLessThan(large.length);
    expect(await caption("nemotron-vl")).toMatch(/\n- /);
  });

  it("stream faster the smaller they are, and none slower than the configured rate", () => {
    const rate = (slug: string) => modelTokensPerSecond(modelOf(slug), 40);
    expect(rate("reason2-2b")).toBeGreaterThan(rate("reason2-8b"));
    expect(rate("reason2-8b")).toBeGreaterThan(rate("nemotron-vl"));
    for (const model of SIMULATED_MODELS) expect(rate(model.slug)).toBeGreaterThanOrEqual(40);
  });
});

describe("sampling", () => {
  it("gives the same answer for the same seed and temperature, another for another seed or temperature", async () => {
    const base = { seed: "11", temperature: 0.7 };
    const same = await caption("reason2-8b", base);
    expect(await caption("reason2-8b", base)).toBe(same);
    const others = await Promise.all(["12", "13", "14", "15"].map((seed) => caption("reason2-8b", { ...base, seed })));
    expect(others.some((text) => text !== same)).toBe(true);
    const warmer = await Promise.all([0.8, 0.9, 1.0, 1.1].map((temperature) => caption("reason2-8b", { ...base, temperature })));
    expect(warmer.some((text) => text !== same)).toBe(true);
  });

  it("draws anew without a seed, and decodes greedily at temperature 0 whatever the seed", async () => {
    const unseeded = await Promise.all([1, 2, 3, 4, 5].map(() => caption("reason2-8b", { seed: null, temperature: 0.6 })));
    expect(new Set(unseeded).size).toBeGreaterThan(1);
    const greedy = await Promise.all(["1", "2", null].map((seed) => caption("reason2-8b", { seed, temperature: 0 })));
    expect(new Set(greedy).size).toBe(1);
  });
});

describe("simulated generation", () => {
  it("picks the sample scene closest to the prompt", () => {
    expect(sceneForPrompt("A robot arm picks up a red cube and places it on a mat")).toBe("robot-arm");
    expect(sceneForPrompt("A ball bouncing across a tiled floor")).toBe("rolling-ball");
    expect(sceneForPrompt("Dashcam view of a car on a highway")).toBe("driving");
    expect(sceneForPrompt("A quiet afternoon")).toBeNull();
  });

  it("answers a robot-arm prompt with an arm clip, another take for another seed", async () => {
    const prompt = "A robot arm picks up a red cube";
    const clips = await Promise.all([0, 1, 2].map((seed) => pickClip(SAMPLES, seed, "world", prompt)));
    for (const clip of clips) expect(recognizeSample(clip.bytes)).toMatchObject({ scene: "robot-arm", kind: "clip" });
    expect(new Set(clips.map((clip) => clip.name)).size).toBe(3);
    expect((await pickClip(SAMPLES, 1, "world", prompt)).name).toBe(clips[1]?.name);
    expect(recognizeSample((await pickClip(SAMPLES, 4, "sound", prompt)).bytes)).toMatchObject({ scene: "robot-arm", kind: "sound" });
  });
});
