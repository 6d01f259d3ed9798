import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { ModePicker } from "@/components/generation/mode-picker";
import { OutputFields } from "@/components/generation/output-fields";
import { SamplingFields } from "@/components/generation/sampling-fields";
import { profileModes } from "@/lib/backends/generation-contracts";
import { GENERATION_PROFILES } from "@/lib/backends/generation-families";
import { draftFor } from "@/lib/generation/form";

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
      <OutputFields info={info} draft={draft} errors={{}} notice="Frames changed from 297 to 197." onChange={noop} />,
    );
    const select = /<select id="gen-frames"[^>]*>(.*?)<\/select>/.exec(output)?.[1] ?? "";
    const frames = [...select.matchAll(/<option value="(\d+)"/g)].map((m) => Number(m[1]));
    expect([frames[0], frames.at(-1), frames.length]).toEqual([5, 297, 74]);
    expect(frames.every((n) => (n - 1) % 4 === 0)).toBe(true);
    expect(output).toContain("736×544");
    expect(output).toContain("Frames changed from 297 to 197.");
    const sampling = renderToStaticMarkup(<SamplingFields info={info} draft={draft} errors={{}} onChange={noop} />);
    expect(sampling).toContain('data-testid="gen-flowShift"');
    expect(sampling).toContain("default 10");
  });

  it("the 1.0.0 NIM has no flow shift; 2.x leaves its video flow shift to the server", () => {
    const nim1 = renderToStaticMarkup(
      <SamplingFields info={GENERATION_PROFILES["cosmos3-nim-1.0.0"]} draft={draftFor("cosmos3-nim-1.0.0")} errors={{}} onChange={noop} />,
    );
    expect(nim1).not.toContain("gen-flowShift");
    const nim2 = renderToStaticMarkup(
      <SamplingFields info={GENERATION_PROFILES["cosmos3-nim-2.x"]} draft={draftFor("cosmos3-nim-2.x")} errors={{}} onChange={noop} />,
    );
    expect(nim2).toContain("empty: server default");
  });
});
