import { describe, expect, it } from "vitest";
import { GENERATION_FAMILIES, GENERATION_FAMILY_IDS, SEED_MAX } from "@/lib/backends/generation-families";
import { resolveGeneration } from "@/lib/generation/request";
import { generationRequestSchema } from "@/lib/generation/schema";
import {
  batchSeeds, describeClip, draftFor, fpsChoices, frameChoices, outputSize, snapFrames, validateDraft, type GenerateDraft,
} from "@/lib/generation/form";

const MEDIA = "AAAAAAAAAAAAAAAAAAAAAA";
const wfm = GENERATION_FAMILIES["cosmos3-wfm"];
const predict = GENERATION_FAMILIES["cosmos-predict"];
const omni = GENERATION_FAMILIES["vllm-omni"];

const withPrompt = (draft: GenerateDraft, extra: Partial<GenerateDraft> = {}): GenerateDraft => ({ ...draft, prompt: "A robot arm stacks cubes.", ...extra });

describe("draftFor", () => {
  it("starts from each family's defaults, and every default draft is a request the server takes", () => {
    for (const family of GENERATION_FAMILY_IDS) {
      for (const mode of GENERATION_FAMILIES[family].modes) {
        const draft = withPrompt(draftFor(family), { mode });
        const input = mode === "image2world" ? { mediaId: MEDIA, kind: "image" as const } : mode === "video2world" ? { mediaId: MEDIA, kind: "video" as const } : null;
        const result = validateDraft("b", family, draft, input);
        expect(result.ok, `${family} ${mode}`).toBe(true);
        if (!result.ok) continue;
        expect(generationRequestSchema.safeParse(result.request).success).toBe(true);
        expect(() => resolveGeneration(family, result.request, { seed: 1, ...(input ? { input: { kind: input.kind, mime: "" } } : {}) })).not.toThrow();
      }
    }
  });

  it("keeps the prompt, seed and a mode the new family offers; falls back to its first mode otherwise", () => {
    const before = { ...draftFor("cosmos3-wfm"), mode: "text2image" as const, prompt: "cups", seed: "7", steps: "12" };
    const after = draftFor("cosmos-predict", before);
    expect(after).toMatchObject({ mode: "text2world", prompt: "cups", seed: "7", steps: "50", width: "1280", height: "704" });
    expect(draftFor("vllm-omni", before).mode).toBe("text2image");
  });
});

describe("frames and fps offer valid values only", () => {
  it("Cosmos3 WFM: 1 + 4k frames from 25 up to the tier's cap", () => {
    const at720 = frameChoices(wfm, "720p") ?? [];
    expect(at720[0]).toBe(25);
    expect(at720.at(-1)).toBe(197);
    expect(at720.every((f) => (f - 1) % 4 === 0)).toBe(true);
    expect(frameChoices(wfm, "256p")?.at(-1)).toBe(397);
    expect(frameChoices(predict, "480p")).toBeNull();
  });

  it("snaps to the nearest valid count", () => {
    expect(snapFrames(wfm, "720p", 297)).toBe(197);
    expect(snapFrames(wfm, "480p", 122)).toBe(121);
    expect(snapFrames(wfm, "480p", 3)).toBe(25);
    expect(snapFrames(omni, "480p", 400)).toBe(300);
    expect(snapFrames(predict, "480p", 0)).toBe(1);
  });

  it("fps: the fixed set of vLLM-Omni, else common rates inside the range", () => {
    expect(fpsChoices(omni)).toEqual([10, 16, 24, 30]);
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
    const draft = { ...draftFor("cosmos-predict"), prompt: "  ", seed: "-1", steps: "0", guidanceScale: "abc", height: "70", frames: "1.5" };
    const result = validateDraft("p", "cosmos-predict", draft, null);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(["frames", "guidanceScale", "height", "prompt", "seed", "steps"]);
    expect(result.errors.seed).toMatch(/whole number from 0 to 4294967295/);
  });

  it("sends tier families a resolution and aspect, pixel families width and height", () => {
    const tier = validateDraft("w", "cosmos3-wfm", withPrompt(draftFor("cosmos3-wfm"), { resolution: "720p", aspect: "9:16", frames: "121" }), null);
    expect(tier.ok && tier.request).toMatchObject({ resolution: "720p", aspect: "9:16", frames: 121, fps: 24 });
    expect(tier.ok && "width" in tier.request).toBe(false);
    const pixels = validateDraft("p", "cosmos-predict", withPrompt(draftFor("cosmos-predict"), { width: "640", height: "360" }), null);
    expect(pixels.ok && pixels.request).toMatchObject({ width: 640, height: 360, promptUpsampling: true });
    expect(pixels.ok && "resolution" in pixels.request).toBe(false);
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

  it("passes the server's check last: WFM frames over the tier cap come back as its sentence", () => {
    const result = validateDraft("w", "cosmos3-wfm", withPrompt(draftFor("cosmos3-wfm"), { resolution: "720p", frames: "297" }), null);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.form).toMatch(/at 720p use at most 197/);
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
    expect(outputSize(wfm, { ...draftFor("cosmos3-wfm"), resolution: "256p", aspect: "1:1" })).toEqual({ width: 256, height: 256 });
    expect(outputSize(predict, { ...draftFor("cosmos-predict"), width: "x" })).toBeNull();
    expect(describeClip(121, 24)).toBe("121 frames · 5.0 s");
  });
});
