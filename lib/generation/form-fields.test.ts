import { describe, expect, it } from "vitest";

import { GENERATION_PROFILE_IDS, GENERATION_PROFILES, modeInput, type GenerationProfile } from "@/lib/backends/generation-families";
import { exampleActions } from "@/lib/generation/action-curves";
import { actionsToText } from "@/lib/generation/action-data";
import { buildUpstreamRequest } from "@/lib/generation/builders";
import { changeMode, draftFor, followCheckpoint, markAsked, type GenerateDraft, type InputChoice } from "@/lib/generation/form";
import { FORM_FIELDS, formFields, type FormField } from "@/lib/generation/form-fields";
import { validateDraft } from "@/lib/generation/form-validate";
import { resolveGeneration } from "@/lib/generation/request";

const MEDIA = "AAAAAAAAAAAAAAAAAAAAAA";
const CONTROL = "BBBBBBBBBBBBBBBBBBBBBB";

/** Each form field set to another value the server takes. */
const CHANGES: Record<FormField, (draft: GenerateDraft, profile: GenerationProfile) => Partial<GenerateDraft>> = {
  negativePrompt: () => ({ negativePrompt: "blurry" }),
  size: (draft, profile) =>
    GENERATION_PROFILES[profile].sizing === "pixels" ? { width: "640" } : { aspect: draft.aspect === "1:1" ? "16:9" : "1:1" },
  frames: (draft) => ({ frames: draft.frames === "61" ? "121" : "61" }),
  fps: (draft) => ({ fps: draft.fps === 16 ? 24 : 16 }),
  conditioning: () => ({ conditionFrames: "0", conditionKeep: "first" }),
  steps: () => ({ steps: "7" }),
  guidanceScale: () => ({ guidanceScale: "2" }),
  flowShift: () => ({ flowShift: "4" }),
  seed: () => ({ seed: "99" }),
  promptUpsampling: (draft) => ({ promptUpsampling: !draft.promptUpsampling }),
  generateSound: () => ({ generateSound: true }),
  guardrails: (draft) => ({ guardrails: !draft.guardrails }),
};

/** A draft of the mode that the server takes, with its input, control, actions or robot state. */
function draftOf(profile: GenerationProfile, mode: GenerateDraft["mode"], droid: boolean): GenerateDraft {
  const draft = changeMode(profile, { ...draftFor(profile), prompt: "A robot arm stacks cubes." }, mode);
  const extra: Partial<GenerateDraft> =
    mode === "forward_dynamics" ? { actionText: actionsToText(exampleActions("av")) } : droid ? { observation: true } : {};
  return followCheckpoint(profile, draft, {
    ...draft,
    ...extra,
    ...(droid ? { jointPositions: "0, -0.6, 0, -2.5, 0, 1.9, 0.8", gripperPosition: "0" } : {}),
  });
}

/** What goes upstream for a draft, as text to compare. */
function upstream(profile: GenerationProfile, draft: GenerateDraft): string {
  const needed = modeInput(draft.mode);
  const input: InputChoice | null = needed ? { mediaId: MEDIA, kind: needed } : null;
  const control: InputChoice | null = draft.mode === "transfer" ? { mediaId: CONTROL, kind: "video" } : null;
  const result = validateDraft("b", profile, draft, input, control);
  if (!result.ok) throw new Error(`${profile} ${draft.mode}: ${JSON.stringify(result.errors)}`);
  const facts = (choice: InputChoice) => ({ kind: choice.kind, mime: "image/png" });
  const resolved = resolveGeneration(profile, result.request, {
    seed: 0,
    ...(input ? { input: facts(input) } : {}),
    ...(control ? { control: facts(control) } : {}),
  });
  return JSON.stringify(buildUpstreamRequest(resolved));
}

const CASES = GENERATION_PROFILE_IDS.flatMap((profile) => [
  ...GENERATION_PROFILES[profile].modes.map((mode) => ({ profile, mode, droid: false })),
  ...(GENERATION_PROFILES[profile].modes.includes("policy") ? [{ profile, mode: "policy" as const, droid: true }] : []),
]);

describe("the Generate form shows exactly the fields a mode sends", () => {
  it.each(CASES)(
    "$profile $mode (DROID state: $droid): a shown field changes the upstream request, a hidden one does not",
    ({ profile, mode, droid }) => {
      const draft = draftOf(profile, mode, droid);
      const { shown } = formFields(profile, draft);
      const before = upstream(profile, draft);
      // Each change as the form makes it: the field set, and marked as the person's.
      const changed = (field: FormField) => {
        const change = CHANGES[field](draft, profile);
        return Object.keys(change).reduce((next, key) => markAsked(next, key as keyof GenerateDraft), { ...draft, ...change });
      };
      const sent = FORM_FIELDS.filter((field) => upstream(profile, changed(field)) !== before);
      expect(sent).toEqual(FORM_FIELDS.filter((field) => shown.has(field)));
    },
  );

  it("the NIM's DROID policy: no negative prompt or size, its own sampling, and one line saying why", () => {
    const draft = draftOf("cosmos3-nim-2.x", "policy", true);
    const fields = formFields("cosmos3-nim-2.x", draft);
    expect([...fields.shown]).toEqual(["steps", "guidanceScale", "flowShift", "seed"]);
    expect(fields.absent).toBe(
      "The DROID policy checkpoint reads the start image, the task and the robot's state, and answers 32 actions: it takes no negative prompt, size, frames or rate.",
    );
    expect([draft.steps, draft.guidanceScale, draft.flowShift]).toEqual(["4", "3", "5"]);
    // Off again, the policy's own defaults come back.
    const off = followCheckpoint("cosmos3-nim-2.x", draft, { ...draft, observation: false });
    expect([off.steps, off.guidanceScale, off.flowShift]).toEqual(["30", "1", "5"]);
    expect(formFields("cosmos3-nim-2.x", off).shown.has("negativePrompt")).toBe(true);
  });

  it("the video modes hide nothing, so they need no line", () => {
    for (const mode of ["text2world", "image2world", "video2world", "text2image"] as const)
      expect(formFields("vllm-omni", { mode, observation: false, actionDomain: "" }).absent).toBeNull();
  });
});
