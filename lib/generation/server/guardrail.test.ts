import { describe, expect, it } from "vitest";

import type { Backend } from "@/lib/backends/server/backends";
import { guardrailRefusal } from "@/lib/generation/server/guardrail";

const backend = (generationFamily: Backend["generationFamily"]) => ({ id: "gen", generationFamily }) as Backend;

describe("guardrailRefusal", () => {
  it("words vLLM-Omni's 500 and the NIM's 422 block as a refusal of the prompt, with what the person can change", () => {
    const omni = guardrailRefusal(backend("vllm-omni"), "Guardrail blocked prompt");
    expect(omni?.code).toBe("upstream_rejected");
    expect(omni?.message).toBe(
      "Backend 'gen' refused the prompt: its guardrail (content safety check) blocked it (\"Guardrail blocked prompt\"). This is a refusal, not a server fault — rephrase it, or turn Guardrails off for this request if the server allows it.",
    );
    expect(guardrailRefusal(backend("cosmos3-wfm"), "Request blocked by the text guardrail.")?.message).toMatch(
      /set where it runs \(for the Cosmos3 NIM, NIM_ENABLE_\*_GUARDRAILS\)/,
    );
  });

  it("leaves other errors, and a guardrail that is itself broken, to the server-fault wording", () => {
    expect(guardrailRefusal(backend("vllm-omni"), "CUDA out of memory")).toBeNull();
    expect(guardrailRefusal(backend("vllm-omni"), "Guardrail model failed to load")).toBeNull();
    expect(guardrailRefusal(backend("vllm-omni"), null)).toBeNull();
  });
});
