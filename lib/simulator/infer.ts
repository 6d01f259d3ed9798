import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimulatedGenerator } from "@/lib/simulator/models";
import {
  CLIP_NOTE, PICTURE_NOTE, base64MediaKind, outputSeed, pickClip, readBody, waitForGeneration, type GeneratorContext,
} from "@/lib/simulator/generation";
import { detailError, SimulatorHttpError, sendJson } from "@/lib/simulator/http";
import { drawPicture } from "@/lib/simulator/picture";
import { hashToSeed } from "@/lib/simulator/random";

// `POST /v1/infer` of the Cosmos Predict NIM and of the Cosmos3 WFM NIM: the same path, two
// schemas. Validates as the NIMs do (400 for sizes not in multiples of 8, 422 for fields the WFM
// does not know), waits the generation time, and answers a stock clip as base64.

type Json = Record<string, unknown>;

const SEED_MAX = 4_294_967_295;

/** A pydantic-style 422, as the NIM's FastAPI front answers schema errors. */
function unprocessable(loc: string[], type: string, msg: string, input?: unknown): SimulatorHttpError {
  return new SimulatorHttpError(422, `${loc.join(".")}: ${msg}`, { detail: [{ type, loc: ["body", ...loc], msg, input: input ?? null }] });
}

const isInt = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value);

function requirePrompt(body: Json): string {
  if (typeof body.prompt !== "string" || body.prompt.trim() === "") throw unprocessable(["prompt"], "missing", "Field required");
  return body.prompt;
}

function optionalInt(body: Json, field: string, min: number, max: number, loc = [field]): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!isInt(value)) throw unprocessable(loc, "int_type", "Input should be a valid integer", value);
  if (value < min || value > max) throw unprocessable(loc, "value_error", `Input should be between ${min} and ${max}`, value);
  return value;
}

function optionalNumber(body: Json, field: string, min: number, max: number): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number") throw unprocessable([field], "float_type", "Input should be a valid number", value);
  if (value < min || value > max) throw unprocessable([field], "value_error", `Input should be between ${min} and ${max}`, value);
  return value;
}

function checkMedia(field: string, value: unknown, kind: "image" | "video"): void {
  if (typeof value !== "string" || value === "") throw unprocessable([field], "string_type", "Input should be a base64 string or a URL", value);
  const found = base64MediaKind(value);
  if (found === "url") return;
  if (found !== kind) {
    throw detailError(422, `'${field}' must hold ${kind === "image" ? "an image (JPEG, PNG or WebP)" : "an MP4 video"} as base64; it could not be decoded as one.`);
  }
}

