import { describe, expect, it, vi } from "vitest";

import {
  FAMILIES,
  FAMILY_INFO,
  REASON1_ENGLISH_SYSTEM_PROMPT,
  REASON1_REASONING_SYSTEM_PROMPT,
  REASONING_PROMPT_SUFFIX,
  type Family,
} from "@/lib/backends/families";
import { buildChatRequest, type MediaResolver } from "@/lib/chat/request";
import { chatRequestSchema, type ChatRequestInput, type ContentPart } from "@/lib/chat/schema";
import { PlaygroundError } from "@/lib/core/errors";

const resolveMedia: MediaResolver = ({ type, mediaId }) => `data:${type}/stub;base64,${mediaId}`;
const SUFFIXED = (text: string) => `${text}\n${REASONING_PROMPT_SUFFIX}`;

function build(family: Family, input: Partial<ChatRequestInput>, resolver: MediaResolver = resolveMedia) {
  const request = chatRequestSchema.parse({ backend: "b", messages: [{ role: "user", content: "Hi" }], ...input });
  return buildChatRequest({ family, model: "m", request, resolveMedia: resolver });
}

function refusal(family: Family, input: Partial<ChatRequestInput>): PlaygroundError {
  try {
    build(family, input);
  } catch (error) {
    expect(error).toBeInstanceOf(PlaygroundError);
    const failure = error as PlaygroundError;
    expect(failure.code).toBe("unsupported_combination");
    expect(failure.status).toBe(400);
    return failure;
  }
  throw new Error("expected buildChatRequest to refuse");
}

const image = (id = "img"): ContentPart => ({ type: "image", mediaId: id });
const video = (id = "vid"): ContentPart => ({ type: "video", mediaId: id });
const text = (value: string): ContentPart => ({ type: "text", text: value });
const userWith = (...parts: ContentPart[]) => [{ role: "user" as const, content: parts }];

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

