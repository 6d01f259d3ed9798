import { describe, expect, it } from "vitest";

import type { Family } from "@/lib/backends/families";
import { checkFamilyRules } from "@/lib/simulator/family-rules";
import { SimulatorHttpError } from "@/lib/simulator/http";
import { parseChatRequest } from "@/lib/simulator/request";

const image = { type: "image_url", image_url: { url: "https://example.com/a.png" } };
const video = { type: "video_url", video_url: { url: "https://example.com/a.mp4" } };
const user = (...parts: object[]) => ({ role: "user", content: [...parts, { type: "text", text: "What is it?" }] });

function check(family: Family, body: Record<string, unknown>) {
  return checkFamilyRules(family, parseChatRequest({ model: "m", ...body }, "m"));
}

function refusal(run: () => unknown): {
  status: number;
  body: { error: { message: string; type: string; param: string | null; code: number } };
} {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SimulatorHttpError);
    const failure = error as SimulatorHttpError;
    return { status: failure.status, body: failure.toBody() as never };
  }
  throw new Error("expected a refusal");
}

describe("per-prompt media limits, counted over every message", () => {
  it("refuses an earlier video plus a new one, in vLLM's words", () => {
    const messages = [user(video), { role: "assistant", content: "A car." }, user(video)];
    expect(refusal(() => check("cosmos-reason2", { messages }))).toEqual({
      status: 400,
      body: { error: { message: "At most 1 video(s) may be provided in one prompt.", type: "BadRequestError", param: null, code: 400 } },
    });
    const images = [user(image, image, image), { role: "assistant", content: "Three." }, user(image, image)];
    expect(refusal(() => check("nemotron-vl", { messages: images })).body.error.message).toBe(
      "At most 4 image(s) may be provided in one prompt.",
    );
    expect(check("cosmos3-reasoner", { messages: [user(image, image, image), user(image, image, video)] })).toEqual({});
  });
});

describe("Qwen size keys", () => {
  it("needs both edges of size, and both of min_pixels / max_pixels", () => {
    const messages = [user(video)];
    const oneKey = refusal(() => check("cosmos-reason2", { messages, mm_processor_kwargs: { size: { shortest_edge: 1568 } } }));
    expect(oneKey).toMatchObject({
      status: 400,
      body: { error: { message: "size must contain 'shortest_edge' and 'longest_edge' keys.", type: "BadRequestError" } },
    });
    expect(check("cosmos-reason2", { messages, mm_processor_kwargs: { size: { shortest_edge: 1568, longest_edge: 262144 } } })).toEqual({
      shortest_edge: 1568,
      longest_edge: 262144,
    });
    expect(refusal(() => check("cosmos-reason1", { messages, mm_processor_kwargs: { max_pixels: 602112 } })).status).toBe(400);
    expect(check("cosmos-reason1", { messages, mm_processor_kwargs: { min_pixels: 3136, max_pixels: 602112 } })).toEqual({
      shortest_edge: 3136,
      longest_edge: 602112,
    });
    expect(check("cosmos3-reasoner", { messages, mm_processor_kwargs: { fps: 4, do_sample_frames: true } })).toEqual({});
  });
});

describe("Nemotron", () => {
  it("takes 1 to 12 tiles, and 1 or none beside a video", () => {
    expect(check("nemotron-vl", { messages: [user(image)], mm_processor_kwargs: { max_num_tiles: 12 } })).toEqual({ max_num_tiles: 12 });
    expect(
      refusal(() => check("nemotron-vl", { messages: [user(image)], mm_processor_kwargs: { max_num_tiles: 13 } })).body.error.message,
    ).toMatch(/from 1 to 12, got 13/);
    expect(refusal(() => check("nemotron-vl", { messages: [user(image)], mm_processor_kwargs: { max_num_tiles: 0 } })).status).toBe(400);
    expect(
      refusal(() => check("nemotron-vl", { messages: [user(video)], mm_processor_kwargs: { max_num_tiles: 6 } })).body.error.message,
    ).toMatch(/must be 1 \(or left out\) with a video/);
    expect(check("nemotron-vl", { messages: [user(video)], mm_processor_kwargs: { max_num_tiles: 1 } })).toEqual({ max_num_tiles: 1 });
  });

  it("refuses fps with num_frames, and /think with a video", () => {
    const both = { messages: [user(video)], media_io_kwargs: { video: { fps: 3, num_frames: 16 } } };
    expect(refusal(() => check("nemotron-vl", both)).status).toBe(400);
    expect(check("cosmos-reason2", both)).toEqual({});
    const think = { messages: [{ role: "system", content: "/think" }, user(video)] };
    expect(refusal(() => check("nemotron-vl", think)).status).toBe(400);
    expect(check("nemotron-vl", { messages: [{ role: "system", content: "/think" }, user(image)] })).toEqual({});
  });
});

describe("vLLM request validation", () => {
  it("refuses stream_options without stream: true, naming the field", () => {
    const messages = [{ role: "user", content: "Hi" }];
    const failure = refusal(() => parseChatRequest({ messages, stream_options: { include_usage: true } }, "m"));
    expect(failure).toMatchObject({ status: 400, body: { error: { type: "Bad Request", param: "stream_options", code: 400 } } });
    expect(failure.body.error.message).toContain("Stream options can only be defined when `stream=True`.");
    expect(parseChatRequest({ messages, stream: true, stream_options: { include_usage: true } }, "m").includeUsage).toBe(true);
  });

  it("refuses media_io_kwargs not keyed by modality", () => {
    const failure = refusal(() => parseChatRequest({ messages: [user(video)], media_io_kwargs: { fps: 4 } }, "m"));
    expect(failure).toMatchObject({ status: 400, body: { error: { type: "Bad Request", param: null } } });
    expect(failure.body.error.message).toContain("media_io_kwargs.fps");
  });

  it("refuses tool_choice without tools, and takes tools alone or tool_choice none", () => {
    const messages = [{ role: "user", content: "Hi" }];
    const failure = refusal(() => parseChatRequest({ messages, tool_choice: "auto" }, "m"));
    expect(failure).toMatchObject({ status: 400, body: { error: { type: "Bad Request", param: "tool_choice" } } });
    expect(failure.body.error.message).toContain("When using `tool_choice`, `tools` must be set.");
    expect(refusal(() => parseChatRequest({ messages, tools: [], tool_choice: "auto" }, "m")).status).toBe(400);
    const tools = [{ type: "function", function: { name: "f", parameters: {} } }];
    expect(parseChatRequest({ messages, tools, tool_choice: "auto" }, "m").messages).toHaveLength(1);
    expect(parseChatRequest({ messages, tool_choice: "none" }, "m").messages).toHaveLength(1);
  });
});
