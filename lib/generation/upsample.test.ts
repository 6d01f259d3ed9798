import { describe, expect, it } from "vitest";

import { chatRequestSchema } from "@/lib/chat/schema";
import { buildUpsampleRequest, extractUpsampledPrompt } from "@/lib/generation/upsample";

describe("prompt upsampling", () => {
  it("asks a Reasoner with the README's sampling, and the request is one /api/chat takes", () => {
    const request = buildUpsampleRequest("sim-cosmos3-reasoner", "a robot pours water", 7.875);
    expect(request.params).toEqual({
      max_tokens: 20000,
      temperature: 0.7,
      top_p: 0.8,
      top_k: 20,
      repetition_penalty: 1,
      presence_penalty: 1.5,
      seed: 3407,
    });
    expect(request.messages[0]!.content).toMatch(/Idea: a robot pours water[\s\S]*duration \("8s"\)[\s\S]*<final_prompt>/);
    expect(chatRequestSchema.safeParse(request).success).toBe(true);
  });

  it("keeps the tagged prompt, compacts JSON, and falls back to the text", () => {
    expect(extractUpsampledPrompt('Draft…<final_prompt>\n```json\n{ "lighting": "dusk",\n "subjects": [] }\n```\n</final_prompt>')).toBe(
      '{"lighting":"dusk","subjects":[]}',
    );
    expect(extractUpsampledPrompt("<final_prompt>A calm lake at dawn.</final_prompt>")).toBe("A calm lake at dawn.");
    expect(extractUpsampledPrompt("  A calm lake { not json } at dawn. ")).toBe("A calm lake { not json } at dawn.");
    expect(extractUpsampledPrompt("<final_prompt>cut short")).toBe("cut short");
  });
});
