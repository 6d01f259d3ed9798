import type { ResolvedGeneration } from "@/lib/generation/request";

// The upstream request of each generation family (docs/nim-protocols.md §2–3), built from a
// resolved request. Input media are left out: the runner adds the bytes, which are large.

export type UpstreamPlan =
  | {
      /** Cosmos Predict and Cosmos3 WFM: POST /v1/infer with JSON, answered with base64 media. */
      protocol: "infer";
      json: Record<string, unknown>;
      /** The JSON field that takes the input media as base64, if any. */
      inputField: "image" | "video" | "input_reference" | null;
      output: "video" | "image";
    }
  | {
      /** vLLM-Omni text to image: POST /v1/images/generations with JSON, answered with b64_json. */
      protocol: "omni-image";
      json: Record<string, unknown>;
    }
  | {
      /** vLLM-Omni video: multipart string fields to /v1/videos (a job) or /v1/videos/sync (MP4 bytes). */
      protocol: "omni-video";
      fields: Record<string, string>;
      /** The input media go as the file field input_reference. */
      attachInput: boolean;
    };

const RESOLUTION_CODES = { "256p": "256", "480p": "480", "720p": "720" } as const;

function buildPredict({ request, width, height, frames, fps, input }: ResolvedGeneration): UpstreamPlan {
  const json: Record<string, unknown> = {
    prompt: request.prompt,
    ...(request.negativePrompt ? { negative_prompt: request.negativePrompt } : {}),
    prompt_upsampling: request.promptUpsampling ?? false,
    seed: request.seed,
    guidance_scale: request.guidanceScale,
    steps: request.steps,
    video_params: { height, width, frames_count: frames, frames_per_sec: fps },
  };
  return { protocol: "infer", json, inputField: input, output: "video" };
}

const WFM_MODES = { text2world: "text2video", image2world: "image2video", video2world: "video2video", text2image: "text2image" } as const;

/** Only the fields the WFM schema knows: it answers 422 to any other. */
function buildWfm({ request, frames, fps, input, output }: ResolvedGeneration): UpstreamPlan {
  const resolution = request.resolution ?? "480p";
  const aspect = (request.aspect ?? "16:9").replace(":", "_");
  const json: Record<string, unknown> = {
    model_mode: WFM_MODES[request.mode],
    prompt: request.prompt,
    ...(request.negativePrompt ? { negative_prompt: request.negativePrompt } : {}),
    seed: request.seed,
    num_inference_steps: request.steps,
    guidance_scale: request.guidanceScale,
    resolution: `${RESOLUTION_CODES[resolution]}_${aspect}`,
    ...(output === "video" ? { num_frames: frames, fps } : {}),
  };
  return { protocol: "infer", json, inputField: input ? "input_reference" : null, output };
}

function buildOmni({ request, width, height, frames, fps, input, output }: ResolvedGeneration): UpstreamPlan {
  const size = `${width}x${height}`;
  const guardrails = request.guardrails === undefined ? {} : { guardrails: request.guardrails };
  if (output === "image") {
    const json = {
      prompt: request.prompt,
      size,
      n: 1,
      response_format: "b64_json",
      num_inference_steps: request.steps,
      guidance_scale: request.guidanceScale,
      ...(request.negativePrompt ? { negative_prompt: request.negativePrompt } : {}),
      seed: request.seed,
      extra_args: { use_resolution_template: false, ...guardrails },
    };
    return { protocol: "omni-image", json };
  }
  // Templates off, so the size and frame count asked for are the ones generated.
  const fields: Record<string, string> = {
    prompt: request.prompt,
    ...(request.negativePrompt ? { negative_prompt: request.negativePrompt } : {}),
    size,
    num_frames: String(frames),
    fps: String(fps),
    num_inference_steps: String(request.steps),
    guidance_scale: String(request.guidanceScale),
    seed: String(request.seed),
    ...(request.generateSound === undefined ? {} : { generate_sound: String(request.generateSound) }),
    extra_params: JSON.stringify({ use_resolution_template: false, use_duration_template: false, ...guardrails }),
  };
  return { protocol: "omni-video", fields, attachInput: input !== null };
}

export function buildUpstreamRequest(resolved: ResolvedGeneration): UpstreamPlan {
  switch (resolved.family) {
    case "cosmos-predict":
      return buildPredict(resolved);
    case "cosmos3-wfm":
      return buildWfm(resolved);
    case "vllm-omni":
      return buildOmni(resolved);
  }
}

/** The upstream path of a plan, below the backend's /v1. */
export function upstreamPath(plan: UpstreamPlan, omniAsync: boolean): string {
  if (plan.protocol === "infer") return "infer";
  if (plan.protocol === "omni-image") return "images/generations";
  return omniAsync ? "videos" : "videos/sync";
}
