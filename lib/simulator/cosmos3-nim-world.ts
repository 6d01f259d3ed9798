import { InferFields, type Json, type Refuse } from "@/lib/simulator/infer-fields";
import { observationProblem } from "@/lib/simulator/observation";

// The world-model parts of the Certified Cosmos3 NIM 2.x (NIM-PROTOCOLS §2.3): `action_params` for
// forward dynamics, policy and inverse dynamics, and `transfer` on video2video. Closed schemas at
// every depth, as the server's are: an unknown key is a 422 naming it.

export interface NimActionOrder {
  mode: "forward_dynamics" | "policy" | "inverse_dynamics";
  domainName: string;
  domainId: number;
  chunk: number;
  dim: number;
  /** The DROID policy checkpoint: conditioned on the robot's state, it answers actions only. */
  actionOnly?: boolean;
}

/** The domains 2.x takes, id and width [NIM2 action.md; OM cosmos3/action.py]. */
const NIM2_DOMAINS: Record<string, [number, number]> = { av: [1, 9], bridge_orig_lerobot: [7, 10], droid_lerobot: [8, 10], umi: [6, 10] };
const ACTION_KEYS = [
  "domain_name",
  "action_chunk_size",
  "action",
  "raw_action_dim",
  "action_space",
  "image_size",
  "action_fps",
  "history_length",
  "use_state",
  "observation",
];
const TRANSFER_KEYS = [
  "edge",
  "blur",
  "depth",
  "seg",
  "wsm",
  "control_guidance",
  "num_video_frames_per_chunk",
  "num_conditional_frames",
  "num_first_chunk_conditional_frames",
];

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

export function parseActionParams(body: Json, mode: NimActionOrder["mode"], refuse: Refuse): NimActionOrder {
  for (const field of ["resolution", "num_frames"]) {
    if (body[field] !== undefined)
      throw refuse([field], "value_error", "action modes take no resolution or num_frames; the chunk size sets the length");
  }
  const params = body.action_params;
  if (!isObject(params)) throw refuse(["action_params"], "missing", "Field required: an object with domain_name and action_chunk_size");
  const fields = new InferFields(params, refuse, ["action_params"]);
  fields.closed(ACTION_KEYS);
  const name = fields.string("domain_name");
  const domain = name === undefined ? undefined : NIM2_DOMAINS[name];
  if (!name || !domain)
    throw refuse(
      ["action_params", "domain_name"],
      "enum",
      `Input should be ${Object.keys(NIM2_DOMAINS)
        .map((d) => `'${d}'`)
        .join(", ")}`,
      name,
    );
  const chunk = fields.int("action_chunk_size", 1, 10_000);
  if (chunk === undefined || chunk % 4 !== 0)
    throw refuse(["action_params", "action_chunk_size"], "value_error", "Input should be a positive multiple of 4", chunk);
  const dim = fields.int("raw_action_dim", 1, 1000) ?? domain[1];
  if (dim !== domain[1])
    throw refuse(["action_params", "raw_action_dim"], "value_error", `domain '${name}' has ${domain[1]}-wide actions`, dim);
  const space = params.action_space;
  if (space !== undefined && space !== "joint_pos" && space !== "midtrain")
    throw refuse(["action_params", "action_space"], "enum", "Input should be 'joint_pos' or 'midtrain'", space);
  const size = params.image_size;
  if (size !== undefined && ![256, 480, 704, 720].includes(size as number))
    throw refuse(["action_params", "image_size"], "enum", "Input should be 256, 480, 704 or 720", size);
  fields.int("action_fps", 1, 60);
  if (mode !== "policy") {
    for (const key of ["history_length", "use_state", "observation"]) {
      if (params[key] !== undefined) throw refuse(["action_params", key], "value_error", "only policy takes this field", params[key]);
    }
  }
  checkActionArray(params.action, mode, chunk, dim, refuse);
  if (params.observation !== undefined) return droidPolicy(body, params, name, chunk, refuse);
  return { mode, domainName: name, domainId: domain[0], chunk, dim };
}

