import { describe, expect, it, vi } from "vitest";

import { REASONING_PROMPT_SUFFIX } from "@/lib/backends/families";
import { buildChatRequest } from "@/lib/chat/request";
import { chatRequestSchema, type ContentPart } from "@/lib/chat/schema";
import { PlaygroundError } from "@/lib/core/errors";
import { build, image, refusal, resolveMedia, SUFFIXED, text, userWith, video } from "@/tests/support/chat-request";

// What a turn's content becomes upstream, and what is refused.

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
