import { isActionMode } from "@/lib/backends/generation-families";
import { wireObservation } from "@/lib/generation/observation";
import type { ResolvedGeneration } from "@/lib/generation/request";

// The world-model parts of the upstream requests (docs/nim-protocols.md §2.3, §3.5–3.6): vLLM-Omni's
// `extra_params` action and transfer keys, and the Certified NIM 2.x's `action_params` and `transfer`.
// Shapes follow NVIDIA's notebooks (vllm-omni/action/*.json, transfer/*.json fixtures).

const TIER_CODES = { "256p": "256", "480p": "480", "720p": "720" } as const;
/** The action checkpoints condition on 480p frames (CB action notebooks; NIM 2.x default). */
const ACTION_IMAGE_SIZE = 480;
/** The notebooks' camera for the two domains they show; its effect elsewhere is unconfirmed (§3.5). */
const VIEW_POINTS: Record<string, string> = { av: "ego_view", droid_lerobot: "concat_view" };
/** Control strength per control type when none is given (NIM 2.x defaults; seg is stronger). */
const CONTROL_GUIDANCE = { edge: 1.5, blur: 1.5, depth: 1.5, seg: 2.0 } as const;

const controlGuidance = (request: ResolvedGeneration["request"]): number =>
  request.control?.guidance ?? CONTROL_GUIDANCE[request.control?.type ?? "edge"];

/** vLLM-Omni `extra_params` keys of an action mode; none for the other modes. */
export function omniActionExtras({ request, world }: ResolvedGeneration): Record<string, unknown> {
  if (!isActionMode(request.mode) || !world) return {};
  const viewPoint = VIEW_POINTS[world.domain.name];
  return {
    action_mode: request.mode,
    domain_name: world.domain.name,
    action_chunk_size: world.chunk,
    image_size: ACTION_IMAGE_SIZE,
    ...(viewPoint ? { view_point: viewPoint } : {}),
    // Forward dynamics reads the width off its action rows, as NVIDIA's notebook leaves it out.
    ...(request.mode === "forward_dynamics" ? { action: request.action?.data ?? [] } : { raw_action_dim: world.domain.dim }),
    // vLLM-Omni reads the action keys from extra_params; the observation goes beside them under the NIM's names.
    ...(request.observation ? { observation: wireObservation(request.observation) } : {}),
  };
}

/** vLLM-Omni `extra_params` keys of a transfer: the control itself goes as control_reference + control_type. */
export function omniTransferExtras({ request, frames }: ResolvedGeneration): Record<string, unknown> {
  if (request.mode !== "transfer") return {};
  return {
    control_guidance: controlGuidance(request),
    num_video_frames_per_chunk: frames,
    num_conditional_frames: 1,
    resolution: TIER_CODES[request.resolution ?? "720p"],
  };
}

/** NIM 2.x `action_params`: no resolution or num_frames go with it (§2.3). */
export function nim2ActionParams({ request, world, fps }: ResolvedGeneration): Record<string, unknown> {
  if (!world) return {};
  // The DROID policy checkpoint takes the domain, its chunk and the observation, nothing else (§2.3).
  if (request.observation) {
    const observation = wireObservation(request.observation);
    return { action_params: { domain_name: world.domain.name, action_chunk_size: world.chunk, observation } };
  }
  return {
    action_params: {
      domain_name: world.domain.name,
      action_chunk_size: world.chunk,
      raw_action_dim: world.domain.dim,
      image_size: ACTION_IMAGE_SIZE,
      ...(fps === null ? {} : { action_fps: fps }),
      ...(request.mode === "forward_dynamics" ? { action: request.action?.data ?? [] } : {}),
    },
  };
}

/** NIM 2.x `transfer`, with the control video put in by the runner at `transfer.<type>.video`. */
export function nim2Transfer(request: ResolvedGeneration["request"]): Record<string, unknown> {
  if (request.mode !== "transfer" || !request.control) return {};
  return { transfer: { [request.control.type]: {}, control_guidance: controlGuidance(request) } };
}
