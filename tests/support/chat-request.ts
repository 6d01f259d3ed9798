import { expect } from "vitest";

import { REASONING_PROMPT_SUFFIX, type Family } from "@/lib/backends/families";
import { buildChatRequest, type MediaResolver } from "@/lib/chat/request";
import { chatRequestSchema, type ChatRequestInput, type ContentPart } from "@/lib/chat/schema";
import { PlaygroundError } from "@/lib/core/errors";

// What the chat request tests share: a built request per family, a refusal, and message parts.

export const resolveMedia: MediaResolver = ({ type, mediaId }) => `data:${type}/stub;base64,${mediaId}`;
export const SUFFIXED = (text: string) => `${text}\n${REASONING_PROMPT_SUFFIX}`;

export function build(family: Family, input: Partial<ChatRequestInput>, resolver: MediaResolver = resolveMedia) {
  const request = chatRequestSchema.parse({ backend: "b", messages: [{ role: "user", content: "Hi" }], ...input });
  return buildChatRequest({ family, model: "m", request, resolveMedia: resolver });
}

export function refusal(family: Family, input: Partial<ChatRequestInput>): PlaygroundError {
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

export const image = (id = "img"): ContentPart => ({ type: "image", mediaId: id });
export const video = (id = "vid"): ContentPart => ({ type: "video", mediaId: id });
export const text = (value: string): ContentPart => ({ type: "text", text: value });
export const userWith = (...parts: ContentPart[]) => [{ role: "user" as const, content: parts }];
