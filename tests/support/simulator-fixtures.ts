import { REASONING_PROMPT_SUFFIX } from "@/lib/backends/families";
import type { ChatMessage, SimulatedChatRequest } from "@/lib/simulator/request";
import { makeMp4, makePng } from "@/tests/support/media-fixtures";

// Prompts from the vendor templates (seeds), shared by the simulator's tests.

export const CRITIC_PROMPT = `Approve or reject this generated video for inclusion in a dataset for physical world model AI training. It must perfectly adhere to physics, object permanence, and have no anomalies. Any issue or concern causes rejection.
Answer the question using the following format:
<think>
Your reasoning.
</think>
Write your final answer immediately after the </think> tag. Answer with Approve or Reject only.`;

export const TRAJECTORY_PROMPT = `You are given the task "Move the left bottle to far right". Specify the 2D trajectory your end effector should follow in pixel space. Return the trajectory coordinates in JSON format like this: {"point_2d": [x, y], "label": "gripper trajectory"}.
Answer the question using the following format:
<think>
Your reasoning.
</think>
Write your final answer immediately after the </think> tag.`;

export const GROUNDING_PROMPT = "Locate the red cup and output its bounding box in JSON.";
export const TEMPORAL_PROMPT = "List the notable events with approximate timestamps.";

export const withReasoning = (text: string): string => `${text}\n${REASONING_PROMPT_SUFFIX}`;

export const dataUrl = (mime: string, bytes: Uint8Array): string => `data:${mime};base64,${Buffer.from(bytes).toString("base64")}`;

/** A real 64×48 PNG and a 3 s, 30 fps, 320×240 H.264 MP4, small enough to inline in every test. */
export const image = { type: "image_url", image_url: { url: dataUrl("image/png", makePng(64, 48)) } };
export const video = {
  type: "video_url",
  video_url: { url: dataUrl("video/mp4", makeMp4({ width: 320, height: 240, fps: 30, frames: 90 })) },
};

export function userMessage(text: string, media: object[] = []): ChatMessage {
  return { role: "user", content: [...media, { type: "text", text }] as ChatMessage["content"] };
}

export function chatRequest(messages: ChatMessage[], overrides: Partial<SimulatedChatRequest> = {}): SimulatedChatRequest {
  return {
    model: "nvidia/cosmos-reason2-8b",
    messages,
    stream: false,
    includeUsage: false,
    maxTokens: null,
    seed: "0",
    temperature: null,
    stop: [],
    processorKwargs: {},
    tools: [],
    toolChoice: "none",
    parallelToolCalls: true,
    ...overrides,
  };
}

/** The JSON list inside a ```json fence of an answer. */
export function fencedJson(text: string): unknown {
  const match = /```json\n([\s\S]*?)\n```/.exec(text);
  if (!match?.[1]) throw new Error(`No JSON fence in: ${text}`);
  return JSON.parse(match[1]) as unknown;
}