describe("buildChatRequest: content", () => {
  it("maps every part type and resolves stored media through the resolver", () => {
    const resolver = vi.fn(resolveMedia);
    const messages = userWith(
      text("Compare"),
      { type: "image_url", url: "https://example.com/a.png" },
      { type: "video_url", url: "data:video/mp4;base64,AAAA" },
      image("i1"),
    );
    const body = build("generic", { messages }, resolver);
    expect(body.messages[0]?.content).toEqual([
      { type: "text", text: "Compare" },
      { type: "image_url", image_url: { url: "https://example.com/a.png" } },
      { type: "video_url", video_url: { url: "data:video/mp4;base64,AAAA" } },
      { type: "image_url", image_url: { url: "data:image/stub;base64,i1" } },
    ]);
    expect(resolver).toHaveBeenCalledExactlyOnceWith({ type: "image", mediaId: "i1" });
    expect(build("generic", { messages: userWith(video("v1")) }).messages[0]?.content).toEqual([
      { type: "video_url", video_url: { url: "data:video/stub;base64,v1" } },
    ]);
  });

  it("the suffix goes on the last text part of the last user message only", () => {
    const messages = [
      { role: "user" as const, content: [text("First?")] },
      { role: "assistant" as const, content: "An answer." },
      { role: "user" as const, content: [text("Look"), image(), text("Where?")] },
    ];
    const body = build("cosmos-reason2", { reasoning: true, messages });
    expect(body.messages).toEqual([
      { role: "user", content: [{ type: "text", text: "First?" }] },
      { role: "assistant", content: "An answer." },
      {
        role: "user",
        content: [
          { type: "text", text: "Look" },
          { type: "image_url", image_url: { url: "data:image/stub;base64,img" } },
          { type: "text", text: SUFFIXED("Where?") },
        ],
      },
    ]);
  });

  it("a last user message without text gets a text part with the suffix", () => {
    const body = build("cosmos-reason2", { reasoning: true, messages: userWith(video()) });
    expect(body.messages[0]?.content).toEqual([
      { type: "video_url", video_url: { url: "data:video/stub;base64,vid" } },
      { type: "text", text: REASONING_PROMPT_SUFFIX },
    ]);
  });

  it("the suffix finds the last user message even when an assistant message follows it", () => {
    const messages = [
      { role: "user" as const, content: "Q" },
      { role: "assistant" as const, content: "Partial" },
    ];
    expect(build("cosmos-reason2", { reasoning: true, messages }).messages[0]).toEqual({ role: "user", content: SUFFIXED("Q") });
  });

  it("the suffix is not added twice when the prompt already ends with it", () => {
    const messages = [{ role: "user" as const, content: SUFFIXED("Q") + "\n" }];
    expect(build("cosmos-reason2", { reasoning: true, messages }).messages[0]?.content).toBe(SUFFIXED("Q") + "\n");
  });

  it("a template with its own think format (critic, trajectory) gets no second format instruction", () => {
    const critic =
      "Approve or reject this video.\nAnswer the question using the following format:\n<think>\nYour reasoning.\n</think>\nWrite your final answer immediately after the </think> tag.";
    const tags = "Where is it? Put your thoughts in <think>…</think> and then answer.";
    for (const content of [critic, tags]) {
      const messages = [{ role: "user" as const, content }];
      expect(build("cosmos-reason2", { reasoning: true, messages }).messages[0]?.content).toBe(content);
    }
  });

  it("no user message: nothing to suffix and no error", () => {
    const messages = [{ role: "system" as const, content: "Only a system prompt." }];
    expect(build("cosmos-reason2", { reasoning: true, messages }).messages).toEqual(messages);
  });

  it("assistant turns become strings; media in them is refused", () => {
    const messages = [
      { role: "user" as const, content: "Q" },
      { role: "assistant" as const, content: [text("Line 1"), text("Line 2")] },
      { role: "user" as const, content: "Q2" },
    ];
    expect(build("generic", { messages }).messages[1]).toEqual({ role: "assistant", content: "Line 1\nLine 2" });
    const withImage = [
      { role: "user" as const, content: "Q" },
      { role: "assistant" as const, content: [image()] },
    ];
    expect(() => build("generic", { messages: withImage })).toThrow(/Message 2 is an assistant turn/);
  });
});

