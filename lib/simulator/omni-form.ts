import { sniffMediaType } from "@/lib/media/sniff";
import { GUARDRAIL_TRIGGER } from "@/lib/simulator/cosmos3-nim";
import { inputScene } from "@/lib/simulator/generation";
import { detailError, SimulatorHttpError } from "@/lib/simulator/http";
import { observationProblem } from "@/lib/simulator/observation";
import { hashToSeed } from "@/lib/simulator/random";
import type { SceneName } from "@/scripts/sample-scenes.mjs";

// The multipart form of vLLM-Omni's POST /v1/videos and /v1/videos/sync, checked as the server's
// VideoGenerationRequest and form parser check it (NIM-PROTOCOLS §3.2, OM protocol/videos.py,
// video/generation/helpers.py). Errors are FastAPI's `{"detail": …}`: 422 for a field's type or
// range, 400 for what the handler refuses.

export interface ActionOrder {
  mode: "forward_dynamics" | "policy" | "inverse_dynamics";
  domainName: string;
  domainId: number;
  chunk: number;
  dim: number;
}

export interface VideoOrder {
  prompt: string;
  seed: number;
  size: string | null;
  seconds: string;
  frames: number;
  fps: number;
  /** The guardrail would block it (server guardrails on, not switched off per request). */
  blocked: boolean;
  action: ActionOrder | null;
  /** generate_sound: the MP4 carries an AAC track. */
  sound: boolean;
  /** Transfer: the control type, from control_type or a hint in extra_params. */
  transfer: string | null;
  /** The sample scene the input image or video shows, when it is a bundled sample. */
  inputScene: SceneName | null;
}

/** Domain name → [id, raw action width] (OM cosmos3/action.py; §3.5). */
const DOMAINS: Record<string, [number, number]> = {
  av: [1, 9],
  camera_pose: [2, 9],
  hand_pose: [3, 57],
  pusht: [4, 2],
  libero: [5, 7],
  umi: [6, 10],
  bridge_orig_lerobot: [7, 10],
  droid_lerobot: [8, 10],
  "robomind-franka": [8, 10],
  embodiment_b: [9, 30],
  galbot: [9, 30],
  "robomind-franka-dual": [12, 20],
  "robomind-ur": [13, 10],
  agibotworld: [15, 29],
  embodiment_c_gripper: [15, 29],
  embodiment_c_gripper_ext: [15, 29],
  fractal: [20, 10],
};
const ACTION_MODES = ["forward_dynamics", "policy", "inverse_dynamics"] as const;
const CONTROL_TYPES = ["edge", "blur", "depth", "seg", "wsm"];

const fieldError = (field: string, type: string, msg: string, input?: unknown) =>
  new SimulatorHttpError(422, `${field}: ${msg}`, { detail: [{ type, loc: ["body", field], msg, input: input ?? null }] });

const INT = /^-?\d+$/;

/** Reads form fields as pydantic does in lax mode: integers, numbers and booleans from their text. */
class FormFields {
  constructor(private readonly form: FormData) {}

  text(name: string): string | undefined {
    const value = this.form.get(name);
    if (value === null) return undefined;
    if (typeof value !== "string") throw fieldError(name, "string_type", "Input should be a valid string (a text field, not a file)");
    return value;
  }

  int(name: string, min: number, max = Number.POSITIVE_INFINITY): number | undefined {
    const raw = this.text(name);
    if (raw === undefined || raw === "") return undefined;
    if (!INT.test(raw.trim()))
      throw fieldError(name, "int_parsing", "Input should be a valid integer, unable to parse string as an integer", raw);
    const value = Number(raw);
    if (value < min) throw fieldError(name, "greater_than_equal", `Input should be greater than or equal to ${min}`, raw);
    if (value > max) throw fieldError(name, "less_than_equal", `Input should be less than or equal to ${max}`, raw);
    return value;
  }

