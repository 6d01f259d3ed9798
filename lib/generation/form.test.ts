import { describe, expect, it } from "vitest";

import { GENERATION_PROFILE_IDS, GENERATION_PROFILES, modeInput, SEED_MAX } from "@/lib/backends/generation-families";
import { exampleActions } from "@/lib/generation/action-curves";
import { changeMode, changeResolution, draftFor, markAsked, type GenerateDraft } from "@/lib/generation/form";
import { batchSeeds, describeClip, fpsChoices, frameChoices, outputSize, snapFrames } from "@/lib/generation/form-choices";
import { validateDraft } from "@/lib/generation/form-validate";
import { resolveGeneration } from "@/lib/generation/request";
import { generationRequestSchema } from "@/lib/generation/schema";

const MEDIA = "AAAAAAAAAAAAAAAAAAAAAA";
const nim1 = GENERATION_PROFILES["cosmos3-nim-1.0.0"];
const predict = GENERATION_PROFILES["cosmos-predict"];
const omni = GENERATION_PROFILES["vllm-omni"];

/** The draft with a prompt and `extra` set as the person sets them (size and clip fields marked as asked). */
const withPrompt = (draft: GenerateDraft, extra: Partial<GenerateDraft> = {}): GenerateDraft =>
  Object.keys(extra).reduce((next, key) => markAsked(next, key as keyof GenerateDraft), {
    ...draft,
    prompt: "A robot arm stacks cubes.",
    ...extra,
  });

describe("draftFor", () => {
  it("starts from each profile's defaults, and every default draft is a request the server takes", () => {
    for (const family of GENERATION_PROFILE_IDS) {
      for (const mode of GENERATION_PROFILES[family].modes) {
        const draft = withPrompt(
          changeMode(family, draftFor(family), mode),
          mode === "forward_dynamics" ? { actionText: JSON.stringify(exampleActions("av")) } : {},
        );
        const needed = modeInput(mode);
        const input = needed ? { mediaId: MEDIA, kind: needed } : null;
        const control = mode === "transfer" ? { mediaId: MEDIA, kind: "video" as const } : null;
        const result = validateDraft("b", family, draft, input, control);
        expect(result.ok ? "ok" : result.errors, `${family} ${mode}`).toBe("ok");
        if (!result.ok) continue;
        expect(generationRequestSchema.safeParse(result.request).success).toBe(true);
        const facts = (kind: "image" | "video") => ({ kind, mime: "" });
        expect(() =>
          resolveGeneration(family, result.request, {
            seed: 1,
            ...(input ? { input: facts(input.kind) } : {}),
            ...(control ? { control: facts("video") } : {}),
          }),
        ).not.toThrow();
      }
    }
  });

  it("keeps the prompt, seed and a mode the new profile offers; falls back to its first mode otherwise", () => {
    const before = { ...draftFor("cosmos3-nim-2.x"), mode: "text2image" as const, prompt: "cups", seed: "7", steps: "12" };
    const after = draftFor("cosmos-predict", before);
    expect(after).toMatchObject({ mode: "text2world", prompt: "cups", seed: "7", steps: "50", width: "1280", height: "704" });
    expect(draftFor("vllm-omni", before).mode).toBe("text2image");
    expect(draftFor("cosmos3-nim-1.0.0", before).mode).toBe("text2world");
  });

  it("moves sampling to the output's documented defaults when the mode switches between video and image", () => {
    const video = draftFor("vllm-omni");
    expect(video).toMatchObject({ steps: "35", guidanceScale: "6", flowShift: "10" });
    expect(changeMode("vllm-omni", video, "text2image")).toMatchObject({
      mode: "text2image",
      steps: "50",
      guidanceScale: "7",
      flowShift: "3",
    });
    expect(changeMode("cosmos3-nim-2.x", draftFor("cosmos3-nim-2.x"), "text2image")).toMatchObject({
      steps: "50",
      guidanceScale: "4",
      flowShift: "3",
    });
    expect(draftFor("cosmos3-nim-2.x").flowShift).toBe("");
    const edited = { ...video, steps: "20" };
    expect(changeMode("vllm-omni", edited, "image2world").steps).toBe("20");
  });
});

