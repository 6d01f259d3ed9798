import { describe, expect, it } from "vitest";

import { FAMILY_INFO } from "@/lib/backends/families";
import { draftFromParams, initialParamsState, paramsReducer, parseField, parseParams, presetFor, stepField } from "@/lib/chat/params";
import { samplingParamsSchema } from "@/lib/chat/schema";

describe("presets", () => {
  it("picks the family's reasoning or plain preset, generic when the family is unknown", () => {
    expect(presetFor("cosmos-reason2", true)).toBe(FAMILY_INFO["cosmos-reason2"].presets.reasoning);
    expect(presetFor("nemotron-vl", false)).toBe(FAMILY_INFO["nemotron-vl"].presets.plain);
    expect(presetFor(null, false)).toBe(FAMILY_INFO.generic.presets.plain);
  });

  it("applies a new preset until the person edits a value, and reset always applies", () => {
    const reasoning = presetFor("cosmos-reason2", true);
    const plain = presetFor("cosmos-reason2", false);
    let state = initialParamsState(reasoning);
    state = paramsReducer(state, { type: "preset", params: plain });
    expect(state.draft.temperature).toBe("0.7");
    state = paramsReducer(state, { type: "edit", key: "temperature", value: "1.1" });
    state = paramsReducer(state, { type: "preset", params: reasoning });
    expect(state).toMatchObject({ edited: true, draft: { temperature: "1.1", presence_penalty: "1.5" } });
    state = paramsReducer(state, { type: "reset", params: reasoning });
    expect(state).toMatchObject({ edited: false, draft: { temperature: "0.6", presence_penalty: "0" } });
  });
});

describe("parseParams", () => {
  it("round-trips every family preset into a body the server schema accepts", () => {
    for (const info of Object.values(FAMILY_INFO)) {
      for (const preset of [info.presets.reasoning, info.presets.plain]) {
        const parsed = parseParams(draftFromParams(preset));
        expect(parsed.valid).toBe(true);
        expect(samplingParamsSchema.parse(parsed.params)).toEqual(parsed.params);
        expect(parsed.params.seed).toBe(preset.seed);
      }
    }
  });

  it("leaves vLLM's top_k and repetition_penalty out for an OpenAI-compatible backend until they are set", () => {
    const generic = parseParams(draftFromParams(presetFor("generic", false)));
    expect(generic.params).not.toHaveProperty("top_k");
    expect(generic.params).not.toHaveProperty("repetition_penalty");
    expect(parseParams({ ...draftFromParams(presetFor("generic", false)), top_k: "40" }).params.top_k).toBe(40);
    expect(parseParams(draftFromParams(presetFor("cosmos-reason2", false))).params).toMatchObject({ top_k: 20, repetition_penalty: 1 });
  });

  it("says what is wrong with out-of-range, fractional and empty values", () => {
    expect(parseField("temperature", "2.5").error).toBe("Use a value from 0 to 2.");
    expect(parseField("top_p", "0").error).toBe("Use a value above 0 to 1.");
    expect(parseField("top_k", "2.5").error).toBe("Use a whole number.");
    expect(parseField("max_tokens", "").error).toBe("Required.");
    expect(parseField("seed", "")).toEqual({});
    expect(parseField("seed", "-1").error).toBe("Use a whole number from 0.");
    expect(parseField("temperature", "abc").error).toBe("Enter a number.");
  });

  it("reports invalid fields and drops empty stop sequences", () => {
    const draft = { ...draftFromParams(presetFor("cosmos-reason2", true)), temperature: "9", stop: ["", "END"] };
    const parsed = parseParams(draft);
    expect(parsed.valid).toBe(false);
    expect(Object.keys(parsed.errors)).toEqual(["temperature"]);
    expect(parsed.params.stop).toEqual(["END"]);
  });
});

describe("stepField", () => {
  it("steps by the field's step without float noise, and stays in range", () => {
    expect(stepField("temperature", "0.6", 1)).toBe("0.65");
    expect(stepField("temperature", "2", 1)).toBe("2");
    expect(stepField("top_k", "20", 1)).toBe("21");
    expect(stepField("top_p", "0.01", -1)).toBe("0.01");
    expect(stepField("presence_penalty", "0.1", -1)).toBe("0");
    expect(stepField("seed", "", 1)).toBe("1");
  });
});