  number(name: string, min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY, exclusiveMin = false): number | undefined {
    const raw = this.text(name);
    if (raw === undefined || raw === "") return undefined;
    const value = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(value))
      throw fieldError(name, "float_parsing", "Input should be a valid number, unable to parse string as a number", raw);
    if (exclusiveMin ? value <= min : value < min)
      throw fieldError(
        name,
        exclusiveMin ? "greater_than" : "greater_than_equal",
        `Input should be greater than ${exclusiveMin ? "" : "or equal to "}${min}`,
        raw,
      );
    if (value > max) throw fieldError(name, "less_than_equal", `Input should be less than or equal to ${max}`, raw);
    return value;
  }

  bool(name: string): boolean | undefined {
    const raw = this.text(name)?.trim().toLowerCase();
    if (raw === undefined || raw === "") return undefined;
    if (["true", "1", "yes", "on", "t", "y"].includes(raw)) return true;
    if (["false", "0", "no", "off", "f", "n"].includes(raw)) return false;
    throw fieldError(name, "bool_parsing", "Input should be a valid boolean, unable to interpret input", raw);
  }

  /** A JSON-valued text part (extra_params, image_reference, video_reference). */
  json(name: string): Record<string, unknown> | undefined {
    const raw = this.text(name);
    if (raw === undefined || raw === "") return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw detailError(400, "Invalid JSON in form field.");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw detailError(400, `Invalid JSON in form field: expected dict, got ${Array.isArray(parsed) ? "list" : typeof parsed}.`);
    }
    return parsed as Record<string, unknown>;
  }

  file(name: string): File | undefined {
    const value = this.form.get(name);
    if (value === null) return undefined;
    if (typeof value === "string") throw detailError(400, `${name} must be an uploaded file, not a text field.`);
    return value;
  }
}

const TOP_LEVEL = [
  "prompt",
  "negative_prompt",
  "size",
  "width",
  "height",
  "seconds",
  "num_frames",
  "fps",
  "num_inference_steps",
  "guidance_scale",
  "flow_shift",
  "seed",
  "generate_sound",
  "sound_duration",
];

function checkExtras(extra: Record<string, unknown>, form: FormData): void {
  // The same key top-level and in extras is refused rather than guessed [OM diffusion_request_utils.py].
  const twice = Object.keys(extra).find((key) => TOP_LEVEL.includes(key) && form.get(key) !== null);
  if (twice) throw detailError(400, `Parameter '${twice}' was provided more than once: as a form field and in extra_params.`);
  for (const key of ["guardrails", "use_resolution_template", "use_duration_template"]) {
    if (extra[key] !== undefined && typeof extra[key] !== "boolean") throw detailError(400, `extra_params.${key} must be true or false.`);
  }
  const keep = extra.condition_video_keep;
  if (keep !== undefined && keep !== "first" && keep !== "last")
    throw detailError(400, "extra_params.condition_video_keep must be 'first' or 'last'.");
  const indexes = extra.condition_frame_indexes_vision;
  if (indexes !== undefined && !(Array.isArray(indexes) && indexes.every((i) => Number.isInteger(i) && i >= 0))) {
    throw detailError(400, "extra_params.condition_frame_indexes_vision must be a list of latent frame indexes (whole numbers from 0).");
  }
}

