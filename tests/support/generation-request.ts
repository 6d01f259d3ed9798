import { expect } from "vitest";

import type { GenerationProfile } from "@/lib/backends/generation-families";
import { PlaygroundError } from "@/lib/core/errors";
import { buildUpstreamRequest } from "@/lib/generation/builders";
import { resolveGeneration, type InputMediaFacts } from "@/lib/generation/request";
import type { GenerationRequest } from "@/lib/generation/schema";

// What the generation request tests share: a request, its resolution and upstream body, and a refusal's message.

export const MEDIA_ID = "AAAAAAAAAAAAAAAAAAAAAA";
export const image: InputMediaFacts = { kind: "image", mime: "image/png" };
export const video: InputMediaFacts = { kind: "video", mime: "video/mp4" };

export const request = (extra: Partial<GenerationRequest> = {}): GenerationRequest => ({
  backend: "b",
  mode: "text2world",
  prompt: "A robot arm stacks cubes.",
  ...extra,
});
export const resolve = (profile: GenerationProfile, extra: Partial<GenerationRequest> = {}, input?: InputMediaFacts) =>
  resolveGeneration(profile, request(extra), { seed: 1234, ...(input ? { input } : {}) });
export const build = (profile: GenerationProfile, extra: Partial<GenerationRequest> = {}, input?: InputMediaFacts) =>
  buildUpstreamRequest(resolve(profile, extra, input));

export function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PlaygroundError);
    expect((error as PlaygroundError).status).toBe(400);
    return (error as PlaygroundError).message;
  }
  throw new Error("expected a refusal");
}