describe("frames and fps offer valid values only", () => {
  it("Cosmos3 NIM: 1 + 4k frames from 25 up to the tier's cap; vLLM-Omni: 1 + 4k from 5 to 297", () => {
    const at720 = frameChoices(nim1, "720p") ?? [];
    expect(at720[0]).toBe(25);
    expect(at720.at(-1)).toBe(197);
    expect(at720.every((f) => (f - 1) % 4 === 0)).toBe(true);
    expect(frameChoices(nim1, "256p")?.at(-1)).toBe(397);
    expect(frameChoices(predict, "480p")).toBeNull();
    const onOmni = frameChoices(omni, "720p") ?? [];
    expect([onOmni[0], onOmni.at(-1), onOmni.every((f) => (f - 1) % 4 === 0)]).toEqual([5, 297, true]);
  });

  it("a smaller tier moves the frames under its cap and says so", () => {
    const draft = { ...draftFor("cosmos3-nim-1.0.0"), frames: "297" };
    expect(changeResolution("cosmos3-nim-1.0.0", draft, "720p")).toEqual({
      draft: { ...draft, resolution: "720p", frames: "197" },
      notice: "Frames changed from 297 to 197: Cosmos3 Generator NIM 1.0.0 takes at most 197 at 720p.",
    });
    expect(changeResolution("cosmos3-nim-1.0.0", draft, "256p").notice).toBeNull();
  });

  it("snaps to the nearest valid count", () => {
    expect(snapFrames(nim1, "720p", 297)).toBe(197);
    expect(snapFrames(nim1, "480p", 122)).toBe(121);
    expect(snapFrames(nim1, "480p", 3)).toBe(25);
    expect(snapFrames(omni, "480p", 400)).toBe(297);
    expect(snapFrames(omni, "480p", 98)).toBe(97);
    expect(snapFrames(predict, "480p", 0)).toBe(1);
  });

  it("fps: common rates inside the range (vLLM-Omni takes any whole fps from 1)", () => {
    expect(fpsChoices(omni)).toEqual([8, 10, 12, 16, 24, 25, 30, 60]);
    expect(fpsChoices(predict)).toContain(24);
    expect(fpsChoices(predict).every((fps) => fps >= 1 && fps <= 60)).toBe(true);
  });
});

