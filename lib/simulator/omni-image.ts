import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

import { GUARDRAIL_TRIGGER } from "@/lib/simulator/cosmos3-nim";
import { outputSeed, PICTURE_NOTE, readBody, waitForGeneration, type GeneratorContext } from "@/lib/simulator/generation";
import { detailError, sendJson, SimulatorHttpError } from "@/lib/simulator/http";
import type { SimulatedGenerator } from "@/lib/simulator/models";
import { drawPicture } from "@/lib/simulator/picture";
import { hashToSeed } from "@/lib/simulator/random";

// vLLM-Omni's POST /v1/images/generations: a JSON ImageGenerationRequest (OM protocol/images.py,
// docs/serving/image_generation_api.md). Unknown keys are dropped, as the plain pydantic model
// does; bounds and the documented 400/422 bodies are kept.

type Json = Record<string, unknown>;

const fieldError = (field: string, type: string, msg: string, input?: unknown) =>
  new SimulatorHttpError(422, `${field}: ${msg}`, { detail: [{ type, loc: ["body", field], msg, input: input ?? null }] });

function intIn(body: Json, name: string, min: number, max: number): number | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value)) throw fieldError(name, "int_type", "Input should be a valid integer", value);
  if (value < min || value > max) throw fieldError(name, "value_error", `Input should be between ${min} and ${max}`, value);
  return value;
}

function numberIn(body: Json, name: string, min: number, max: number): void {
  const value = body[name];
  if (value === undefined || value === null) return;
  if (typeof value !== "number" || !Number.isFinite(value)) throw fieldError(name, "float_type", "Input should be a valid number", value);
  if (value < min || value > max) throw fieldError(name, "value_error", `Input should be between ${min} and ${max}`, value);
}

async function readRequest(req: IncomingMessage): Promise<Json> {
  const text = (await readBody(req, 16 * 1024 * 1024)).toString("utf8");
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === "object" && body !== null && !Array.isArray(body)) return body as Json;
  } catch {
    // answered below, as FastAPI answers a body it cannot decode
  }
  throw new SimulatorHttpError(422, "The request body is not valid JSON.", {
    detail: [{ type: "json_invalid", loc: ["body", 0], msg: "JSON decode error", input: {} }],
  });
}

/** WIDTHxHEIGHT; the validator only asks for an 'x', the parser for two numbers [image_generation_api.md]. */
function parseSize(value: unknown): { width: number; height: number } {
  if (typeof value !== "string" || !value.includes("x")) throw fieldError("size", "value_error", "size must look like WIDTHxHEIGHT", value);
  const match = /^(\d+)x(\d+)$/.exec(value);
  if (!match) throw detailError(400, `Invalid size format: '${value}'. Expected format: 'WIDTHxHEIGHT' (e.g., '1024x1024').`);
  return { width: Number(match[1]), height: Number(match[2]) };
}

export async function generateImage(
  req: IncomingMessage,
  res: ServerResponse,
  generator: SimulatedGenerator,
  context: GeneratorContext,
): Promise<void> {
  const body = await readRequest(req);
  if (body.prompt === undefined) throw fieldError("prompt", "missing", "Field required", body);
  if (typeof body.prompt !== "string") throw fieldError("prompt", "string_type", "Input should be a valid string", body.prompt);
  if (body.model !== undefined && body.model !== generator.model) {
    throw detailError(400, `Model '${String(body.model)}' is not served here; this server serves '${generator.model}'.`);
  }
  const size = parseSize(body.size ?? "1024x1024");
  const n = intIn(body, "n", 1, 10) ?? 1;
  const format = body.response_format ?? "b64_json";
  if (format !== "b64_json" && format !== "file")
    throw fieldError("response_format", "value_error", "Only 'b64_json' and 'file' are supported", format);
  if (format === "file" && n > 1) throw detailError(400, "The simulator does not build the zip archive of n > 1 files; ask for one image.");
  intIn(body, "num_inference_steps", 1, 200);
  numberIn(body, "guidance_scale", 0, 20);
  if (body.output_format !== undefined && !["png", "jpeg", "webp"].includes(String(body.output_format))) {
    throw fieldError("output_format", "enum", "Input should be 'png', 'jpeg' or 'webp'", body.output_format);
  }
  // NVIDIA sends extra_args, older servers read extra_params (§3.2): either turns the guardrail off.
  const extras = [body.extra_args, body.extra_params].filter((e): e is Json => typeof e === "object" && e !== null);
  if (!extras.some((e) => e.guardrails === false) && body.prompt.toLowerCase().includes(GUARDRAIL_TRIGGER))
    throw detailError(500, "Guardrail blocked prompt");
  context.stats.started += 1;
  // Text to image takes a fraction of a video's time.
  if (!(await waitForGeneration(res, context.generationSeconds / 2))) {
    context.stats.aborted += 1;
    return;
  }
  const seed = outputSeed(body.seed, hashToSeed(body.prompt));
  const pictures = Array.from({ length: n }, (_, i) => drawPicture(hashToSeed(String(seed + i), body.prompt as string), size));
  context.stats.completed += 1;
  if (format === "file") {
    const png = pictures[0]!.png;
    res.writeHead(200, {
      "Content-Type": "image/png",
      "Content-Length": String(png.length),
      "Content-Disposition": `attachment; filename="image_${randomBytes(4).toString("hex")}.png"`,
      "X-Simulated-Note": PICTURE_NOTE,
    });
    return void res.end(png);
  }
  const data = pictures.map((picture) => ({ b64_json: picture.png.toString("base64"), url: null, revised_prompt: null }));
  sendJson(res, 200, { created: Math.floor(Date.now() / 1000), data, simulated_note: PICTURE_NOTE });
}