describe("buildChatRequest: refusals", () => {
  it("reasoning with video for nemotron-vl, naming the family and the way out", () => {
    const failure = refusal("nemotron-vl", { reasoning: true, messages: userWith(video(), text("What?")) });
    expect(failure.message).toContain("Nemotron Nano VL");
    expect(failure.message).toContain("turn reasoning off or remove the video");
  });

  it("reasoning with a video in an earlier turn is refused too, and the resolver is not called", () => {
    const resolver = vi.fn(resolveMedia);
    const messages = [
      { role: "user" as const, content: [video()] },
      { role: "assistant" as const, content: "A" },
      { role: "user" as const, content: "Why?" },
    ];
    const request = chatRequestSchema.parse({ backend: "b", messages, reasoning: true });
    expect(() => buildChatRequest({ family: "nemotron-vl", model: "m", request, resolveMedia: resolver })).toThrow(PlaygroundError);
    expect(resolver).not.toHaveBeenCalled();
  });

  it("nemotron-vl without reasoning takes the video", () => {
    expect(build("nemotron-vl", { messages: userWith(video()) }).messages[0]).toEqual({ role: "system", content: "/no_think" });
  });

  it("too many images in the last user message, with the limit", () => {
    expect(refusal("cosmos3-reasoner", { messages: userWith(...Array.from({ length: 6 }, () => image())) }).message).toContain(
      "at most 5 images",
    );
    expect(refusal("nemotron-vl", { messages: userWith(...Array.from({ length: 5 }, () => image())) }).message).toContain(
      "at most 4 images",
    );
    expect(build("cosmos3-reasoner", { messages: userWith(...Array.from({ length: 5 }, () => image())) }).messages).toHaveLength(1);
  });

  it("image_url parts count as images and video_url parts as videos", () => {
    const urls = Array.from({ length: 6 }, (): ContentPart => ({ type: "image_url", url: "https://example.com/x.png" }));
    expect(refusal("cosmos-reason2", { messages: userWith(...urls) }).message).toContain("at most 5 images per prompt");
    const videos: ContentPart[] = [video(), { type: "video_url", url: "https://example.com/x.mp4" }];
    expect(refusal("cosmos-reason2", { messages: userWith(...videos) }).message).toContain("at most 1 video");
  });

  it("an earlier video over the per-prompt limit becomes a note; the new message keeps its own", () => {
    const messages = [
      { role: "user" as const, content: [video("a"), text("What happens?")] },
      { role: "assistant" as const, content: "A car turns." },
      { role: "user" as const, content: [video("b"), text("And here?")] },
    ];
    const resolver = vi.fn(resolveMedia);
    const body = build("cosmos-reason2", { messages }, resolver);
    expect(body.messages[0]?.content).toEqual([
      { type: "text", text: "[earlier video omitted: at most 1 video per prompt]" },
      { type: "text", text: "What happens?" },
    ]);
    expect(body.messages[2]?.content).toEqual([
      { type: "video_url", video_url: { url: "data:video/stub;base64,b" } },
      { type: "text", text: "And here?" },
    ]);
    expect(resolver).toHaveBeenCalledExactlyOnceWith({ type: "video", mediaId: "b" });
  });

  it("earlier images fill the room the new message leaves, newest first", () => {
    const messages = [
      { role: "user" as const, content: [image("1"), image("2"), image("3")] },
      { role: "assistant" as const, content: "Three." },
      { role: "user" as const, content: [image("4"), image("5"), text("And these?")] },
    ];
    const body = build("nemotron-vl", { messages });
    expect(body.messages[1]?.content).toEqual([
      { type: "text", text: "[earlier image omitted: at most 4 images per prompt]" },
      { type: "image_url", image_url: { url: "data:image/stub;base64,2" } },
      { type: "image_url", image_url: { url: "data:image/stub;base64,3" } },
    ]);
  });

  it("fps with num_frames for nemotron-vl", () => {
    expect(refusal("nemotron-vl", { messages: userWith(video()), media: { fps: 2, num_frames: 16 } }).message).toMatch(
      /either fps or num_frames/,
    );
  });

  it("num_frames above the family's maximum", () => {
    expect(refusal("nemotron-vl", { messages: userWith(video()), media: { num_frames: 129 } }).message).toContain("128");
    expect(build("nemotron-vl", { messages: userWith(video()), media: { num_frames: 128 } }).media_io_kwargs).toEqual({
      video: { num_frames: 128 },
    });
    expect(build("cosmos-reason2", { messages: userWith(video()), media: { num_frames: 512 } }).media_io_kwargs).toEqual({
      video: { num_frames: 512 },
    });
  });

  it("max_num_tiles for families without tiles", () => {
    expect(refusal("cosmos-reason2", { media: { max_num_tiles: 4 } }).message).toContain("set shortest_edge / longest_edge");
    refusal("cosmos-reason1", { media: { max_num_tiles: 4 } });
    refusal("generic", { media: { max_num_tiles: 4 } });
  });

  it("shortest_edge / longest_edge for families without edges", () => {
    expect(refusal("nemotron-vl", { media: { shortest_edge: 100 } }).message).toContain("max_num_tiles instead");
    refusal("generic", { media: { shortest_edge: 1, longest_edge: 2 } });
  });

  it("shortest_edge larger than longest_edge", () => {
    expect(refusal("cosmos-reason2", { media: { shortest_edge: 2000, longest_edge: 1000 } }).message).toContain(
      "(2000) is larger than longest_edge (1000)",
    );
    expect(refusal("cosmos-reason2", { media: { shortest_edge: 20_000_000 } }).message).toContain("longest_edge (the default 12845056)");
  });
});
