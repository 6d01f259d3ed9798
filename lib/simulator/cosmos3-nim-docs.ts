import type { GeneratorContract } from "@/lib/backends/generation-families";

// What a simulated Cosmos3 generator NIM says about itself. 1.0.0 documents GET /openapi.json and
// GET /v1/version but shows neither body; NIMs answer /v1/version as {"release","api"}. These are
// the minimal honest shapes: only the request schema's fields, types and bounds, no invented extras.

type Schema = Record<string, unknown>;

const int = (minimum: number, maximum?: number): Schema => ({ type: "integer", minimum, ...(maximum === undefined ? {} : { maximum }) });
const num = (minimum: number, maximum?: number): Schema => ({ type: "number", minimum, ...(maximum === undefined ? {} : { maximum }) });
const str: Schema = { type: "string" };
const RESOLUTION = "^(256|480|720)(_(16_9|4_3|1_1|3_4|9_16))?$";

const REQUEST_SCHEMAS: Record<GeneratorContract, { name: string; schema: Schema }> = {
  "1.0.0": {
    name: "InferRequest",
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        prompt: str,
        negative_prompt: str,
        image: str,
        seed: int(0),
        guidance_scale: num(1, 7),
        steps: int(1, 100),
        resolution: { type: "string", pattern: RESOLUTION },
        num_output_frames: int(25, 397),
        fps: num(1, 60),
      },
    },
  },
  "2.x": {
    name: "GeneratorInferRequest",
    schema: {
      type: "object",
      additionalProperties: false,
      required: ["model_mode"],
      properties: {
        model_mode: {
          type: "string",
          enum: ["text2image", "text2video", "image2video", "video2video", "forward_dynamics", "policy", "inverse_dynamics"],
        },
        prompt: { type: "string", maxLength: 20_000 },
        negative_prompt: { type: "string", maxLength: 20_000 },
        input_reference: str,
        seed: int(0),
        guidance_scale: num(1, 7),
        num_inference_steps: int(1, 100),
        flow_shift: { type: "number" },
        resolution: { type: "string", pattern: RESOLUTION },
        num_frames: int(1, 397),
        fps: num(1, 60),
        condition_frame_indexes_vision: { type: "array", items: int(0) },
        condition_video_keep: { type: "string", enum: ["first", "last"] },
        action_params: { type: "object" },
        transfer: { type: "object" },
      },
    },
  },
};

export function openApiDocument(contract: GeneratorContract, title: string): Schema {
  const { name, schema } = REQUEST_SCHEMAS[contract];
  return {
    openapi: "3.1.0",
    info: { title: `${title} (simulated)`, version: contract === "1.0.0" ? "1.0.0" : "2.1.0" },
    paths: {
      "/v1/infer": {
        post: {
          requestBody: { required: true, content: { "application/json": { schema: { $ref: `#/components/schemas/${name}` } } } },
          responses: { "200": { description: "Successful Response" }, "422": { description: "Validation Error" } },
        },
      },
      "/v1/health/ready": { get: { responses: { "200": { description: "Successful Response" } } } },
      "/v1/version": { get: { responses: { "200": { description: "Successful Response" } } } },
    },
    components: { schemas: { [name]: schema } },
  };
}

/** The release a simulated NIM reports; `api` is the server API version, here the same. */
export function versionBody(contract: GeneratorContract): { release: string; api: string } {
  const release = contract === "1.0.0" ? "1.0.0" : "2.1.0";
  return { release, api: release };
}

/** 2.x readiness and liveness [NIM2 operations.md]; 1.0.0 answers as the Cosmos WFM NIMs do (Triton). */
export function healthBody(contract: GeneratorContract, which: "ready" | "live"): Schema {
  if (contract === "2.x")
    return { object: "health.response", message: which === "ready" ? "Service is ready" : "Service is live", status: which };
  return { description: `Triton ${which === "ready" ? "readiness" : "liveness"} check`, status: which };
}

/** 2.x: a chat request sent to a generator deployment [NIM2 operations.md], verbatim. */
export const WRONG_RUNTIME_BODY = {
  error: {
    message: "The selected runtime is 'generator', which serves POST /v1/infer. POST /v1/chat/completions requires a reasoner deployment.",
    type: "NotFoundError",
    code: 404,
  },
};
