import type { IncomingMessage, ServerResponse } from "node:http";

import { ACTION_NOTE, simulatedActions } from "@/lib/simulator/actions";
import { parseNim, type NimOrder } from "@/lib/simulator/cosmos3-nim";
import {
  CLIP_NOTE,
  inputScene,
  outputSeed,
  pickClip,
  PICTURE_NOTE,
  waitForGeneration,
  type GeneratorContext,
} from "@/lib/simulator/generation";
import { detailError, sendJson } from "@/lib/simulator/http";
import { detailRefusal, InferFields, readJson, type Json } from "@/lib/simulator/infer-fields";
import type { SimulatedGenerator } from "@/lib/simulator/models";
import { drawPicture } from "@/lib/simulator/picture";
import { hashToSeed } from "@/lib/simulator/random";

// `POST /v1/infer` of the Cosmos Predict NIM and of the Cosmos3 generator NIMs (cosmos3-nim.ts):
// the same path, three schemas. Validates as each NIM does, waits the generation time, and
// answers a stock clip (or a procedural picture) as base64.

const SEED_MAX = 4_294_967_295;

/** Predict documents one answer to bad input: 400 "Invalid input parameters" (422 is unconfirmed). */
const predictRefusal = detailRefusal(400);

interface PredictOrder {
  prompt: string;
  upsample: boolean;
  seed: number;
  width: number;
  height: number;
  frames: number;
  fps: number;
}

// The prompt's 250-word limit is documented as what is supported, not as a refusal: not checked here.
function parsePredict(body: Json): PredictOrder {
  const fields = new InferFields(body, predictRefusal);
  const prompt = fields.string("prompt");
  if (prompt === undefined || prompt.trim() === "") throw detailError(400, "Invalid input parameters: 'prompt' is required.");
  const seed = fields.int("seed", 0, SEED_MAX);
  fields.number("guidance_scale", 0, 100);
  fields.int("steps", 1, 1000);
  const raw = body.video_params ?? {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw detailError(400, "Invalid input parameters: 'video_params' must be an object.");
  const params = new InferFields(raw as Json, predictRefusal, ["video_params"]);
  const height = params.int("height", 1, 8192) ?? 704;
  const width = params.int("width", 1, 8192) ?? 1280;
  if (height % 8 !== 0 || width % 8 !== 0) {
    throw detailError(400, `Invalid input dimensions: height and width must be multiples of 8 (got height=${height}, width=${width}).`);
  }
  const frames = params.int("frames_count", 1, 10_000) ?? 121;
  const fps = params.int("frames_per_sec", 1, 120) ?? 24;
  if (fields.has("image") && fields.has("video"))
    throw detailError(400, "Send either 'image' (Image2World) or 'video' (Video2World), not both.");
  fields.media("image", "image");
  fields.media("video", "video");
  // The documented default is true, yet the vendor's examples without the field answer no upsampled_prompt.
  return { prompt, upsample: body.prompt_upsampling === true, seed: seed ?? hashToSeed(prompt), width, height, frames, fps };
}

/** 2.x answers `action` for policy and inverse dynamics, null otherwise [NIM2 api-reference.md]. */
function nimAction(nim: NimOrder | null) {
  const action = nim?.action;
  if (!action || action.mode === "forward_dynamics") return null;
  const data = simulatedActions(action.domainName, action.chunk, action.dim, nim.seed);
  return {
    data,
    shape: [action.chunk, action.dim],
    dtype: "float32",
    raw_action_dim: action.dim,
    action_mode: action.mode,
    domain_id: action.domainId,
  };
}

export async function handleInfer(
  req: IncomingMessage,
  res: ServerResponse,
  generator: SimulatedGenerator,
  context: GeneratorContext,
): Promise<void> {
  const body = await readJson(req);
  const nim: NimOrder | null = generator.family === "cosmos3-wfm" ? parseNim(generator.contract ?? "1.0.0", body) : null;
  const predict = nim ? null : parsePredict(body);
  const request = (nim ?? predict)!;
  context.stats.started += 1;
  if (!(await waitForGeneration(res, context.generationSeconds))) {
    context.stats.aborted += 1;
    return;
  }
  const simulated = { width: request.width, height: request.height, frames: request.frames, fps: request.fps };
  if (nim?.output === "image") {
    // The NIM answers a JPEG; the simulator draws a PNG (the playground reads either).
    const picture = drawPicture(hashToSeed(String(request.seed), nim.prompt), { width: request.width, height: request.height });
    context.stats.completed += 1;
    return sendJson(res, 200, { b64_image: picture.png.toString("base64"), simulated_note: PICTURE_NOTE, simulated_request: simulated });
  }
  if (nim?.action?.actionOnly) {
    context.stats.completed += 1;
    return sendJson(res, 200, { action: nimAction(nim), simulated_note: ACTION_NOTE });
  }
  const input = [body.image, body.video, body.input_reference].find((value) => typeof value === "string") as string | undefined;
  const clip = await pickClip(context.samplesDir, request.seed, "world", request.prompt, inputScene(input, context.samplesDir));
  context.stats.completed += 1;
  sendJson(res, 200, {
    b64_video: clip.bytes.toString("base64"),
    ...(predict?.upsample ? { upsampled_prompt: `${predict.prompt.trim()} (${CLIP_NOTE})` } : {}),
    // Predict echoes the seed; the 2.x NIM adds action (null outside the action modes).
    ...(predict ? { seed: outputSeed(request.seed, 0) } : {}),
    ...(generator.contract === "2.x" ? { action: nimAction(nim) } : {}),
    simulated_note: nim?.action && nim.action.mode !== "forward_dynamics" ? `${CLIP_NOTE} ${ACTION_NOTE}` : CLIP_NOTE,
    simulated_request: { ...simulated, clip: clip.name },
  });
}
