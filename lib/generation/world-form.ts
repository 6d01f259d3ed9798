import { ACTION_DOMAINS, actionShapeError, findDomain, type ActionDomain } from "@/lib/backends/action-domains";
import {
  GENERATION_PROFILES,
  isActionMode,
  type ControlType,
  type GenerationMode,
  type GenerationProfile,
} from "@/lib/backends/generation-families";
import { parseActionText } from "@/lib/generation/action-data";
import { parseObservation } from "@/lib/generation/observation";
import type { GenerationRequest } from "@/lib/generation/schema";

// The Generate form's world-model fields: the action domain and sequence, the transfer control and
// sound. Each problem is a sentence for the field it belongs to; the request fields come out only
// when the draft has no problem. Pure; lib/generation/form.ts calls it.

export interface WorldDraft {
  /** Empty: the mode's default domain. */
  actionDomain: string;
  /** Forward dynamics: the actions as typed, pasted or uploaded (JSON or CSV). */
  actionText: string;
  controlType: ControlType;
  /** Seconds of sound; empty for the video's length. */
  soundDuration: string;
  generateSound: boolean;
  /** Policy on DROID: send the robot's state (the DROID policy checkpoint needs it). */
  observation: boolean;
  /** The 7 joint positions in radians, as typed; and the gripper, 0 open … 1 closed. */
  jointPositions: string;
  gripperPosition: string;
}

interface ControlChoice {
  mediaId: string;
  kind: "image" | "video";
}

type WorldErrors = Partial<Record<"action" | "control" | "soundDuration" | "observation", string>>;

const SOUND_MODES: readonly GenerationMode[] = ["text2world", "image2world", "video2world"];
/** What each action mode starts from, as NVIDIA's notebooks do. */
const DEFAULT_DOMAINS: Partial<Record<GenerationMode, string>> = {
  forward_dynamics: "av",
  policy: "droid_lerobot",
  inverse_dynamics: "av",
};

/** The domains a profile takes (the NIM 2.x names four). */
export const profileDomains = (profile: GenerationProfile): ActionDomain[] =>
  ACTION_DOMAINS.filter((domain) => profile !== "cosmos3-nim-2.x" || domain.nim2);

/** The domain the draft means: its own, else the mode's default. */
export function draftDomain(profile: GenerationProfile, mode: GenerationMode, chosen: string): ActionDomain {
  const offered = profileDomains(profile);
  return offered.find((d) => d.name === chosen) ?? findDomain(DEFAULT_DOMAINS[mode] ?? "av") ?? offered[0]!;
}

/** Policy with the robot's state on the DROID domain: the checkpoint that takes the observation. */
export const sendsObservation = (
  profile: GenerationProfile,
  draft: Pick<WorldDraft, "observation" | "actionDomain"> & { mode: GenerationMode },
): boolean => draft.mode === "policy" && draft.observation && draftDomain(profile, draft.mode, draft.actionDomain).name === "droid_lerobot";

const soundAllowed = (profile: GenerationProfile, mode: GenerationMode) =>
  GENERATION_PROFILES[profile].switches.generateSound && SOUND_MODES.includes(mode);

function soundFields(
  profile: GenerationProfile,
  draft: WorldDraft & { mode: GenerationMode },
  errors: WorldErrors,
): Partial<GenerationRequest> {
  if (!soundAllowed(profile, draft.mode)) return {};
  if (!draft.generateSound) return { generateSound: false };
  const text = draft.soundDuration.trim();
  if (text === "") return { generateSound: true };
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 120) {
    errors.soundDuration = "Sound duration is seconds above 0 (up to 120), or empty for the video's length.";
    return {};
  }
  return { generateSound: true, soundDuration: seconds };
}

export function worldFields(
  profile: GenerationProfile,
  draft: WorldDraft & { mode: GenerationMode },
  control: ControlChoice | null,
): { errors: WorldErrors; fields: Partial<GenerationRequest> } {
  const errors: WorldErrors = {};
  const fields: Partial<GenerationRequest> = soundFields(profile, draft, errors);
  if (isActionMode(draft.mode)) {
    const domain = draftDomain(profile, draft.mode, draft.actionDomain);
    if (draft.mode === "forward_dynamics") {
      const parsed = parseActionText(draft.actionText);
      const problem = parsed.ok ? actionShapeError(domain, parsed.data) : parsed.error;
      if (problem || !parsed.ok) errors.action = problem ?? "";
      else fields.action = { domain: domain.name, data: parsed.data };
    } else {
      fields.action = { domain: domain.name };
    }
    if (sendsObservation(profile, draft)) {
      const observation = parseObservation(draft.jointPositions, draft.gripperPosition);
      if (observation.ok) fields.observation = observation.value;
      else errors.observation = observation.error;
    }
  }
  if (draft.mode === "transfer") {
    if (!control) errors.control = `Add the ${draft.controlType} control video.`;
    else if (control.kind !== "video") errors.control = "The control must be a video, not an image.";
    else fields.control = { type: draft.controlType, mediaId: control.mediaId };
  }
  return { errors, fields };
}
