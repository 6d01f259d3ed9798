import { GENERATION_PROFILES, isActionMode, type GenerationProfile } from "@/lib/backends/generation-families";
import type { GenerateDraft } from "@/lib/generation/form";
import { DROID_POLICY_CHUNK } from "@/lib/generation/observation";
import { sendsObservation } from "@/lib/generation/world-form";

// Which of the Generate form's fields a mode sends upstream (lib/generation/builders.ts): only those
// are shown, and one line says why the usual others are absent. form-fields.test.ts checks that each
// shown field changes the upstream request and each hidden one does not.

export const FORM_FIELDS = [
  "negativePrompt",
  "size",
  "frames",
  "fps",
  "conditioning",
  "steps",
  "guidanceScale",
  "flowShift",
  "seed",
  "promptUpsampling",
  "generateSound",
  "guardrails",
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export interface FormFields {
  shown: ReadonlySet<FormField>;
  /** Why fields the form usually has are absent in this mode; null when none is. */
  absent: string | null;
}

type ModeDraft = Pick<GenerateDraft, "mode" | "observation" | "actionDomain">;

const SOUND_MODES = new Set<GenerateDraft["mode"]>(["text2world", "image2world", "video2world"]);

function absentLine(profile: GenerationProfile, draft: ModeDraft, droid: boolean): string | null {
  if (droid && profile === "cosmos3-nim-2.x")
    return `The DROID policy checkpoint reads the start image, the task and the robot's state, and answers ${DROID_POLICY_CHUNK} actions: it takes no negative prompt, size, frames or rate.`;
  if (draft.mode === "inverse_dynamics") return "Size, frames and rate come from the input video and the domain's chunk.";
  if (isActionMode(draft.mode) && profile === "cosmos3-nim-2.x")
    return "Size, frames and rate come from the start image, the domain and its action chunk.";
  if (isActionMode(draft.mode)) return "Frames and rate follow the domain's action chunk; the size is the rollout's.";
  return null;
}

export function formFields(profile: GenerationProfile, draft: ModeDraft): FormFields {
  const info = GENERATION_PROFILES[profile];
  const droid = sendsObservation(profile, draft);
  const action = isActionMode(draft.mode);
  const video = draft.mode !== "text2image";
  const nim2Droid = droid && profile === "cosmos3-nim-2.x";
  const sent: Record<FormField, boolean> = {
    // The NIM's DROID checkpoint takes no negative prompt (§2.3).
    negativePrompt: !nim2Droid,
    // The NIM's action modes take the input's size; vLLM-Omni's inverse dynamics too.
    size: !(action && (profile === "cosmos3-nim-2.x" || draft.mode === "inverse_dynamics")),
    frames: video && !action,
    fps: video && !action,
    conditioning: draft.mode === "video2world" && info.videoConditioning,
    steps: true,
    guidanceScale: true,
    flowShift: info.flowShift,
    seed: true,
    promptUpsampling: info.switches.promptUpsampling,
    generateSound: info.switches.generateSound && SOUND_MODES.has(draft.mode),
    guardrails: info.switches.guardrails,
  };
  return { shown: new Set(FORM_FIELDS.filter((field) => sent[field])), absent: absentLine(profile, draft, droid) };
}
