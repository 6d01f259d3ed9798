import { detailError } from "@/lib/simulator/http";
import { observationProblem } from "@/lib/simulator/observation";

// The world-model modes in vLLM-Omni's extra_params (NIM-PROTOCOLS §3.5, OM cosmos3/action.py):
// the mode, the action domain and its width, the inline actions of forward dynamics.

export interface ActionOrder {
  mode: "forward_dynamics" | "policy" | "inverse_dynamics";
  domainName: string;
  domainId: number;
  chunk: number;
  dim: number;
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

export function actionOf(extra: Record<string, unknown>): ActionOrder | null {
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
