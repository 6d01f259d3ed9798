import { TIER_SIZES, type GeneratorContract } from "@/lib/backends/generation-families";
import { parseActionParams, parseTransfer, type NimActionOrder } from "@/lib/simulator/cosmos3-nim-world";
import { SimulatorHttpError } from "@/lib/simulator/http";
import { InferFields, pydanticRefusal, type Json, type Refuse } from "@/lib/simulator/infer-fields";
import { hashToSeed } from "@/lib/simulator/random";

// `POST /v1/infer` of the Cosmos3 generator NIM, in the two contracts it has (NIM-PROTOCOLS §2.2–2.3):
// the released 1.0.0 (a closed set of nine fields, the mode read from `image`, T2V and I2V only) and
// the Certified NIM 2.x (a required model_mode, renamed fields, strict types, 1.0.0 names → 422).

export interface NimOrder {
  output: "video" | "image";
  prompt: string;
  seed: number;
  width: number;
  height: number;
  frames?: number;
  fps?: number;
  /** The action modes: what to answer in `action`. */
  action?: NimActionOrder;
  /** video2video with `transfer`: the control type. */
  transfer?: string;
}

/** A prompt holding this stands for one the guardrail blocks: the simulator has no safety model. */
export const GUARDRAIL_TRIGGER = "guardrail-block";

const SEED_LIMIT = Number.MAX_SAFE_INTEGER;
const TIER_CAPS: Record<string, number> = { "256": 397, "480": 297, "720": 197 };
const ASPECTS: Record<string, keyof (typeof TIER_SIZES)["480p"]> = {
  "16_9": "16:9",
  "4_3": "4:3",
  "1_1": "1:1",
  "3_4": "3:4",
  "9_16": "9:16",
};

/** "480", "720_1_1": the tier and its bucket size; bare = 16:9. */
function bucket(resolution: unknown, refuse: Refuse): { tier: string; width: number; height: number } {
  const match = typeof resolution === "string" ? /^(256|480|720)(?:_(16_9|4_3|1_1|3_4|9_16))?$/.exec(resolution) : null;
  if (!match)
    throw refuse(
      ["resolution"],
      "value_error",
      "Input should be '256', '480' or '720', optionally followed by _16_9, _4_3, _1_1, _3_4 or _9_16",
      resolution,
    );
  const tier = match[1]!;
  return { tier, ...TIER_SIZES[`${tier}p` as "480p"][ASPECTS[match[2] ?? "16_9"]!] };
}

const NIM1_FIELDS = ["prompt", "negative_prompt", "image", "seed", "guidance_scale", "steps", "resolution", "num_output_frames", "fps"];

/** 1.0.0's error bodies are not documented; its FastAPI front answers schema errors pydantic style. */
function parseNim1(body: Json): NimOrder {
  const fields = new InferFields(body, pydanticRefusal);
  fields.closed(NIM1_FIELDS);
  const prompt = fields.string("prompt") ?? "";
  fields.string("negative_prompt");
  fields.media("image", "image");
  if (prompt.trim() === "" && !fields.has("image"))
    throw pydanticRefusal(["prompt"], "missing", "A prompt is required for text to video (or send an image)");
  const seed = fields.int("seed", 0, SEED_LIMIT);
  fields.number("guidance_scale", 1, 7);
  fields.int("steps", 1, 100);
  const { tier, width, height } = bucket(body.resolution ?? "480", pydanticRefusal);
  const frames = fields.frames("num_output_frames", 25, TIER_CAPS[tier]!) ?? 189;
  const fps = fields.number("fps", 1, 60) ?? 24;
  return { output: "video", prompt, seed: seed ?? hashToSeed(prompt), width, height, frames, fps };
}

/** 2.x answers `{"error":{"message","type","code"}}`; the doc says not to depend on message or type. */
const nim2Error = (status: number, message: string, type: string) =>
  new SimulatorHttpError(status, message, { error: { message, type, code: status } });
const nim2Refusal: Refuse = (loc, type, msg) => nim2Error(422, `${loc.join(".")}: ${msg} (${type})`, "RequestValidationError");

const NIM2_FIELDS = [
  "model_mode",
  "prompt",
  "negative_prompt",
  "input_reference",
  "seed",
  "guidance_scale",
  "num_inference_steps",
  "flow_shift",
  "resolution",
  "num_frames",
  "fps",
  "condition_frame_indexes_vision",
  "condition_video_keep",
  "action_params",
  "transfer",
];
const NIM2_MODES = ["text2image", "text2video", "image2video", "video2video", "forward_dynamics", "policy", "inverse_dynamics"];
const ACTION_MODES = ["forward_dynamics", "policy", "inverse_dynamics"] as const;
const isActionMode = (mode: string): mode is NimActionOrder["mode"] => (ACTION_MODES as readonly string[]).includes(mode);
const INPUT_KIND: Record<string, "image" | "video"> = {
  image2video: "image",
  video2video: "video",
  forward_dynamics: "image",
  policy: "image",
  inverse_dynamics: "video",
};

