import { describe, expect, it } from "vitest";

import type { Family } from "@/lib/backends/families";
import { buildChatRequest, type MediaResolver } from "@/lib/chat/request";
import { chatRequestSchema, type ChatRequestInput, type ContentPart } from "@/lib/chat/schema";

// The media knobs of the upstream body, per family (chat-request-media.ts).

const resolveMedia: MediaResolver = ({ type, mediaId }) => `data:${type}/stub;base64,${mediaId}`;

function build(family: Family, input: Partial<ChatRequestInput>) {
  const request = chatRequestSchema.parse({ backend: "b", messages: [{ role: "user", content: "Hi" }], ...input });
  return buildChatRequest({ family, model: "m", request, resolveMedia });
}

const image = (id = "img"): ContentPart => ({ type: "image", mediaId: id });
const video = (id = "vid"): ContentPart => ({ type: "video", mediaId: id });
const text = (value: string): ContentPart => ({ type: "text", text: value });
const userWith = (...parts: ContentPart[]) => [{ role: "user" as const, content: parts }];

describe("buildChatRequest: media kwargs", () => {
  it("fewer-wins families may send fps and num_frames together", () => {
    const body = build("cosmos-reason2", { messages: userWith(video(), text("What?")), media: { fps: 4, num_frames: 16 } });
    expect(body.media_io_kwargs).toEqual({ video: { fps: 4, num_frames: 16 } });
  });

  it("nemotron-vl sends num_frames alone", () => {
    expect(build("nemotron-vl", { messages: userWith(video()), media: { num_frames: 32 } }).media_io_kwargs).toEqual({
      video: { num_frames: 32 },
    });
  });

  it("media_io_kwargs only when the conversation has a video (an earlier turn counts)", () => {
    expect("media_io_kwargs" in build("cosmos-reason2", { messages: userWith(image()), media: { fps: 2 } })).toBe(false);
    const messages = [
      { role: "user" as const, content: [video()] },
      { role: "assistant" as const, content: "A" },
      { role: "user" as const, content: "More?" },
    ];
    expect(build("cosmos-reason2", { messages, media: { fps: 2 } }).media_io_kwargs).toEqual({ video: { fps: 2 } });
  });

  it("edges families always send size with both edges, the missing one the family default", () => {
    const both = build("cosmos3-reasoner", { messages: userWith(image()), media: { shortest_edge: 1568, longest_edge: 262144 } });
    expect(both.mm_processor_kwargs).toEqual({ size: { shortest_edge: 1568, longest_edge: 262144 } });
    const longest = build("cosmos-reason2", { messages: userWith(video()), media: { longest_edge: 500000 } });
    expect(longest.mm_processor_kwargs).toEqual({ size: { shortest_edge: 3136, longest_edge: 500000 } });
    const shortest = build("cosmos-reason2", { messages: userWith(video()), media: { shortest_edge: 1568 } });
    expect(shortest.mm_processor_kwargs).toEqual({ size: { shortest_edge: 1568, longest_edge: 12845056 } });
  });

  it("cosmos-reason1 sends the pixel bounds as Qwen2.5-VL's min_pixels and max_pixels, both", () => {
    const one = build("cosmos-reason1", { messages: userWith(video()), media: { longest_edge: 602112 } });
    expect(one.mm_processor_kwargs).toEqual({ min_pixels: 3136, max_pixels: 602112 });
    expect("mm_processor_kwargs" in build("cosmos-reason1", { messages: userWith(image()) })).toBe(false);
  });

  it("tiles family sends max_num_tiles with images, and never with a video", () => {
    expect(build("nemotron-vl", { messages: userWith(image()), media: { max_num_tiles: 6 } }).mm_processor_kwargs).toEqual({
      max_num_tiles: 6,
    });
    expect("mm_processor_kwargs" in build("nemotron-vl", { messages: userWith(video()), media: { max_num_tiles: 6 } })).toBe(false);
    const earlierVideo = [
      { role: "user" as const, content: [video()] },
      { role: "assistant" as const, content: "A" },
      { role: "user" as const, content: [image()] },
    ];
    expect("mm_processor_kwargs" in build("nemotron-vl", { messages: earlierVideo, media: { max_num_tiles: 6 } })).toBe(false);
  });

  it("max_num_tiles takes 1 to 12", () => {
    expect(
      chatRequestSchema.safeParse({ backend: "b", messages: [{ role: "user", content: "Hi" }], media: { max_num_tiles: 13 } }).success,
    ).toBe(false);
    expect(build("nemotron-vl", { messages: userWith(image()), media: { max_num_tiles: 12 } }).mm_processor_kwargs).toEqual({
      max_num_tiles: 12,
    });
  });

  it("no mm_processor_kwargs without an image or video, or without size params", () => {
    expect("mm_processor_kwargs" in build("cosmos-reason2", { media: { shortest_edge: 3136 } })).toBe(false);
    expect("mm_processor_kwargs" in build("cosmos-reason2", { messages: userWith(image()), media: { fps: 4 } })).toBe(false);
  });
});
