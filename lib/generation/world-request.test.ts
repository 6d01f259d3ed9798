import { describe, expect, it } from "vitest";

import type { GenerationProfile } from "@/lib/backends/generation-families";
import { exampleActions } from "@/lib/generation/action-curves";
import { buildUpstreamRequest, inferBody } from "@/lib/generation/builders";
import { resolveGeneration } from "@/lib/generation/request";
import type { GenerationRequest } from "@/lib/generation/schema";

// The world-model modes: what each profile takes, the exact refusals, and the upstream requests.

const MEDIA = "AAAAAAAAAAAAAAAAAAAAAA";
type Facts = { kind: "image" | "video"; mime: string };
const IMAGE: Facts = { kind: "image", mime: "image/png" };
const VIDEO: Facts = { kind: "video", mime: "video/mp4" };
const AV = exampleActions("av");

const resolve = (
  profile: GenerationProfile,
  request: Omit<GenerationRequest, "backend" | "prompt"> & { prompt?: string },
  input: Facts = IMAGE,
  control?: Facts,
) =>
  resolveGeneration(
    profile,
    { backend: "b", prompt: "Drive on.", ...request },
    { seed: 3, ...(request.inputMediaId ? { input } : {}), ...(control ? { control } : {}) },
  );
const message = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return "accepted";
};
const fd = (data: number[][], domain = "av") => ({ mode: "forward_dynamics" as const, inputMediaId: MEDIA, action: { domain, data } });

describe("forward dynamics", () => {
  it("takes T × dim actions and rolls out T + 1 frames at the domain's rate, with the documented sampling", () => {
    const resolved = resolve("vllm-omni", fd(AV));
    expect(resolved).toMatchObject({ frames: 61, fps: 10, world: { chunk: 60, domain: { name: "av", dim: 9 } } });
    expect(resolved.request).toMatchObject({ steps: 30, guidanceScale: 1, flowShift: 10, action: { domain: "av" } });
  });

  it("refuses a wrong shape with a 400 naming the shape the domain takes", () => {
    expect(message(() => resolve("vllm-omni", fd(AV.slice(0, 59))))).toBe(
      "The sequence has 59 rows × 9; the av domain takes T × 9 (T a multiple of 4 up to 296, e.g. 60 × 9): trim or pad it to 60 rows.",
    );
    expect(message(() => resolve("vllm-omni", fd(AV.map((row) => row.slice(0, 7)))))).toBe(
      "Row 1 has 7 values; the av domain takes 9 per row: T × 9 (T a multiple of 4 up to 296, e.g. 60 × 9).",
    );
    expect(message(() => resolve("vllm-omni", { mode: "forward_dynamics", inputMediaId: MEDIA, action: { domain: "av" } }))).toBe(
      "Forward dynamics needs action.data: 60 × 9 numbers for the av domain (rows = steps).",
    );
    expect(message(() => resolve("vllm-omni", { ...fd(AV), frames: 121 }))).toMatch(/60 actions make 61 frames, not 121/);
  });

  it("names the domains a server takes when the domain is unknown to it", () => {
    expect(message(() => resolve("vllm-omni", fd(AV, "mars_rover")))).toMatch(
      /^Unknown action domain 'mars_rover' here\. Cosmos3 knows the domains av, camera_pose/,
    );
    expect(message(() => resolve("cosmos3-nim-2.x", fd(exampleActions("galbot"), "galbot")))).toBe(
      "Unknown action domain 'galbot' here. The Cosmos3 NIM 2.x takes the domains av, droid_lerobot, bridge_orig_lerobot, umi.",
    );
  });

  it("needs an image to start from, and is not on the 1.0.0 NIM", () => {
    expect(message(() => resolve("vllm-omni", fd(AV), VIDEO))).toMatch(/needs an input image, but media .* is a video/);
    expect(message(() => resolve("cosmos3-nim-1.0.0", fd(AV)))).toMatch(
      /forward dynamics \(actions to video\).*need the 2\.x NIM or vLLM-Omni/,
    );
  });

  it("goes to NIM 2.x as action_params, without resolution or num_frames", () => {
    const plan = buildUpstreamRequest(resolve("cosmos3-nim-2.x", fd(AV)));
    expect(plan.protocol === "infer" && plan.json).toEqual({
      model_mode: "forward_dynamics",
      prompt: "Drive on.",
      seed: 3,
      num_inference_steps: 30,
      guidance_scale: 1,
      flow_shift: 10,
      fps: 10,
      action_params: { domain_name: "av", action_chunk_size: 60, raw_action_dim: 9, image_size: 480, action_fps: 10, action: AV },
    });
  });
});

