import { describe, expect, it } from "vitest";

import { FAMILIES, FAMILY_INFO, REASON1_ENGLISH_SYSTEM_PROMPT, REASON1_REASONING_SYSTEM_PROMPT } from "@/lib/backends/families";
import { build, SUFFIXED, text } from "@/tests/support/chat-request";

describe("buildChatRequest: every family", () => {
  it.each(FAMILIES)("%s: streams with usage and uses the family's preset", (family) => {
    for (const reasoning of [false, true]) {
      const body = build(family, { reasoning });
      const preset = FAMILY_INFO[family].presets[reasoning ? "reasoning" : "plain"];
      expect(body).toMatchObject({ model: "m", stream: true, stream_options: { include_usage: true } });
      expect(body).toMatchObject({
        temperature: preset.temperature,
        top_p: preset.top_p,
        max_tokens: preset.max_tokens,
        presence_penalty: preset.presence_penalty,
        frequency_penalty: preset.frequency_penalty,
      });
      // vLLM-only fields: a plain OpenAI-compatible server gets them only when the person set them.
      const vllmOnly = family === "generic" ? {} : { top_k: preset.top_k, repetition_penalty: preset.repetition_penalty };
      expect({ top_k: body.top_k, repetition_penalty: body.repetition_penalty }).toEqual({
        top_k: undefined,
        repetition_penalty: undefined,
        ...vllmOnly,
      });
      expect(body.seed).toBe(preset.seed);
      expect("stop" in body).toBe(false);
      expect("media_io_kwargs" in body).toBe(false);
      expect("mm_processor_kwargs" in body).toBe(false);
    }
  });

  it.each(["cosmos-reason2", "cosmos3-reasoner"] as const)("%s: reasoning appends the prompt suffix", (family) => {
    expect(build(family, { reasoning: true }).messages).toEqual([{ role: "user", content: SUFFIXED("Hi") }]);
    expect(build(family, { reasoning: false }).messages).toEqual([{ role: "user", content: "Hi" }]);
  });

  it("cosmos-reason2 plain preset has presence_penalty 1.5, reasoning preset 0", () => {
    expect(build("cosmos-reason2", {}).presence_penalty).toBe(1.5);
    expect(build("cosmos-reason2", { reasoning: true }).presence_penalty).toBe(0);
  });

  it("cosmos-reason1 sends its recommended seed 42 and temperature 0.01 unless overridden", () => {
    expect(build("cosmos-reason1", {})).toMatchObject({ seed: 42, temperature: 0.01 });
    expect(build("cosmos-reason1", { params: { seed: 7, temperature: 0.5 } })).toMatchObject({ seed: 7, temperature: 0.5 });
  });

  it("nemotron-vl: /think or /no_think system message", () => {
    expect(build("nemotron-vl", { reasoning: true }).messages).toEqual([
      { role: "system", content: "/think" },
      { role: "user", content: "Hi" },
    ]);
    expect(build("nemotron-vl", {}).messages[0]).toEqual({ role: "system", content: "/no_think" });
  });

  it("nemotron-vl: the switch becomes the first line of an existing system prompt", () => {
    const messages = [
      { role: "system" as const, content: "Be brief." },
      { role: "user" as const, content: "Hi" },
    ];
    expect(build("nemotron-vl", { reasoning: true, messages }).messages).toEqual([
      { role: "system", content: "/think\nBe brief." },
      { role: "user", content: "Hi" },
    ]);
    expect(build("nemotron-vl", { messages }).messages[0]).toEqual({ role: "system", content: "/no_think\nBe brief." });
  });

  it("nemotron-vl: a switch line already in the prompt is replaced, not doubled", () => {
    const messages = [
      { role: "system" as const, content: "/think\nBe brief." },
      { role: "user" as const, content: "Hi" },
    ];
    expect(build("nemotron-vl", { messages }).messages[0]).toEqual({ role: "system", content: "/no_think\nBe brief." });
  });

  it("nemotron-vl: a system prompt given as parts gets the switch in its first text part", () => {
    const messages = [
      { role: "system" as const, content: [text("Be brief.")] },
      { role: "user" as const, content: "Hi" },
    ];
    expect(build("nemotron-vl", { reasoning: true, messages }).messages[0]).toEqual({
      role: "system",
      content: [{ type: "text", text: "/think\nBe brief." }],
    });
  });

  it("nemotron-vl: never adds the prompt suffix", () => {
    expect(build("nemotron-vl", { reasoning: true }).messages[1]).toEqual({ role: "user", content: "Hi" });
  });

  it("cosmos-reason1: reasoning goes into the system message, as its scripts do, not onto the question", () => {
    const reasoningSystem = `${REASON1_ENGLISH_SYSTEM_PROMPT}\n\n${REASON1_REASONING_SYSTEM_PROMPT}`;
    expect(build("cosmos-reason1", { reasoning: true }).messages).toEqual([
      { role: "system", content: reasoningSystem },
      { role: "user", content: "Hi" },
    ]);
    const messages = [
      { role: "system" as const, content: "You are a helpful assistant.\n" },
      { role: "user" as const, content: "Hi" },
    ];
    expect(build("cosmos-reason1", { reasoning: true, messages }).messages[0]).toEqual({
      role: "system",
      content: `${REASON1_ENGLISH_SYSTEM_PROMPT}\n\nYou are a helpful assistant.\n\n${REASON1_REASONING_SYSTEM_PROMPT}`,
    });
    expect(build("cosmos-reason1", { messages }).messages).toEqual(messages);
  });

  it("cosmos-reason1: no second format when the system prompt or the question carries one", () => {
    const critic = [
      { role: "system" as const, content: "Think in <think></think> tags." },
      { role: "user" as const, content: "Is it plausible?" },
    ];
    expect(build("cosmos-reason1", { reasoning: true, messages: critic }).messages).toEqual(critic);
    const own = [
      {
        role: "user" as const,
        content: "Approve or reject.\nAnswer the question using the following format:\n<think>\nYour reasoning.\n</think>",
      },
    ];
    expect(build("cosmos-reason1", { reasoning: true, messages: own }).messages).toEqual(own);
  });

  it("generic: no switch at all, even with reasoning on", () => {
    const body = build("generic", { reasoning: true });
    expect(body.messages).toEqual([{ role: "user", content: "Hi" }]);
    expect(body.seed).toBeUndefined();
    expect("seed" in body).toBe(false);
  });
});

describe("buildChatRequest: sampling", () => {
  it("generic sends top_k and repetition_penalty only when they were set", () => {
    expect(build("generic", { params: { top_k: 5, repetition_penalty: 1.1 } })).toMatchObject({ top_k: 5, repetition_penalty: 1.1 });
    const body = build("generic", { params: { temperature: 0.4 } });
    expect("top_k" in body || "repetition_penalty" in body).toBe(false);
  });

  it("request params override the preset", () => {
    const params = {
      temperature: 1.1,
      top_p: 0.5,
      top_k: -1,
      max_tokens: 99,
      seed: 0,
      repetition_penalty: 1.2,
      presence_penalty: -1,
      frequency_penalty: 0.3,
    };
    expect(build("cosmos-reason2", { reasoning: true, params })).toMatchObject(params);
  });

  it("omits stop when empty and sends it when given", () => {
    expect("stop" in build("generic", { params: { stop: [] } })).toBe(false);
    expect(build("generic", { params: { stop: ["</answer>"] } }).stop).toEqual(["</answer>"]);
  });
});
