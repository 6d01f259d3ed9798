import { isActionMode, type AspectRatio, type ResolutionTier } from "@/lib/backends/generation-families";
import type { ResolvedGeneration } from "@/lib/generation/request";
import { nim2ActionParams, nim2Transfer, omniActionExtras, omniTransferExtras } from "@/lib/generation/world-builders";

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
      /** NIM 2.x transfer: the control type whose `video` takes the control media. */
      controlType?: string;
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
      /** Transfer: the control video goes as the file field control_reference. */
      attachControl?: boolean;
    };

const TIER_CODES: Record<ResolutionTier, string> = { "256p": "256", "480p": "480", "720p": "720" };

/** "720_9_16"; 1.0.0 writes 16:9 as the bare tier, as NVIDIA's notebook does. */
function resolutionKey(tier: ResolutionTier, aspect: AspectRatio, bareWide: boolean): string {
  return bareWide && aspect === "16:9" ? TIER_CODES[tier] : `${TIER_CODES[tier]}_${aspect.replace(":", "_")}`;
}

/** Python's str(float): form fields the server parses as floats are written "6.0", as NVIDIA's notebooks send them. */
const floatField = (value: number): string => (Number.isInteger(value) ? `${value}.0` : String(value));

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

const NIM2_MODES = {
  text2world: "text2video",
  image2world: "image2video",
  video2world: "video2video",
  text2image: "text2image",
  forward_dynamics: "forward_dynamics",
  policy: "policy",
  inverse_dynamics: "inverse_dynamics",
  transfer: "video2video",
} as const;

/** The Certified NIM 2.x: a required model_mode, the renamed fields; it answers 422 to any other. */
function buildNim2(resolved: ResolvedGeneration): UpstreamPlan {
  const { request, frames, fps, input, output } = resolved;
  // The action modes take their frames and size from action_params and the input (§2.3).
  const action = isActionMode(request.mode);
  const json: Record<string, unknown> = {
    model_mode: NIM2_MODES[request.mode],
    prompt: request.prompt,
    // The DROID policy checkpoint takes no negative prompt or fps (§2.3).
    ...(request.observation ? {} : negative(request.negativePrompt)),
    seed: request.seed,
    num_inference_steps: request.steps,
    guidance_scale: request.guidanceScale,
    ...(request.flowShift === undefined ? {} : { flow_shift: request.flowShift }),
    ...(action ? {} : { resolution: resolutionKey(request.resolution ?? "480p", request.aspect ?? "16:9", false) }),
    ...(output === "video" && !action ? { num_frames: frames } : {}),
    ...(output === "video" && !request.observation ? { fps } : {}),
    ...conditioning(request),
    ...nim2ActionParams(resolved),
    ...nim2Transfer(request),
  };
  const controlType = request.mode === "transfer" ? request.control?.type : undefined;
  return {
    protocol: "infer",
    json,
    inputField: input ? "input_reference" : null,
    inputEncoding: "data-uri",
    output,
    ...(controlType ? { controlType } : {}),
  };
}

function conditioning(request: ResolvedGeneration["request"]): Record<string, unknown> {
  return {
    ...(request.conditionFrameIndexes ? { condition_frame_indexes_vision: request.conditionFrameIndexes } : {}),
    ...(request.conditionVideoKeep ? { condition_video_keep: request.conditionVideoKeep } : {}),
  };
}

function buildOmni(resolved: ResolvedGeneration): UpstreamPlan {
  const { request, width, height, frames, fps, input, output } = resolved;
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
  // Templates off, so the size and frame count asked for are the ones generated; the action modes
  // leave them unset as NVIDIA's notebooks do, and inverse dynamics takes its size from the video.
  const action = isActionMode(request.mode);
  const templates = action ? {} : { use_resolution_template: false, use_duration_template: false };
  const extras = { ...templates, ...guardrails, ...conditioning(request), ...omniActionExtras(resolved), ...omniTransferExtras(resolved) };
  const sound = request.generateSound && fps ? (request.soundDuration ?? frames / fps) : null;
  const fields: Record<string, string> = {
    prompt: request.prompt,
    ...negative(request.negativePrompt),
    ...(request.mode === "inverse_dynamics" ? {} : { size }),
    num_frames: String(frames),
    fps: String(fps),
    num_inference_steps: String(request.steps),
    guidance_scale: floatField(request.guidanceScale),
    ...(request.flowShift === undefined ? {} : { flow_shift: floatField(request.flowShift) }),
    seed: String(request.seed),
    ...(request.mode === "transfer" && request.control ? { control_type: request.control.type } : {}),
    extra_params: JSON.stringify(extras),
    // By default the sound lasts as long as the video, as NVIDIA's notebook asks for it.
    ...(sound === null ? {} : { generate_sound: "true", sound_duration: sound.toFixed(3) }),
  };
  return { protocol: "omni-video", fields, attachInput: input !== null, ...(request.mode === "transfer" ? { attachControl: true } : {}) };
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
export function inferBody(
  plan: Extract<UpstreamPlan, { protocol: "infer" }>,
  input: { mime: string; bytes: Uint8Array } | null,
  control: { mime: string; bytes: Uint8Array } | null = null,
): Record<string, unknown> {
  const encode = (media: { mime: string; bytes: Uint8Array }) => {
    const base64 = Buffer.from(media.bytes).toString("base64");
    return plan.inputEncoding === "data-uri" ? `data:${media.mime};base64,${base64}` : base64;
  };
  let json = plan.json;
  if (plan.inputField && input) json = { ...json, [plan.inputField]: encode(input) };
  if (plan.controlType && control) {
    const transfer = (json.transfer ?? {}) as Record<string, unknown>;
    json = { ...json, transfer: { ...transfer, [plan.controlType]: { video: encode(control) } } };
  }
  return json;
}