describe("policy and inverse dynamics", () => {
  it("policy predicts the domain's chunk; it takes no actions", () => {
    const resolved = resolve("cosmos3-nim-2.x", { mode: "policy", inputMediaId: MEDIA, action: { domain: "umi" } });
    expect(resolved).toMatchObject({ frames: 17, fps: 20, world: { chunk: 16 } });
    expect(resolved.request).toMatchObject({ flowShift: 5, steps: 30, guidanceScale: 1 });
    expect(message(() => resolve("vllm-omni", { mode: "policy", inputMediaId: MEDIA, action: { domain: "umi", data: [[1]] } }))).toBe(
      "action policy outputs actions; it takes none. Leave action.data out.",
    );
  });

  it("inverse dynamics reads a video, defaults to driving, and takes 1 + 4k frames", () => {
    const resolved = resolve("vllm-omni", { mode: "inverse_dynamics", inputMediaId: MEDIA }, VIDEO);
    expect(resolved).toMatchObject({ frames: 61, fps: 10, world: { chunk: 60, domain: { name: "av" } } });
    expect(message(() => resolve("vllm-omni", { mode: "inverse_dynamics", inputMediaId: MEDIA, frames: 30 }, VIDEO))).toBe(
      "Inverse dynamics reads 1 + 4k frames (e.g. 61); 30 is not one.",
    );
    const plan = buildUpstreamRequest(resolved);
    expect(plan.protocol === "omni-video" && plan.fields.size).toBeUndefined();
  });

  it("makes no sound, and a text-to-video request takes no action", () => {
    expect(message(() => resolve("vllm-omni", { mode: "policy", inputMediaId: MEDIA, generateSound: true }))).toBe(
      "action policy makes no sound; leave generateSound and soundDuration out.",
    );
    expect(message(() => resolve("vllm-omni", { mode: "text2world", action: { domain: "av" } }))).toMatch(
      /^text to world \(video\) takes no action/,
    );
  });
});

describe("transfer", () => {
  const transfer = { mode: "transfer" as const, control: { type: "depth" as const, mediaId: MEDIA } };

  it("needs a control video; the input video is optional; its defaults are the notebook's", () => {
    expect(message(() => resolve("vllm-omni", { mode: "transfer" }))).toMatch(/^Transfer needs control/);
    expect(message(() => resolve("vllm-omni", transfer, VIDEO, { kind: "image", mime: "image/png" }))).toMatch(
      /The control must be a video/,
    );
    const resolved = resolve("vllm-omni", transfer, VIDEO, VIDEO);
    expect(resolved).toMatchObject({ frames: 121, fps: 30, width: 1280, height: 720, input: null });
    expect(resolved.request).toMatchObject({ steps: 50, guidanceScale: 3, flowShift: 10 });
  });

  it("uploads the control as control_reference with its type on vLLM-Omni", () => {
    const plan = buildUpstreamRequest(resolve("vllm-omni", { ...transfer, inputMediaId: MEDIA }, VIDEO, VIDEO));
    expect(plan).toMatchObject({
      protocol: "omni-video",
      attachInput: true,
      attachControl: true,
      fields: { control_type: "depth", size: "1280x720", num_frames: "121", fps: "30" },
    });
    expect(plan.protocol === "omni-video" && JSON.parse(plan.fields.extra_params!)).toEqual({
      use_resolution_template: false,
      use_duration_template: false,
      control_guidance: 1.5,
      num_video_frames_per_chunk: 121,
      num_conditional_frames: 1,
      resolution: "720",
    });
  });

  it("puts the control video inline in transfer.<type>.video on NIM 2.x, as video2video", () => {
    const resolved = resolve("cosmos3-nim-2.x", { ...transfer, control: { type: "seg", mediaId: MEDIA } }, VIDEO, VIDEO);
    const plan = buildUpstreamRequest(resolved);
    if (plan.protocol !== "infer") throw new Error("expected /v1/infer");
    const body = inferBody(plan, null, { mime: "video/mp4", bytes: new Uint8Array([1, 2, 3]) });
    expect(body).toMatchObject({
      model_mode: "video2video",
      resolution: "720_16_9",
      num_frames: 121,
      fps: 30,
      transfer: { seg: { video: "data:video/mp4;base64,AQID" }, control_guidance: 2 },
    });
    expect(body).not.toHaveProperty("input_reference");
  });
});

describe("sound", () => {
  it("lasts the video by default, or as long as asked, on vLLM-Omni only", () => {
    const fields = (extra: Partial<GenerationRequest>) => {
      const plan = buildUpstreamRequest(resolve("vllm-omni", { mode: "text2world", frames: 189, fps: 24, generateSound: true, ...extra }));
      return plan.protocol === "omni-video" ? plan.fields : {};
    };
    expect(fields({})).toMatchObject({ generate_sound: "true", sound_duration: "7.875" });
    expect(fields({ soundDuration: 5 })).toMatchObject({ sound_duration: "5.000" });
    expect(message(() => resolve("vllm-omni", { mode: "text2world", soundDuration: 5 }))).toBe(
      "soundDuration goes with generateSound: true; turn sound on or leave the duration out.",
    );
    expect(message(() => resolve("cosmos3-nim-2.x", { mode: "text2world", generateSound: true }))).toMatch(/has no generateSound setting/);
  });
});
