import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { ModePicker } from "@/components/generation/mode-picker";
import { OutputFields } from "@/components/generation/output-fields";
import { PromptFields } from "@/components/generation/prompt-fields";
import { SamplingFields } from "@/components/generation/sampling-fields";
import { profileModes } from "@/lib/backends/generation-contracts";
import { GENERATION_PROFILE_IDS, GENERATION_PROFILES, type GenerationProfile } from "@/lib/backends/generation-families";
import { changeMode, draftFor, type GenerateDraft } from "@/lib/generation/form";
import { FORM_FIELDS, formFields, type FormField } from "@/lib/generation/form-fields";

const noop = () => {};

describe("the Generate form offers what the server has", () => {
  it("the 1.0.0 NIM: two modes, the missing ones listed with why, and how the contract was found", () => {
    const { modes, unavailable } = profileModes("cosmos3-nim-1.0.0");
    const html = renderToStaticMarkup(
      <ModePicker
        modes={modes}
        unavailable={unavailable}
        contractNote="Speaks the Cosmos3-Generator NIM 1.0.0 contract, read from its GET /openapi.json."
        value="text2world"
        onChange={noop}
      />,
    );
    expect(html.match(/name="generation-mode"/g)).toHaveLength(2);
    expect(html).toContain('data-testid="unavailable-video2world"');
    expect(html).toContain("serves text-to-video and image-to-video only");
    expect(html).toContain("read from its GET /openapi.json");
  });

  it("vLLM-Omni: only 1 + 4k frame counts, the bucket's size, and a flow shift field at its default", () => {
    const info = GENERATION_PROFILES["vllm-omni"];
    const draft = { ...draftFor("vllm-omni"), aspect: "4:3" as const };
    const output = renderToStaticMarkup(
      <OutputFields
        info={info}
        draft={draft}
        fields={formFields("vllm-omni", draft)}
        errors={{}}
        notice="Frames changed from 297 to 197."
        onChange={noop}
      />,
    );
    const select = /<select id="gen-frames"[^>]*>(.*?)<\/select>/.exec(output)?.[1] ?? "";
    const frames = [...select.matchAll(/<option value="(\d+)"/g)].map((m) => Number(m[1]));
    expect([frames[0], frames.at(-1), frames.length]).toEqual([5, 297, 74]);
    expect(frames.every((n) => (n - 1) % 4 === 0)).toBe(true);
    expect(output).toContain("736×544");
    expect(output).toContain("Frames changed from 297 to 197.");
    const sampling = renderToStaticMarkup(
      <SamplingFields info={info} draft={draft} fields={formFields("vllm-omni", draft)} errors={{}} onChange={noop} />,
    );
    expect(sampling).toContain('data-testid="gen-flowShift"');
    expect(sampling).toContain("default 10");
  });

  it("the 1.0.0 NIM has no flow shift; 2.x leaves its video flow shift to the server", () => {
    const nim1 = renderToStaticMarkup(
      <SamplingFields
        info={GENERATION_PROFILES["cosmos3-nim-1.0.0"]}
        draft={draftFor("cosmos3-nim-1.0.0")}
        fields={formFields("cosmos3-nim-1.0.0", draftFor("cosmos3-nim-1.0.0"))}
        errors={{}}
        onChange={noop}
      />,
    );
    expect(nim1).not.toContain("gen-flowShift");
    const nim2 = renderToStaticMarkup(
      <SamplingFields
        info={GENERATION_PROFILES["cosmos3-nim-2.x"]}
        draft={draftFor("cosmos3-nim-2.x")}
        fields={formFields("cosmos3-nim-2.x", draftFor("cosmos3-nim-2.x"))}
        errors={{}}
        onChange={noop}
      />,
    );
    expect(nim2).toContain("empty: server default");
  });

  // The element each form field is rendered as.
  const ELEMENTS: Record<FormField, RegExp> = {
    negativePrompt: /data-testid="gen-negative"/,
    size: /data-testid="(resolution|gen-width)"/,
    frames: /data-testid="gen-frames"/,
    fps: /data-testid="gen-fps"/,
    conditioning: /data-testid="gen-condition-frames"/,
    steps: /data-testid="gen-steps"/,
    guidanceScale: /data-testid="gen-guidanceScale"/,
    flowShift: /data-testid="gen-flowShift"/,
    seed: /data-testid="gen-seed"/,
    promptUpsampling: /data-testid="gen-promptUpsampling"/,
    generateSound: /data-testid="gen-generateSound"/,
    guardrails: /data-testid="gen-guardrails"/,
  };
  const cases = GENERATION_PROFILE_IDS.flatMap((profile: GenerationProfile) =>
    GENERATION_PROFILES[profile].modes.flatMap((mode) =>
      [false, ...(mode === "policy" ? [true] : [])].map((droid) => ({ profile, mode, droid })),
    ),
  );

  it.each(cases)("$profile $mode (DROID state: $droid) renders the fields the mode sends and no other", ({ profile, mode, droid }) => {
    const draft: GenerateDraft = { ...changeMode(profile, draftFor(profile), mode), observation: droid };
    const fields = formFields(profile, draft);
    const props = { info: GENERATION_PROFILES[profile], draft, fields, errors: {}, onChange: noop };
    const html = [
      renderToStaticMarkup(<PromptFields {...props} chatBackends={[]} onSubmit={noop} />),
      renderToStaticMarkup(<OutputFields {...props} notice={null} />),
      renderToStaticMarkup(<SamplingFields {...props} />),
    ].join("");
    expect(FORM_FIELDS.filter((field) => ELEMENTS[field].test(html))).toEqual(FORM_FIELDS.filter((field) => fields.shown.has(field)));
    expect(html.includes('data-testid="absent-fields"')).toBe(fields.absent !== null);
  });
});