function actionOf(extra: Record<string, unknown>): ActionOrder | null {
  const mode = extra.action_mode;
  if (mode === undefined) return null;
  if (!ACTION_MODES.includes(mode as ActionOrder["mode"]))
    throw detailError(400, `extra_params.action_mode must be one of ${ACTION_MODES.join(", ")}.`);
  const domain = typeof extra.domain_name === "string" ? DOMAINS[extra.domain_name] : undefined;
  if (extra.domain_name !== undefined && !domain) throw detailError(400, `Unknown action domain '${String(extra.domain_name)}'.`);
  const chunk = extra.action_chunk_size ?? 16;
  if (!Number.isInteger(chunk) || (chunk as number) <= 0)
    throw detailError(400, "extra_params.action_chunk_size must be a positive whole number.");
  const dim = typeof extra.raw_action_dim === "number" ? extra.raw_action_dim : (domain?.[1] ?? 10);
  if (domain && dim !== domain[1] && extra.domain_name !== "libero") {
    throw detailError(
      400,
      `extra_params.raw_action_dim ${dim} does not match domain '${String(extra.domain_name)}', whose actions are ${domain[1]} wide.`,
    );
  }
  const id = typeof extra.domain_id === "number" ? extra.domain_id : (domain?.[0] ?? 0);
  const order = {
    mode: mode as ActionOrder["mode"],
    domainName: String(extra.domain_name ?? "unknown"),
    domainId: id,
    chunk: chunk as number,
    dim,
  };
  if (order.mode === "forward_dynamics") checkActionArray(extra, order);
  const observation = extra.observation === undefined ? null : observationProblem(extra.observation);
  if (extra.observation !== undefined && order.mode !== "policy") throw detailError(400, "extra_params.observation goes with policy only.");
  if (observation) throw detailError(400, `extra_params.observation ${observation}.`);
  return order;
}

/** Forward dynamics rolls out an inline [chunk, dim] array; a server file (action_path) the simulator cannot read. */
function checkActionArray(extra: Record<string, unknown>, order: ActionOrder): void {
  const action = extra.action;
  if (action === undefined) {
    throw detailError(
      400,
      extra.action_path !== undefined
        ? "extra_params.action_path names a file on the server; the simulator has none, so send the actions inline as extra_params.action."
        : "Forward dynamics needs the actions: extra_params.action as a [action_chunk_size, raw_action_dim] list.",
    );
  }
  const rows = Array.isArray(action) ? action : [];
  const wellFormed =
    rows.length > 0 && rows.every((row) => Array.isArray(row) && row.every((v) => typeof v === "number" && Number.isFinite(v)));
  const width = wellFormed ? (rows[0] as unknown[]).length : -1;
  if (!wellFormed || rows.length !== order.chunk || rows.some((row) => (row as unknown[]).length !== order.dim)) {
    const got = wellFormed
      ? `[${rows.length}, ${rows.every((row) => (row as unknown[]).length === width) ? width : "ragged"}]`
      : "not a list of number lists";
    throw detailError(
      400,
      `extra_params.action must have shape [action_chunk_size, raw_action_dim] = [${order.chunk}, ${order.dim}]; got ${got}.`,
    );
  }
}

/** Transfer: the uploaded control's type, or the first control hint in extra_params. */
function transferOf(extra: Record<string, unknown>, controlType: string | undefined): string | null {
  return controlType ?? CONTROL_TYPES.find((type) => extra[type] !== undefined && extra[type] !== false) ?? null;
}

async function checkMedia(
  fields: FormFields,
  action: ActionOrder | null,
  samplesDir?: string,
): Promise<{ kind: "image" | "video" | null; scene: SceneName | null }> {
  const input = fields.file("input_reference");
  const image = fields.json("image_reference");
  const video = fields.json("video_reference");
  const given = [input && "input_reference", image && "image_reference", video && "video_reference"].filter(Boolean);
  if (given.length > 1) throw detailError(400, `Send one reference: ${given.join(" and ")} cannot be combined.`);
  if (image && (typeof image.image_url !== "string" || Object.keys(image).some((k) => k !== "image_url")))
    throw fieldError("image_reference", "value_error", 'Input should be {"image_url": "…"}');
  if (video && (typeof video.video_url !== "string" || Object.keys(video).some((k) => k !== "video_url")))
    throw fieldError("video_reference", "value_error", 'Input should be {"video_url": "…"}');
  let kind: "image" | "video" | null = image ? "image" : video ? "video" : null;
  if (input) {
    kind = sniffMediaType(new Uint8Array(await input.slice(0, 4096).arrayBuffer()))?.kind ?? null;
    if (!kind) throw detailError(400, "input_reference is neither an image nor a video the server can decode.");
  }
  const control = fields.file("control_reference");
  const controlType = fields.text("control_type");
  if (Boolean(control) !== Boolean(controlType))
    throw detailError(400, "control_reference and control_type go together: send both or neither.");
  if (controlType && !CONTROL_TYPES.includes(controlType))
    throw detailError(400, `control_type must be one of ${CONTROL_TYPES.join(", ")}.`);
  if (action?.mode === "inverse_dynamics" && kind !== "video") throw detailError(400, "Inverse dynamics needs a video as input_reference.");
  if ((action?.mode === "forward_dynamics" || action?.mode === "policy") && kind !== "image")
    throw detailError(400, `${action.mode} needs an image as input_reference.`);
  if (control) {
    const controlKind = sniffMediaType(new Uint8Array(await control.slice(0, 4096).arrayBuffer()))?.kind;
    if (controlKind !== "video") throw detailError(400, "control_reference must be a video the server can decode.");
  }
  const reference = input ? new Uint8Array(await input.arrayBuffer()) : ((image?.image_url ?? video?.video_url) as string | undefined);
  return { kind, scene: inputScene(reference, samplesDir) };
}

