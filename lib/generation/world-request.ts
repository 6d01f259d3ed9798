import { ACTION_DOMAINS, actionShapeError, findDomain, type ActionDomain } from "@/lib/backends/action-domains";
import {
  GENERATION_PROFILES,
  isActionMode,
  MODE_LABELS,
  worldModelDefaults,
  type GenerationMode,
  type GenerationProfile,
} from "@/lib/backends/generation-families";
import { PlaygroundError } from "@/lib/core/errors";
import { DROID_POLICY_CHUNK, DROID_POLICY_SAMPLING } from "@/lib/generation/observation";
import type { GenerationRequest } from "@/lib/generation/schema";

// The checks of Cosmos3's world-model modes (docs/nim-protocols.md §2.3, §3.5–3.6): the action
// domain and the actions' shape, the chunk and frame count they imply, the transfer control, and
// which of these go with which mode. Pure; lib/generation/request.ts calls it.

export interface WorldModelPlan {
  domain: ActionDomain;
  /** Actions per rollout; the video has chunk + 1 frames. */
  chunk: number;
}

export interface WorldModelFrames {
  /** Frames and fps the mode fixes or defaults to; undefined where the general defaults hold. */
  frames?: number;
  fps?: number;
  world?: WorldModelPlan;
  /** Sampling defaults of a checkpoint that differs from its mode's (the DROID policy NIM). */
  sampling?: { steps: number; guidanceScale: number; flowShift: number };
}

const refuse = (message: string) => new PlaygroundError("unsupported_combination", message);

/** Policy defaults to DROID and inverse dynamics to driving, as NVIDIA's notebooks do. */
const DEFAULT_DOMAIN: Partial<Record<GenerationMode, string>> = { policy: "droid_lerobot", inverse_dynamics: "av" };

function domainOf(profile: GenerationProfile, mode: GenerationMode, name: string | undefined): ActionDomain {
  const chosen = name ?? DEFAULT_DOMAIN[mode];
  if (!chosen)
    throw refuse(`${MODE_LABELS[mode]} needs action.domain and action.data: the domain names the embodiment, the data its actions.`);
  const entry = findDomain(chosen);
  const offered = ACTION_DOMAINS.filter((d) => profile !== "cosmos3-nim-2.x" || d.nim2).map((d) => d.name);
  if (!entry || !offered.includes(entry.name)) {
    const where = profile === "cosmos3-nim-2.x" ? "The Cosmos3 NIM 2.x takes" : "Cosmos3 knows";
    throw refuse(`Unknown action domain '${chosen}' here. ${where} the domains ${offered.join(", ")}.`);
  }
  return entry;
}

function checkFieldsBelong(request: GenerationRequest): void {
  const action = isActionMode(request.mode);
  if (request.action && !action)
    throw refuse(`${MODE_LABELS[request.mode]} takes no action; leave action out, or choose forward_dynamics, policy or inverse_dynamics.`);
  if (request.control && request.mode !== "transfer")
    throw refuse(`${MODE_LABELS[request.mode]} takes no control video; leave control out, or choose transfer.`);
  if (request.mode === "transfer" && !request.control) {
    throw refuse('Transfer needs control: {"type": "edge|blur|depth|seg", "mediaId": "…"}, a control video uploaded to /api/media.');
  }
  if ((action || request.mode === "transfer") && (request.generateSound || request.soundDuration !== undefined)) {
    throw refuse(`${MODE_LABELS[request.mode]} makes no sound; leave generateSound and soundDuration out.`);
  }
  if (request.observation && request.mode !== "policy")
    throw refuse(`${MODE_LABELS[request.mode]} takes no observation; the robot's joint and gripper positions go with policy.`);
  if (request.soundDuration !== undefined && !request.generateSound)
    throw refuse("soundDuration goes with generateSound: true; turn sound on or leave the duration out.");
}

function actionFrames(profile: GenerationProfile, request: GenerationRequest): WorldModelFrames {
  const domain = domainOf(profile, request.mode, request.action?.domain);
  const data = request.action?.data;
  if (request.mode !== "forward_dynamics" && data !== undefined) {
    throw refuse(`${MODE_LABELS[request.mode]} outputs actions; it takes none. Leave action.data out.`);
  }
  const fps = request.fps ?? domain.fps;
  if (request.mode === "forward_dynamics") {
    if (!data)
      throw refuse(
        `Forward dynamics needs action.data: ${domain.chunk} × ${domain.dim} numbers for the ${domain.name} domain (rows = steps).`,
      );
    const problem = actionShapeError(domain, data);
    if (problem) throw refuse(problem);
    const frames = data.length + 1;
    if (request.frames !== undefined && request.frames !== frames) {
      throw refuse(
        `Forward dynamics makes one frame per action plus the start frame: ${data.length} actions make ${frames} frames, not ${request.frames}. Leave frames out.`,
      );
    }
    return { frames, fps, world: { domain, chunk: data.length } };
  }
  if (request.mode === "policy" && request.observation) {
    if (domain.name !== "droid_lerobot")
      throw refuse(
        `The observation (7 joint positions and the gripper) is the DROID policy's input; choose the droid_lerobot domain, or leave it out.`,
      );
    // The DROID policy NIM answers a fixed chunk of actions and no rollout (§2.3).
    if (profile !== "cosmos3-nim-2.x") return { frames: domain.chunk + 1, fps, world: { domain, chunk: domain.chunk } };
    return { frames: DROID_POLICY_CHUNK + 1, fps, world: { domain, chunk: DROID_POLICY_CHUNK }, sampling: DROID_POLICY_SAMPLING };
  }
  if (request.mode === "policy") {
    if (request.frames !== undefined && request.frames !== domain.chunk + 1) {
      throw refuse(
        `The ${domain.name} policy predicts ${domain.chunk} actions, a rollout of ${domain.chunk + 1} frames; leave frames out.`,
      );
    }
    return { frames: domain.chunk + 1, fps, world: { domain, chunk: domain.chunk } };
  }
  // Inverse dynamics: one action per frame step of the input clip's window.
  const frames = request.frames ?? domain.chunk + 1;
  if ((frames - 1) % 4 !== 0 || frames < 5)
    throw refuse(`Inverse dynamics reads 1 + 4k frames (e.g. ${domain.chunk + 1}); ${frames} is not one.`);
  return { frames, fps, world: { domain, chunk: frames - 1 } };
}

/** Checks the world-model fields and answers what they fix; nothing for the other modes. */
export function resolveWorldModel(profile: GenerationProfile, request: GenerationRequest): WorldModelFrames {
  checkFieldsBelong(request);
  if (isActionMode(request.mode)) return actionFrames(profile, request);
  if (request.mode === "transfer") {
    const defaults = worldModelDefaults("transfer");
    return { frames: request.frames ?? defaults?.frames, fps: request.fps ?? defaults?.fps };
  }
  return {};
}

/** Transfer defaults to the 720p tier the notebooks use. */
export const defaultTier = (profile: GenerationProfile, mode: GenerationMode) =>
  worldModelDefaults(mode)?.resolution ?? GENERATION_PROFILES[profile].defaults.resolution;