async function readJson(req: IncomingMessage): Promise<Json> {
  const text = (await readBody(req, 256 * 1024 * 1024)).toString("utf8");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw detailError(400, "Malformed JSON in the request body.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw detailError(400, "The request body must be a JSON object.");
  return body as Json;
}

interface VideoRequest {
  seed: number;
  width?: number;
  height?: number;
  frames?: number;
  fps?: number;
}

function parsePredict(body: Json): VideoRequest & { upsample: boolean; prompt: string } {
  const prompt = requirePrompt(body);
  const seed = optionalInt(body, "seed", 0, SEED_MAX);
  optionalNumber(body, "guidance_scale", 0, 100);
  optionalInt(body, "steps", 1, 1000);
  const params = (body.video_params ?? {}) as Json;
  if (typeof params !== "object" || Array.isArray(params)) throw unprocessable(["video_params"], "model_type", "Input should be an object");
  const height = optionalInt(params, "height", 1, 8192, ["video_params", "height"]) ?? 704;
  const width = optionalInt(params, "width", 1, 8192, ["video_params", "width"]) ?? 1280;
  if (height % 8 !== 0 || width % 8 !== 0) {
    throw detailError(400, `Invalid input dimensions: height and width must be multiples of 8 (got height=${height}, width=${width}).`);
  }
  const frames = optionalInt(params, "frames_count", 1, 10_000, ["video_params", "frames_count"]) ?? 121;
  const fps = optionalInt(params, "frames_per_sec", 1, 120, ["video_params", "frames_per_sec"]) ?? 24;
  if (body.image !== undefined && body.video !== undefined) throw detailError(400, "Send either 'image' (Image2World) or 'video' (Video2World), not both.");
  if (body.image !== undefined) checkMedia("image", body.image, "image");
  if (body.video !== undefined) checkMedia("video", body.video, "video");
  return { prompt, upsample: body.prompt_upsampling === true, seed: seed ?? hashToSeed(prompt), width, height, frames, fps };
}

const WFM_FIELDS = new Set(["model_mode", "prompt", "negative_prompt", "seed", "input_reference", "num_inference_steps", "guidance_scale", "fps", "num_frames", "resolution"]);
const WFM_MODES = ["text2image", "text2video", "image2video", "video2video", "forward_dynamics", "policy", "inverse_dynamics"];
const TIER_MAX_FRAMES: Record<string, number> = { "256": 397, "480": 297, "720": 197 };
const TIER_SIZES: Record<string, [number, number]> = { "720": [1280, 720], "480": [832, 480], "256": [320, 192] };

function parseWfm(body: Json): VideoRequest & { mode: string; prompt: string } {
  for (const field of Object.keys(body)) {
    if (!WFM_FIELDS.has(field)) throw unprocessable([field], "extra_forbidden", "Extra inputs are not permitted", body[field]);
  }
  const mode = body.model_mode;
  if (mode === undefined) throw unprocessable(["model_mode"], "missing", "Field required");
  if (typeof mode !== "string" || !WFM_MODES.includes(mode)) {
    throw unprocessable(["model_mode"], "enum", `Input should be ${WFM_MODES.map((m) => `'${m}'`).join(", ")}`, mode);
  }
  if (!["text2image", "text2video", "image2video", "video2video"].includes(mode)) throw detailError(400, `The simulator does not simulate model_mode '${mode}'.`);
  const prompt = requirePrompt(body);
  const seed = optionalInt(body, "seed", 0, SEED_MAX);
  optionalInt(body, "num_inference_steps", 1, 100);
  optionalNumber(body, "guidance_scale", 1, 7);
  const resolution = body.resolution ?? "480_16_9";
  const match = typeof resolution === "string" ? /^(256|480|720)_(16_9|4_3|1_1|3_4|9_16)$/.exec(resolution) : null;
  if (!match) throw unprocessable(["resolution"], "value_error", "Input should look like '720_16_9' (tier 256|480|720, aspect 16_9|4_3|1_1|3_4|9_16)", resolution);
  const tier = match[1]!;
  const needs = mode === "image2video" ? "image" : mode === "video2video" ? "video" : null;
  if (needs && body.input_reference === undefined) throw detailError(400, `model_mode '${mode}' needs input_reference (a base64 ${needs}).`);
  if (needs) checkMedia("input_reference", body.input_reference, needs);
  const [width, height] = TIER_SIZES[tier]!;
  if (mode === "text2image") return { mode, prompt, seed: seed ?? hashToSeed(prompt), width, height };
  const fps = optionalInt(body, "fps", 1, 60) ?? 24;
  const frames = optionalInt(body, "num_frames", 25, TIER_MAX_FRAMES[tier]!) ?? 189;
  if ((frames - 1) % 4 !== 0) throw unprocessable(["num_frames"], "value_error", "num_frames must be 1 + 4k (e.g. 121, 189)", frames);
  return { mode, prompt, seed: seed ?? hashToSeed(prompt), width, height, frames, fps };
}

export async function handleInfer(req: IncomingMessage, res: ServerResponse, generator: SimulatedGenerator, context: GeneratorContext): Promise<void> {
  const body = await readJson(req);
  const wfm = generator.family === "cosmos3-wfm" ? parseWfm(body) : null;
  const predict = wfm ? null : parsePredict(body);
  const request = (wfm ?? predict)!;
  context.stats.started += 1;
  if (!(await waitForGeneration(res, context.generationSeconds))) {
    context.stats.aborted += 1;
    return;
  }
  const simulated = { width: request.width, height: request.height, frames: request.frames, fps: request.fps };
  if (wfm?.mode === "text2image") {
    // The WFM NIM answers JPEG; the simulator draws a PNG (the playground reads either).
    const picture = drawPicture(hashToSeed(String(request.seed), wfm.prompt), { width: request.width ?? 832, height: request.height ?? 480 });
    context.stats.completed += 1;
    return sendJson(res, 200, { b64_image: picture.png.toString("base64"), seed: request.seed, simulated_note: PICTURE_NOTE, simulated_request: simulated });
  }
  const clip = await pickClip(context.samplesDir, request.seed);
  context.stats.completed += 1;
  sendJson(res, 200, {
    b64_video: clip.bytes.toString("base64"),
    ...(predict?.upsample ? { upsampled_prompt: `${predict.prompt.trim()} (${CLIP_NOTE})` } : {}),
    seed: outputSeed(request.seed, 0),
    simulated_note: CLIP_NOTE,
    simulated_request: { ...simulated, clip: clip.name },
  });
}