export async function parseVideoForm(form: FormData, servedModel: string, samplesDir?: string): Promise<VideoOrder> {
  const fields = new FormFields(form);
  const prompt = fields.text("prompt");
  if (prompt === undefined) throw fieldError("prompt", "missing", "Field required");
  const model = fields.text("model");
  if (model && model !== servedModel) throw detailError(400, `Model '${model}' is not served here; this server serves '${servedModel}'.`);
  const size = fields.text("size") ?? null;
  if (size !== null && !/^\d+x\d+$/.test(size))
    throw fieldError("size", "string_pattern_mismatch", "String should match pattern '^\\d+x\\d+$'", size);
  const width = fields.int("width", 1);
  const height = fields.int("height", 1);
  const seconds = fields.text("seconds");
  if (seconds !== undefined && !/^[1-9]\d*$/.test(seconds))
    throw fieldError("seconds", "string_pattern_mismatch", "String should match pattern '^[1-9]\\d*$'", seconds);
  const fps = fields.int("fps", 1) ?? 24;
  const frames = fields.int("num_frames", 1) ?? (seconds ? Number(seconds) * fps : 189);
  fields.int("num_inference_steps", 1, 200);
  fields.number("guidance_scale", 0, 20);
  fields.number("flow_shift");
  const sound = fields.bool("generate_sound") ?? false;
  fields.number("sound_duration", 0, Number.POSITIVE_INFINITY, true);
  const seed = fields.int("seed", Number.NEGATIVE_INFINITY);
  fields.text("negative_prompt");
  const extra = fields.json("extra_params") ?? {};
  checkExtras(extra, form);
  const action = actionOf(extra);
  const media = await checkMedia(fields, action, samplesDir);
  const transfer = transferOf(extra, fields.text("control_type"));
  if (transfer && (sound || action)) throw detailError(400, "Transfer cannot be combined with sound or action generation.");
  if (action && sound) throw detailError(400, "Action modes make no sound; leave generate_sound out.");
  // A rollout has one frame per action plus the first (or exactly one per action) [OM action.py].
  if (action && form.get("num_frames") !== null && frames !== action.chunk + 1 && frames !== action.chunk) {
    throw detailError(400, `num_frames ${frames} does not fit action_chunk_size ${action.chunk}: send ${action.chunk + 1}.`);
  }
  const blocked = extra.guardrails !== false && prompt.toLowerCase().includes(GUARDRAIL_TRIGGER);
  return {
    prompt,
    seed: seed ?? hashToSeed(prompt),
    size: size ?? (width && height ? `${width}x${height}` : null),
    seconds: seconds ?? "4",
    frames: action && form.get("num_frames") === null ? action.chunk + 1 : frames,
    fps,
    blocked,
    action,
    sound,
    transfer,
    inputScene: media.scene,
  };
}