describe("validateDraft", () => {
  it("refuses a Predict width that is not a multiple of 8 with the nearest sizes", () => {
    const result = validateDraft("p", "cosmos-predict", withPrompt(draftFor("cosmos-predict"), { width: "1281" }), null);
    expect(result).toEqual({ ok: false, errors: { width: "Width 1281 is not a multiple of 8 — try 1280 or 1288." } });
  });

  it("names every bad field at once", () => {
    const draft = {
      ...draftFor("cosmos-predict"),
      prompt: "  ",
      seed: "-1",
      steps: "0",
      guidanceScale: "abc",
      height: "70",
      frames: "1.5",
    };
    const result = validateDraft("p", "cosmos-predict", draft, null);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(["frames", "guidanceScale", "height", "prompt", "seed", "steps"]);
    expect(result.errors.seed).toMatch(/whole number from 0 to 4294967295/);
  });

  it("sends tier families a resolution and aspect, pixel families width and height", () => {
    const tier = validateDraft(
      "w",
      "cosmos3-nim-1.0.0",
      withPrompt(draftFor("cosmos3-nim-1.0.0"), { resolution: "720p", aspect: "9:16", frames: "121" }),
      null,
    );
    expect(tier.ok && tier.request).toMatchObject({ resolution: "720p", aspect: "9:16", frames: 121 });
    expect(tier.ok && "fps" in tier.request).toBe(false);
    expect(tier.ok && "width" in tier.request).toBe(false);
    const pixels = validateDraft("p", "cosmos-predict", withPrompt(draftFor("cosmos-predict"), { width: "640", height: "360" }), null);
    expect(pixels.ok && pixels.request).toMatchObject({ width: 640, height: 360, promptUpsampling: true });
    expect(pixels.ok && "resolution" in pixels.request).toBe(false);
  });

  it("leaves the size and clip the person did not set to the server's defaults, which the form shows", () => {
    const untouched = validateDraft("o", "vllm-omni", withPrompt(draftFor("vllm-omni")), null);
    expect(untouched.ok && Object.keys(untouched.request).filter((key) => ["resolution", "aspect", "frames", "fps"].includes(key))).toEqual(
      [],
    );
    // What the server then fills in is what the form showed.
    const resolved = untouched.ok ? resolveGeneration("vllm-omni", untouched.request, { seed: 0 }) : null;
    const shown = draftFor("vllm-omni");
    expect(resolved?.request).toMatchObject({
      resolution: shown.resolution,
      aspect: shown.aspect,
      frames: Number(shown.frames),
      fps: shown.fps,
    });
    const tier = validateDraft("o", "vllm-omni", withPrompt(draftFor("vllm-omni"), { resolution: "720p" }), null);
    expect(tier.ok && tier.request).toMatchObject({ resolution: "720p" });
    expect(tier.ok && "aspect" in tier.request).toBe(false);
    // A transfer's own clip is its default, not the person's.
    const transfer = changeMode("vllm-omni", withPrompt(draftFor("vllm-omni"), { frames: "61" }), "transfer");
    expect(transfer.asked).toEqual([]);
  });

  it("sends only the switches the family has, and no frames, fps or sound for an image", () => {
    const omniVideo = validateDraft("o", "vllm-omni", withPrompt(draftFor("vllm-omni"), { generateSound: true, guardrails: true }), null);
    expect(omniVideo.ok && omniVideo.request).toMatchObject({ generateSound: true, guardrails: true });
    expect(omniVideo.ok && "promptUpsampling" in omniVideo.request).toBe(false);
    const image = validateDraft("o", "vllm-omni", withPrompt(draftFor("vllm-omni"), { mode: "text2image", generateSound: true }), null);
    expect(image.ok).toBe(true);
    if (!image.ok) return;
    expect(image.request).not.toHaveProperty("frames");
    expect(image.request).not.toHaveProperty("fps");
    expect(image.request).not.toHaveProperty("generateSound");
  });

  it("needs input media of the mode's kind, and sends it only for image or video to world", () => {
    const draft = withPrompt(draftFor("cosmos-predict"), { mode: "video2world" });
    expect(validateDraft("p", "cosmos-predict", draft, null)).toEqual({ ok: false, errors: { input: "Add an input video." } });
    const wrong = validateDraft("p", "cosmos-predict", draft, { mediaId: MEDIA, kind: "image" });
    expect(!wrong.ok && wrong.errors.input).toBe("This mode needs a video, not an image.");
    const ok = validateDraft("p", "cosmos-predict", draft, { mediaId: MEDIA, kind: "video" });
    expect(ok.ok && ok.request.inputMediaId).toBe(MEDIA);
    const text = validateDraft("p", "cosmos-predict", withPrompt(draftFor("cosmos-predict")), { mediaId: MEDIA, kind: "video" });
    expect(text.ok && text.request).not.toHaveProperty("inputMediaId");
  });

  it("passes the server's check last: NIM frames over the tier cap come back as its sentence", () => {
    const result = validateDraft(
      "w",
      "cosmos3-nim-1.0.0",
      withPrompt(draftFor("cosmos3-nim-1.0.0"), { resolution: "720p", frames: "297" }),
      null,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.form).toMatch(/at 720p use at most 197/);
  });

  it("counts a Cosmos Predict prompt's words against its 250 before sending", () => {
    const result = validateDraft("p", "cosmos-predict", withPrompt(draftFor("cosmos-predict"), { prompt: "word ".repeat(251) }), null);
    expect(result).toEqual({ ok: false, errors: { prompt: "The prompt has 251 words; Cosmos Predict takes up to 250." } });
    expect(validateDraft("o", "vllm-omni", withPrompt(draftFor("vllm-omni"), { prompt: "word ".repeat(251) }), null).ok).toBe(true);
  });

  it("sends the flow shift where the profile takes one, empty meaning the server's default", () => {
    const omniVideo = validateDraft("o", "vllm-omni", withPrompt(draftFor("vllm-omni")), null);
    expect(omniVideo.ok && omniVideo.request.flowShift).toBe(10);
    const nim2 = validateDraft("n", "cosmos3-nim-2.x", withPrompt(draftFor("cosmos3-nim-2.x")), null);
    expect(nim2.ok && nim2.request).not.toHaveProperty("flowShift");
    const bad = validateDraft("o", "vllm-omni", withPrompt(draftFor("vllm-omni"), { flowShift: "-1" }), null);
    expect(!bad.ok && bad.errors.flowShift).toMatch(/above 0/);
    const nim1 = validateDraft("n", "cosmos3-nim-1.0.0", withPrompt(draftFor("cosmos3-nim-1.0.0"), { flowShift: "5" }), null);
    expect(nim1.ok && nim1.request).not.toHaveProperty("flowShift");
  });

  it("sends video conditioning for video to world where the profile has it", () => {
    const draft = withPrompt(draftFor("vllm-omni"), { mode: "video2world", conditionFrames: "0, 1", conditionKeep: "last" });
    const result = validateDraft("o", "vllm-omni", draft, { mediaId: MEDIA, kind: "video" });
    expect(result.ok && result.request).toMatchObject({ conditionFrameIndexes: [0, 1], conditionVideoKeep: "last" });
    const bad = validateDraft("o", "vllm-omni", { ...draft, conditionFrames: "a" }, { mediaId: MEDIA, kind: "video" });
    expect(!bad.ok && bad.errors.conditionFrames).toMatch(/whole numbers separated by commas/);
  });

  it("leaves the seed out when empty, so the server picks one", () => {
    const result = validateDraft("p", "cosmos-predict", withPrompt(draftFor("cosmos-predict")), null);
    expect(result.ok && result.request).not.toHaveProperty("seed");
    const seeded = validateDraft("p", "cosmos-predict", withPrompt(draftFor("cosmos-predict"), { seed: String(SEED_MAX) }), null);
    expect(seeded.ok && seeded.request.seed).toBe(SEED_MAX);
  });
});

describe("helpers", () => {
  it("batch seeds count up from a base (wrapping) or are distinct random ones", () => {
    expect(batchSeeds(3, 10)).toEqual([10, 11, 12]);
    expect(batchSeeds(2, SEED_MAX)).toEqual([SEED_MAX, 0]);
    let n = 0;
    const repeating = () => [5, 5, 6, 7][n++ % 4] ?? 0;
    expect(batchSeeds(3, null, repeating)).toEqual([5, 6, 7]);
  });

  it("sizes and clip lengths", () => {
    expect(outputSize(nim1, { ...draftFor("cosmos3-nim-1.0.0"), resolution: "256p", aspect: "1:1" })).toEqual({ width: 256, height: 256 });
    expect(outputSize(omni, { ...draftFor("vllm-omni"), resolution: "480p", aspect: "4:3" })).toEqual({ width: 736, height: 544 });
    expect(outputSize(predict, { ...draftFor("cosmos-predict"), width: "x" })).toBeNull();
    expect(describeClip(121, 24)).toBe("121 frames · 5.0 s");
  });
});