function checkConditioning(body: Json, mode: string, frames: number): void {
  const indexes = body.condition_frame_indexes_vision;
  const keep = body.condition_video_keep;
  if ((indexes !== undefined || keep !== undefined) && mode !== "video2video") {
    throw nim2Refusal(
      [indexes !== undefined ? "condition_frame_indexes_vision" : "condition_video_keep"],
      "value_error",
      "only video2video takes this field",
    );
  }
  const latents = (frames - 1) / 4 + 1;
  if (indexes !== undefined && (!Array.isArray(indexes) || !indexes.every((i) => Number.isInteger(i) && i >= 0 && i < latents))) {
    throw nim2Refusal(
      ["condition_frame_indexes_vision"],
      "value_error",
      `Input should be a list of latent frame indexes from 0 to ${latents - 1}`,
    );
  }
  if (keep !== undefined && keep !== "first" && keep !== "last")
    throw nim2Refusal(["condition_video_keep"], "enum", "Input should be 'first' or 'last'");
}

function parseNim2(body: Json): NimOrder {
  const fields = new InferFields(body, nim2Refusal);
  fields.closed(NIM2_FIELDS);
  const mode = body.model_mode;
  if (mode === undefined) throw nim2Refusal(["model_mode"], "missing", "Field required");
  if (typeof mode !== "string" || !NIM2_MODES.includes(mode))
    throw nim2Refusal(["model_mode"], "enum", `Input should be ${NIM2_MODES.map((m) => `'${m}'`).join(", ")}`);
  if (fields.has("action_params") && !isActionMode(mode))
    throw nim2Refusal(["action_params"], "value_error", `${mode} takes no action_params`);
  if (fields.has("transfer") && mode !== "video2video")
    throw nim2Refusal(["transfer"], "value_error", "transfer goes with video2video only");
  const prompt = fields.string("prompt", 20_000) ?? "";
  fields.string("negative_prompt", 20_000);
  if (prompt.trim() === "" && (mode === "text2image" || mode === "text2video"))
    throw nim2Refusal(["prompt"], "missing", `A prompt is required for ${mode}`);
  const transfer = fields.has("transfer") ? parseTransfer(body, nim2Refusal) : undefined;
  const needs = INPUT_KIND[mode] ?? null;
  if (!needs && fields.has("input_reference")) throw nim2Refusal(["input_reference"], "value_error", `${mode} takes no input_reference`);
  // A transfer whose control brings its own video needs no input video.
  if (needs && !transfer && !fields.has("input_reference"))
    throw nim2Refusal(["input_reference"], "missing", `${mode} needs input_reference (${needs === "image" ? "an image" : "a video"})`);
  if (needs) fields.media("input_reference", needs);
  const seed = fields.int("seed", 0, SEED_LIMIT);
  fields.number("guidance_scale", 1, 7);
  fields.int("num_inference_steps", 1, 100);
  fields.number("flow_shift", 0, 1000);
  if (isActionMode(mode)) {
    const action = parseActionParams(body, mode, nim2Refusal);
    const fps = fields.number("fps", 1, 60) ?? 10;
    return { output: "video", prompt, seed: seed ?? hashToSeed(prompt), width: 832, height: 480, frames: action.chunk + 1, fps, action };
  }
  const { tier, width, height } = bucket(body.resolution ?? (mode === "text2image" ? "720_1_1" : "480_16_9"), nim2Refusal);
  const base = { prompt, seed: seed ?? hashToSeed(prompt), width, height };
  if (mode === "text2image") {
    if (fields.has("num_frames") && body.num_frames !== 1)
      throw nim2Refusal(["num_frames"], "value_error", "text2image makes 1 frame", body.num_frames);
    if (fields.has("fps")) throw nim2Refusal(["fps"], "value_error", "text2image takes no fps", body.fps);
    return { output: "image", ...base };
  }
  const frames = fields.frames("num_frames", 25, TIER_CAPS[tier]!) ?? 189;
  const fps = fields.number("fps", 1, 60) ?? 24;
  checkConditioning(body, mode, frames);
  return { output: "video", ...base, frames, fps, ...(transfer ? { transfer } : {}) };
}

export function parseNim(contract: GeneratorContract, body: Json): NimOrder {
  const order = contract === "2.x" ? parseNim2(body) : parseNim1(body);
  // The 2.x guardrails run on the server (NIM_ENABLE_*_GUARDRAILS) and answer 422; 1.0.0's answer is not documented.
  if (contract === "2.x" && order.prompt.toLowerCase().includes(GUARDRAIL_TRIGGER)) {
    throw nim2Error(422, "Request blocked by the text guardrail: the prompt was flagged as unsafe.", "GuardrailError");
  }
  return order;
}
