import type { VideoSampling as EstimateSampling } from "@/lib/media/tokens";
import type { SimulatedModel } from "@/lib/simulator/models";
import { composeAnswer, type AnswerOptions } from "@/lib/simulator/answers";
import { analyzePrompt, type ThinkFormat } from "@/lib/simulator/prompts";
import { createRandom, hashToSeed } from "@/lib/simulator/random";
import { composeReasoning } from "@/lib/simulator/reasoning";
import type { SimulatedChatRequest } from "@/lib/simulator/request";
import { estimatePromptTokens, tokenize } from "@/lib/simulator/tokens";

// Composes the whole reply of a simulated model for one request, before any streaming, so the
// streamed and the non-streamed answer are the same bytes.

export type FinishReason = "stop" | "length";

export interface Generation {
  id: string;
  /** The completion text, already cut by `stop` and `max_tokens`. */
  text: string;
  /** The completion split into tokens (their concatenation is `text`). */
  tokens: string[];
  finishReason: FinishReason;
  promptTokens: number;
  /** Drives chunk boundaries, separately from the wording so both stay stable. */
  chunkSeed: number;
}

export function formatReply(format: ThinkFormat, reasoning: string, answer: string): string {
  switch (format) {
    case "none":
      return answer;
    case "think-answer":
      return `<think>\n${reasoning}\n</think>\n\n<answer>\n${answer}\n</answer>`;
    case "think-bare":
      return `<think>\n${reasoning}\n</think>\n\n${answer}`;
  }
}

export function composeReply(model: SimulatedModel, request: SimulatedChatRequest, fingerprint: number, options: AnswerOptions = {}): string {
  const analysis = analyzePrompt(model.family, request.messages);
  const rng = createRandom(fingerprint);
  const answer = composeAnswer(analysis, rng, options);
  if (analysis.thinkFormat === "none") return answer.text;
  return formatReply(analysis.thinkFormat, composeReasoning(analysis, answer.facts, rng), answer.text);
}

// Inline media can be tens of MB of base64: they enter the seed through the digest of their
// decoded bytes (when read) instead of being copied into one more giant string.
const INLINE_MEDIA_MIN_CHARS = 1024;
const withoutInlineMedia = (_key: string, value: unknown): unknown =>
  typeof value === "string" && value.length >= INLINE_MEDIA_MIN_CHARS && value.startsWith("data:") ? `data:(${value.length} chars)` : value;

function cutAtStop(text: string, stop: readonly string[]): string {
  const positions = stop.map((sequence) => text.indexOf(sequence)).filter((index) => index >= 0);
  return positions.length > 0 ? text.slice(0, Math.min(...positions)) : text;
}

function samplingOf(request: SimulatedChatRequest): EstimateSampling {
  const video = request.videoSampling;
  return { ...(video?.fps === undefined ? {} : { fps: video.fps }), ...(video?.numFrames === undefined ? {} : { num_frames: video.numFrames }) };
}

export function generateReply(model: SimulatedModel, request: SimulatedChatRequest, options: AnswerOptions = {}): Generation {
  const fingerprint = hashToSeed(request.seed, JSON.stringify(request.messages, withoutInlineMedia), options.media?.digest ?? "");
  const chunkSeed = hashToSeed("chunks", String(fingerprint));
  const full = cutAtStop(composeReply(model, request, fingerprint, { ...options, maxTokens: request.maxTokens }), request.stop);
  let tokens = tokenize(full, createRandom(chunkSeed));
  let finishReason: FinishReason = "stop";
  if (request.maxTokens !== null && tokens.length > request.maxTokens) {
    tokens = tokens.slice(0, request.maxTokens);
    finishReason = "length";
  }
  return {
    id: `chatcmpl-${fingerprint.toString(16).padStart(8, "0")}${chunkSeed.toString(16).padStart(8, "0")}`,
    text: tokens.join(""),
    tokens,
    finishReason,
    promptTokens: estimatePromptTokens(model.family, request.messages, options.media?.items, { ...options.sizes, ...samplingOf(request) }),
    chunkSeed,
  };
}
