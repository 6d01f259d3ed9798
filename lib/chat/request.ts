import {
  FAMILY_INFO,
  REASON1_ENGLISH_SYSTEM_PROMPT,
  REASON1_REASONING_SYSTEM_PROMPT,
  REASONING_PROMPT_SUFFIX,
  type Family,
  type FamilyInfo,
  type SamplingParams,
} from "@/lib/backends/families";
import { fitMediaToPrompt } from "@/lib/chat/prompt-media";
import { checkMediaParams, processorKwargs, videoKwargs, type PromptMedia } from "@/lib/chat/request-media";
import { toolFields, type ToolFields } from "@/lib/chat/request-tools";
import type { ChatMessage, ChatRequest, ContentPart } from "@/lib/chat/schema";
import { toUpstreamToolCall, type UpstreamToolCall } from "@/lib/chat/tools";
import { PlaygroundError } from "@/lib/core/errors";

// Builds the upstream chat-completions body for one model family (docs/nim-protocols.md,
// "Model families and their switches"). Pure: media are resolved through the caller's resolver.

export type MediaResolver = (part: { type: "image" | "video"; mediaId: string }) => string;

export type UpstreamContentPart =
  { type: "text"; text: string } | { type: "image_url"; image_url: { url: string } } | { type: "video_url"; video_url: { url: string } };

export interface UpstreamMessage {
  role: "system" | "user" | "assistant" | "tool";
  /** null only on an assistant message that made tool calls and said nothing else. */
  content: string | UpstreamContentPart[] | null;
  tool_calls?: UpstreamToolCall[];
  tool_call_id?: string;
}

export interface UpstreamChatBody extends Omit<SamplingParams, "stop" | "top_k" | "repetition_penalty">, ToolFields {
  model: string;
  messages: UpstreamMessage[];
  stream: true;
  stream_options: { include_usage: true };
  top_k?: number;
  repetition_penalty?: number;
  stop?: string[];
  media_io_kwargs?: { video: { fps?: number; num_frames?: number } };
  mm_processor_kwargs?: Record<string, unknown>;
}

export function buildChatRequest(input: {
  family: Family;
  model: string;
  request: ChatRequest;
  resolveMedia: MediaResolver;
}): UpstreamChatBody {
  const { family, model, request, resolveMedia } = input;
  const info = FAMILY_INFO[family];
  // Earlier media over the per-prompt limits are left out first, so the checks see what is sent.
  const fitted = fitMediaToPrompt(family, request.messages).messages;
  const prompt = promptMedia(fitted);
  const lastUser = lastUserIndex(fitted);

  if (request.reasoning && prompt.hasVideo && !info.reasoningWithVideo) {
    refuse(`${info.label} does not support reasoning with video input — turn reasoning off or remove the video.`);
  }
  checkMediaParams(info, request.media);

  let messages = fitted.map((message, index) => toUpstreamMessage(message, index, resolveMedia));
  if (request.reasoning && info.reasoningSwitch === "prompt-suffix" && lastUser >= 0) {
    messages = messages.map((message, index) => (index === lastUser ? withPromptSuffix(message) : message));
  }
  if (info.reasoningSwitch === "system-think") messages = withSystemSwitch(messages, request.reasoning);
  if (request.reasoning && info.reasoningSwitch === "system-prompt") messages = withReasoningSystemPrompt(messages, lastUser);

  const body: UpstreamChatBody = {
    model,
    messages,
    stream: true,
    stream_options: { include_usage: true },
    ...sampling(info, request),
    ...toolFields(family, request),
  };
  const video = videoKwargs(request.media);
  if (prompt.hasVideo && video) body.media_io_kwargs = { video };
  const processor = processorKwargs(info, request.media, prompt);
  if (processor) body.mm_processor_kwargs = processor;
  return body;
}

function refuse(message: string): never {
  throw new PlaygroundError("unsupported_combination", message);
}

function promptMedia(messages: readonly ChatMessage[]): PromptMedia {
  const parts = messages.flatMap((message) => (typeof message.content === "string" ? [] : message.content));
  return {
    hasImage: parts.some((part) => part.type === "image" || part.type === "image_url"),
    hasVideo: parts.some((part) => part.type === "video" || part.type === "video_url"),
  };
}

function lastUserIndex(messages: ChatMessage[]): number {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    if (messages[index]?.role === "user") return index;
  }
  return -1;
}

function toUpstreamPart(part: ContentPart, resolveMedia: MediaResolver): UpstreamContentPart {
  switch (part.type) {
    case "text":
      return { type: "text", text: part.text };
    case "image_url":
      return { type: "image_url", image_url: { url: part.url } };
    case "video_url":
      return { type: "video_url", video_url: { url: part.url } };
    case "image":
      return { type: "image_url", image_url: { url: resolveMedia({ type: "image", mediaId: part.mediaId }) } };
    case "video":
      return { type: "video_url", video_url: { url: resolveMedia({ type: "video", mediaId: part.mediaId }) } };
  }
}

