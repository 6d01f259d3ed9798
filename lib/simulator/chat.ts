import { randomUUID } from "node:crypto";

import type { VideoSampling as EstimateSampling } from "@/lib/media/tokens";
import { composeAnswer, type AnswerOptions } from "@/lib/simulator/answers";
import type { SimulatedModel } from "@/lib/simulator/models";
import { analyzePrompt, type ThinkFormat } from "@/lib/simulator/prompts";
import { createRandom, hashToSeed } from "@/lib/simulator/random";
import { composeReasoning } from "@/lib/simulator/reasoning";
import type { SimulatedChatRequest } from "@/lib/simulator/request";
import { estimatePromptTokens, tokenize } from "@/lib/simulator/tokens";
import { planToolUse, type SimulatedToolCall } from "@/lib/simulator/tool-calls";
import { voiceOf } from "@/lib/simulator/voices";

// Composes the whole reply of a simulated model for one request, before any streaming, so the
// streamed and the non-streamed answer are the same bytes.

export type FinishReason = "stop" | "length" | "tool_calls";

/** A call as streamed: its arguments JSON text split into tokens (cut short by max_tokens, it stays cut). */
export interface GeneratedToolCall extends SimulatedToolCall {
  tokens: string[];
}

export interface Generation {
  id: string;
  /** The completion text, already cut by `stop` and `max_tokens`. */
  text: string;
  /** The completion split into tokens (their concatenation is `text`). */
  tokens: string[];
  finishReason: FinishReason;
  /** Calls after the text, when the request had tools and the model chose to call them. */
  toolCalls: GeneratedToolCall[];
  promptTokens: number;
  /** Drives chunk boundaries, separately from the wording so both stay stable. */
  chunkSeed: number;
}

function formatReply(format: ThinkFormat, reasoning: string, answer: string): string {
  switch (format) {
    case "none":
      return answer;
    case "think-answer":
      return `<think>\n${reasoning}\n</think>\n\n<answer>\n${answer}\n</answer>`;
    case "think-bare":
      return `<think>\n${reasoning}\n</think>\n\n${answer}`;
  }
}

function composeReply(model: SimulatedModel, request: SimulatedChatRequest, fingerprint: number, options: AnswerOptions = {}): string {
  const analysis = analyzePrompt(model.family, request.messages);
  const rng = createRandom(fingerprint);
  const answer = composeAnswer(analysis, rng, { ...options, model, processorKwargs: request.processorKwargs });
  if (analysis.thinkFormat === "none") return answer.text;
  return formatReply(analysis.thinkFormat, composeReasoning(analysis, answer.facts, rng, voiceOf(model).detail), answer.text);
}

/**
 * What sampling adds to the wording: greedy decoding (temperature 0) ignores the seed, as vLLM
 * does; otherwise the seed and the temperature count, and without a seed every request draws anew.
 */
function samplingKey(request: SimulatedChatRequest): string {
  if (request.temperature === 0) return "greedy";
  return `${request.seed ?? randomUUID()}:${request.temperature ?? 1}`;
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
  return {
    ...(video?.fps === undefined ? {} : { fps: video.fps }),
    ...(video?.numFrames === undefined ? {} : { num_frames: video.numFrames }),
  };
}

/** The reply when tools are in play: reasoning (when asked for) then the calls, or an answer from their results. */
function composeToolReply(
  model: SimulatedModel,
  request: SimulatedChatRequest,
  fingerprint: number,
): { text: string; calls: SimulatedToolCall[]; named: boolean } | null {
  const plan = planToolUse(model.family, request, createRandom(hashToSeed("tools", String(fingerprint))));
  if (!plan) return null;
  const format = analyzePrompt(model.family, request.messages).thinkFormat;
  if (plan.kind === "answer") return { text: formatReply(format, plan.reasoning, plan.text), calls: [], named: false };
  // The text before a call is the reasoning alone (`<think>…</think>`), as Nemotron streams it.
  const text = format === "none" ? "" : `<think>\n${plan.reasoning}\n</think>\n\n`;
  return { text, calls: plan.calls, named: plan.named };
}

export function generateReply(model: SimulatedModel, request: SimulatedChatRequest, options: AnswerOptions = {}): Generation {
  const fingerprint = hashToSeed(
    model.slug,
    samplingKey(request),
    JSON.stringify(request.messages, withoutInlineMedia),
    JSON.stringify(request.tools),
    options.media?.digest ?? "",
  );
  const chunkSeed = hashToSeed("chunks", String(fingerprint));
  const tooling = composeToolReply(model, request, fingerprint);
  const full = cutAtStop(
    tooling?.text ?? composeReply(model, request, fingerprint, { ...options, maxTokens: request.maxTokens }),
    request.stop,
  );
  const rng = createRandom(chunkSeed);
  let tokens = tokenize(full, rng);
  const toolCalls = (tooling?.calls ?? []).map((call) => ({ ...call, tokens: tokenize(call.arguments, rng) }));
  // A named tool_choice ends with "stop", auto and required with "tool_calls" (vLLM serving.py).
  let finishReason: FinishReason = toolCalls.length === 0 || tooling?.named ? "stop" : "tool_calls";
  let budget = request.maxTokens ?? Number.POSITIVE_INFINITY;
  if (tokens.length > budget) {
    tokens = tokens.slice(0, budget);
    finishReason = "length";
  }
  budget -= tokens.length;
  const kept: GeneratedToolCall[] = [];
  for (const call of toolCalls) {
    if (budget <= 0) {
      finishReason = "length";
      break;
    }
    if (call.tokens.length > budget) {
      call.tokens = call.tokens.slice(0, budget);
      call.arguments = call.tokens.join("");
      finishReason = "length";
    }
    budget -= call.tokens.length;
    kept.push(call);
  }
  return {
    id: `chatcmpl-${fingerprint.toString(16).padStart(8, "0")}${chunkSeed.toString(16).padStart(8, "0")}`,
    text: tokens.join(""),
    tokens,
    finishReason,
    toolCalls: kept,
    promptTokens: estimatePromptTokens(model.family, request.messages, options.media?.items, { ...options.sizes, ...samplingOf(request) }),
    chunkSeed,
  };
}
