import type { AspectRatio, ResolutionTier } from "@/lib/backends/generation-families";
import type { ResolvedGeneration } from "@/lib/generation/request";

// The upstream request of each generation profile (docs/nim-protocols.md §2–3), built from a
// resolved request. Input media are left out: the runner adds the bytes (inferBody), which are large.

export type UpstreamPlan =
  | {
      /** Cosmos Predict and the Cosmos3 NIMs: POST /v1/infer with JSON, answered with base64 media. */
      protocol: "infer";
      json: Record<string, unknown>;
      /** The JSON field that takes the input media, if any. */
      inputField: "image" | "video" | "input_reference" | null;
      /** Predict takes raw base64; the Cosmos3 NIMs document data URIs, as NVIDIA's notebook sends. */
      inputEncoding: "base64" | "data-uri";
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

const TIER_CODES: Record<ResolutionTier, string> = { "256p": "256", "480p": "480", "720p": "720" };

/** "720_9_16"; 1.0.0 writes 16:9 as the bare tier, as NVIDIA's notebook does. */
function resolutionKey(tier: ResolutionTier, aspect: AspectRatio, bareWide: boolean): string {
  return bareWide && aspect === "16:9" ? TIER_CODES[tier] : `${TIER_CODES[tier]}_${aspect.replace(":", "_")}`;
}

/** Python's str(float): form fields the server parses as floats are written "6.0", as NVIDIA's notebooks send them. */
export const floatField = (value: number): string => (Number.isInteger(value) ? `${value}.0` : String(value));

const negative = (text: string | undefined): { negative_prompt?: string } => (text ? { negative_prompt: text } : {});

function buildPredict({ request, width, height, frames, fps, input }: ResolvedGeneration): UpstreamPlan {
  const json: Record<string, unknown> = {
    prompt: request.prompt,
    ...negative(request.negativePrompt),
    prompt_upsampling: request.promptUpsampling ?? false,
    seed: request.seed,
    guidance_scale: request.guidanceScale,
    steps: request.steps,
    video_params: { height, width, frames_count: frames, frames_per_sec: fps },
  };
  return { protocol: "infer", json, inputField: input, inputEncoding: "base64", output: "video" };
}

/** The released 1.0.0: a closed field set, the mode read from the presence of `image`. */
function buildNim1({ request, frames, fps, input }: ResolvedGeneration): UpstreamPlan {
  const json: Record<string, unknown> = {
    prompt: request.prompt,
    ...negative(request.negativePrompt),
    seed: request.seed,
    guidance_scale: request.guidanceScale,
    steps: request.steps,
    resolution: resolutionKey(request.resolution ?? "480p", request.aspect ?? "16:9", true),
    num_output_frames: frames,
    fps,
  };
  return { protocol: "infer", json, inputField: input ? "image" : null, inputEncoding: "data-uri", output: "video" };
}

const NIM2_MODES = { text2world: "text2video", image2world: "image2video", video2world: "video2video", text2image: "text2image" } as const;

/** The Certified NIM 2.x: a required model_mode, the renamed fields; it answers 422 to any other. */
function buildNim2({ request, frames, fps, input, output }: ResolvedGeneration): UpstreamPlan {
  const json: Record<string, unknown> = {
    model_mode: NIM2_MODES[request.mode],
    prompt: request.prompt,
    ...negative(request.negativePrompt),
    seed: request.seed,
    num_inference_steps: request.steps,
    guidance_scale: request.guidanceScale,
    ...(request.flowShift === undefined ? {} : { flow_shift: request.flowShift }),
    resolution: resolutionKey(request.resolution ?? "480p", request.aspect ?? "16:9", false),
    ...(output === "video" ? { num_frames: frames, fps } : {}),
    ...conditioning(request),
  };
  return { protocol: "infer", json, inputField: input ? "input_reference" : null, inputEncoding: "data-uri", output };
}

function conditioning(request: ResolvedGeneration["request"]): Record<string, unknown> {
  return {
    ...(request.conditionFrameIndexes ? { condition_frame_indexes_vision: request.conditionFrameIndexes } : {}),
    ...(request.conditionVideoKeep ? { condition_video_keep: request.conditionVideoKeep } : {}),
  };
}

function buildOmni({ request, width, height, frames, fps, input, output }: ResolvedGeneration): UpstreamPlan {
  const size = `${width}x${height}`;
  const guardrails = request.guardrails === undefined ? {} : { guardrails: request.guardrails };
  if (output === "image") {
    const json = {
      prompt: request.prompt,
      ...negative(request.negativePrompt),
      size,
      n: 1,
      num_inference_steps: request.steps,
      guidance_scale: request.guidanceScale,
      ...(request.flowShift === undefined ? {} : { flow_shift: request.flowShift }),
      seed: request.seed,
      // NVIDIA's notebook sends extra_args; older servers read only extra_params and drop it (§3.2).
      extra_args: { use_resolution_template: false, ...guardrails },
    };
    return { protocol: "omni-image", json };
  }
  // Templates off, so the size and frame count asked for are the ones generated.
  const fields: Record<string, string> = {
    prompt: request.prompt,
    ...negative(request.negativePrompt),
    size,
    num_frames: String(frames),
    fps: String(fps),
    num_inference_steps: String(request.steps),
    guidance_scale: floatField(request.guidanceScale),
    ...(request.flowShift === undefined ? {} : { flow_shift: floatField(request.flowShift) }),
    seed: String(request.seed),
    extra_params: JSON.stringify({ use_resolution_template: false, use_duration_template: false, ...guardrails, ...conditioning(request) }),
    // The sound lasts as long as the video, as NVIDIA's notebook asks for it.
    ...(request.generateSound && fps ? { generate_sound: "true", sound_duration: (frames / fps).toFixed(3) } : {}),
  };
  return { protocol: "omni-video", fields, attachInput: input !== null };
}

export function buildUpstreamRequest(resolved: ResolvedGeneration): UpstreamPlan {
  switch (resolved.profile) {
    case "cosmos-predict":
      return buildPredict(resolved);
    case "cosmos3-nim-1.0.0":
      return buildNim1(resolved);
    case "cosmos3-nim-2.x":
      return buildNim2(resolved);
    case "vllm-omni":
      return buildOmni(resolved);
  }
}

/** The JSON body of a /v1/infer plan with its input media in place. */
export function inferBody(plan: Extract<UpstreamPlan, { protocol: "infer" }>, input: { mime: string; bytes: Uint8Array } | null): Record<string, unknown> {
  if (!plan.inputField || !input) return plan.json;
  const base64 = Buffer.from(input.bytes).toString("base64");
  return { ...plan.json, [plan.inputField]: plan.inputEncoding === "data-uri" ? `data:${input.mime};base64,${base64}` : base64 };
}