function toUpstreamMessage(message: ChatMessage, index: number, resolveMedia: MediaResolver): UpstreamMessage {
  // The schema holds a tool message to text with its call's id.
  if (message.role === "tool") return { role: "tool", tool_call_id: message.toolCallId ?? "", content: String(message.content) };
  if (message.role === "assistant" && message.toolCalls)
    return withToolCalls(toUpstreamMessage({ role: "assistant", content: message.content }, index, resolveMedia), message);
  if (typeof message.content === "string") return { role: message.role, content: message.content };
  if (message.role === "assistant") {
    // Upstream servers take only text from earlier assistant turns.
    const texts = message.content.map((part) => (part.type === "text" ? part.text : null));
    if (texts.includes(null)) {
      throw new PlaygroundError(
        "bad_request",
        `Message ${index + 1} is an assistant turn with an image or video; earlier answers can only be text.`,
      );
    }
    return { role: "assistant", content: texts.join("\n") };
  }
  return { role: message.role, content: message.content.map((part) => toUpstreamPart(part, resolveMedia)) };
}

/** The calls an assistant turn made; with no other text its content is null, as OpenAI's own history has it. */
function withToolCalls(message: UpstreamMessage, source: ChatMessage): UpstreamMessage {
  const text = typeof message.content === "string" ? message.content : textOf(message);
  return { role: "assistant", content: text.trim() === "" ? null : text, tool_calls: (source.toolCalls ?? []).map(toUpstreamToolCall) };
}

// The vendors' critic and trajectory templates carry their own think format ("Write your final
// answer immediately after the </think> tag"); a second, different instruction confuses the model.
const OWN_FORMAT = /answer the question (?:in|using) the following format|<think>[\s\S]*<\/think>/i;

function appendSuffix(text: string): string {
  return OWN_FORMAT.test(text) ? text : `${text}\n${REASONING_PROMPT_SUFFIX}`;
}

function withPromptSuffix(message: UpstreamMessage): UpstreamMessage {
  if (message.content === null) return message;
  if (typeof message.content === "string") return { ...message, content: appendSuffix(message.content) };
  const parts = [...message.content];
  const lastText = parts.map((part) => part.type).lastIndexOf("text");
  const part = parts[lastText];
  if (part?.type === "text") parts[lastText] = { type: "text", text: appendSuffix(part.text) };
  else parts.push({ type: "text", text: REASONING_PROMPT_SUFFIX });
  return { ...message, content: parts };
}

const SWITCH_LINE = /^\/(?:no_)?think[ \t]*(?:\r?\n|$)/;

function prependSwitch(text: string, line: string): string {
  const rest = text.replace(SWITCH_LINE, "");
  return rest ? `${line}\n${rest}` : line;
}

function withSystemSwitch(messages: UpstreamMessage[], reasoning: boolean): UpstreamMessage[] {
  const line = reasoning ? "/think" : "/no_think";
  const system = messages.findIndex((message) => message.role === "system");
  if (system < 0) return [{ role: "system", content: line }, ...messages];
  return messages.map((message, index) => {
    if (index !== system) return message;
    if (typeof message.content === "string") return { ...message, content: prependSwitch(message.content, line) };
    const parts = [...(message.content ?? [])];
    const first = parts[0];
    if (first?.type === "text") parts[0] = { type: "text", text: prependSwitch(first.text, line) };
    else parts.unshift({ type: "text", text: line });
    return { ...message, content: parts };
  });
}

function textOf(message: UpstreamMessage | undefined): string {
  if (!message || message.content === null) return "";
  if (typeof message.content === "string") return message.content;
  return message.content.flatMap((part) => (part.type === "text" ? [part.text] : [])).join("\n");
}

/**
 * Reason1's scripts reason through the system message: a line asking for English, the task's own
 * system prompt, then the format. Left alone when the system prompt or the question sets a format.
 */
function withReasoningSystemPrompt(messages: UpstreamMessage[], lastUser: number): UpstreamMessage[] {
  const system = messages.findIndex((message) => message.role === "system");
  const existing = system >= 0 ? textOf(messages[system]) : "";
  if (/<think>/i.test(existing) || OWN_FORMAT.test(textOf(messages[lastUser]))) return messages;
  const text = [REASON1_ENGLISH_SYSTEM_PROMPT, existing.trimEnd(), REASON1_REASONING_SYSTEM_PROMPT].filter(Boolean).join("\n\n");
  const current = messages[system];
  if (!current) return [{ role: "system", content: text }, ...messages];
  const content =
    typeof current.content === "string" || current.content === null
      ? text
      : [{ type: "text" as const, text }, ...current.content.filter((part) => part.type !== "text")];
  return messages.map((message, index) => (index === system ? { role: "system", content } : message));
}

function sampling(info: FamilyInfo, request: ChatRequest) {
  const preset = info.presets[request.reasoning ? "reasoning" : "plain"];
  const params = request.params;
  const seed = params.seed ?? preset.seed;
  const stop = params.stop ?? preset.stop;
  // vLLM's own fields: the generic family's preset has none, so there they go out only when set.
  const topK = params.top_k ?? preset.top_k;
  const repetition = params.repetition_penalty ?? preset.repetition_penalty;
  return {
    temperature: params.temperature ?? preset.temperature,
    top_p: params.top_p ?? preset.top_p,
    ...(topK === undefined ? {} : { top_k: topK }),
    max_tokens: params.max_tokens ?? preset.max_tokens,
    ...(seed === undefined ? {} : { seed }),
    ...(repetition === undefined ? {} : { repetition_penalty: repetition }),
    presence_penalty: params.presence_penalty ?? preset.presence_penalty,
    frequency_penalty: params.frequency_penalty ?? preset.frequency_penalty,
    ...(stop.length > 0 ? { stop: [...stop] } : {}),
  };
}