/** Nano-DROID: chunk 32, the observation's 7 joints and gripper, none of the other action keys; 32 × 8 back [NIM2 action.md]. */
function droidPolicy(body: Json, params: Json, name: string, chunk: number, refuse: Refuse): NimActionOrder {
  const where = ["action_params", "observation"];
  if (name !== "droid_lerobot") throw refuse(where, "value_error", "only the droid_lerobot policy takes an observation");
  for (const key of ["raw_action_dim", "action_space", "image_size", "action_fps"]) {
    if (params[key] !== undefined)
      throw refuse(["action_params", key], "extra_forbidden", "the DROID policy takes no such field", params[key]);
  }
  for (const key of ["fps", "negative_prompt"]) {
    if (body[key] !== undefined) throw refuse([key], "extra_forbidden", "the DROID policy takes no such field", body[key]);
  }
  if (chunk !== 32) throw refuse(["action_params", "action_chunk_size"], "value_error", "the DROID policy predicts 32 actions", chunk);
  const problem = observationProblem(params.observation);
  if (problem) throw refuse(where, "value_error", problem, params.observation);
  return { mode: "policy", domainName: name, domainId: 8, chunk, dim: 8, actionOnly: true };
}

function checkActionArray(action: unknown, mode: NimActionOrder["mode"], chunk: number, dim: number, refuse: Refuse): void {
  const where = ["action_params", "action"];
  if (mode !== "forward_dynamics") {
    if (action !== undefined) throw refuse(where, "value_error", "only forward_dynamics takes actions; this mode predicts them");
    return;
  }
  if (!Array.isArray(action)) throw refuse(where, "missing", `forward_dynamics needs action, a [${chunk}, ${dim}] list`);
  const fits =
    action.length === chunk &&
    action.every((row) => Array.isArray(row) && row.length === dim && row.every((v) => typeof v === "number" && Number.isFinite(v)));
  if (!fits)
    throw refuse(
      where,
      "value_error",
      `Input should have shape [action_chunk_size, raw_action_dim] = [${chunk}, ${dim}]`,
      `[${action.length}, …]`,
    );
}

/** The control type of a transfer; edge and blur may be derived from input_reference (`true`). */
export function parseTransfer(body: Json, refuse: Refuse): string {
  const transfer = body.transfer;
  if (!isObject(transfer)) throw refuse(["transfer"], "dict_type", "Input should be an object");
  const fields = new InferFields(transfer, refuse, ["transfer"]);
  fields.closed(TRANSFER_KEYS);
  fields.number("control_guidance", 0, 10);
  for (const key of ["num_video_frames_per_chunk", "num_conditional_frames", "num_first_chunk_conditional_frames"])
    fields.int(key, 0, 10_000);
  const controls = ["edge", "blur", "depth", "seg", "wsm"].filter((key) => transfer[key] !== undefined && transfer[key] !== false);
  if (controls.length === 0) throw refuse(["transfer"], "value_error", "name one control: edge, blur, depth, seg or wsm");
  for (const control of controls) {
    const value = transfer[control];
    const derivable = control === "edge" || control === "blur";
    if (value === true && derivable) continue;
    if (!isObject(value))
      throw refuse(
        ["transfer", control],
        "value_error",
        derivable ? "Input should be true or an object" : "Input should be an object with a control video",
      );
    const hint = new InferFields(value, refuse, ["transfer", control]);
    hint.closed(["video", "preset_edge_threshold", "preset_blur_strength"]);
    if (!derivable && !hint.has("video")) throw refuse(["transfer", control, "video"], "missing", `${control} needs its control video`);
    hint.media("video", "video");
  }
  if (!body.input_reference && controls.some((c) => transfer[c] === true)) {
    throw refuse(["input_reference"], "missing", "a control derived from the input (true) needs input_reference");
  }
  return controls[0]!;
}
