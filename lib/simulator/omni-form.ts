import { sniffMediaType } from "@/lib/media/sniff";
import { GUARDRAIL_TRIGGER } from "@/lib/simulator/cosmos3-nim";
import { inputScene } from "@/lib/simulator/generation";
import { detailError } from "@/lib/simulator/http";
import { actionOf, type ActionOrder } from "@/lib/simulator/omni-action";
import { fieldError, FormFields } from "@/lib/simulator/omni-form-fields";
import { hashToSeed } from "@/lib/simulator/random";
import type { SceneName } from "@/scripts/sample-scenes.mjs";

// The multipart form of vLLM-Omni's POST /v1/videos and /v1/videos/sync, checked as the server's
// VideoGenerationRequest and form parser check it (NIM-PROTOCOLS §3.2, OM protocol/videos.py,
// video/generation/helpers.py). Errors are FastAPI's `{"detail": …}`: 422 for a field's type or
// range, 400 for what the handler refuses.

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

const CONTROL_TYPES = ["edge", "blur", "depth", "seg", "wsm"];

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
