import type { ChatMessage, ChatRequest, ContentPart, MediaParams } from "@/lib/chat/schema";
import { PlaygroundError } from "@/lib/core/errors";
import { FAMILY_INFO, REASONING_PROMPT_SUFFIX, type Family, type FamilyInfo, type SamplingParams } from "@/lib/backends/families";

// Builds the upstream chat-completions body for one model family (docs/nim-protocols.md,
// "Model families and their switches"). Pure: media are resolved through the caller's resolver.

export type MediaResolver = (part: { type: "image" | "video"; mediaId: string }) => string;

export type UpstreamContentPart =
  | { type: "text"; text: string }
  | { type: "image_url"; image_url: { url: string } }
  | { type: "video_url"; video_url: { url: string } };

export interface UpstreamMessage {
  role: "system" | "user" | "assistant";
  content: string | UpstreamContentPart[];
}

export interface UpstreamChatBody extends Omit<SamplingParams, "stop"> {
  model: string;
  messages: UpstreamMessage[];
  stream: true;
  stream_options: { include_usage: true };
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
  const counts = request.messages.map(countMedia);
  const hasVideo = counts.some((count) => count.videos > 0);
  const hasImage = counts.some((count) => count.images > 0);
  const lastUser = lastUserIndex(request.messages);

  if (request.reasoning && hasVideo && !info.reasoningWithVideo) {
    refuse(`${info.label} does not support reasoning with video input — turn reasoning off or remove the video.`);
  }
  const lastCount = counts[lastUser];
  if (lastCount) checkMediaCount(info, lastCount);
  checkMediaParams(info, request.media);

  let messages = request.messages.map((message, index) => toUpstreamMessage(message, index, resolveMedia));
  if (request.reasoning && info.reasoningSwitch === "prompt-suffix" && lastUser >= 0) {
    messages = messages.map((message, index) => (index === lastUser ? withPromptSuffix(message) : message));
  }
  if (info.reasoningSwitch === "system-think") messages = withSystemSwitch(messages, request.reasoning);

  const body: UpstreamChatBody = {
    model,
    messages,
    stream: true,
    stream_options: { include_usage: true },
    ...sampling(info, request),
  };
  const video = videoKwargs(request.media);
  if (hasVideo && video) body.media_io_kwargs = { video };
  const processor = processorKwargs(info, request.media);
  if ((hasVideo || hasImage) && processor) body.mm_processor_kwargs = processor;
  return body;
}

function refuse(message: string): never {
  throw new PlaygroundError("unsupported_combination", message);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

interface MediaCount {
  images: number;
  videos: number;
}

function countMedia(message: ChatMessage): MediaCount {
  const count: MediaCount = { images: 0, videos: 0 };
  if (typeof message.content === "string") return count;
  for (const part of message.content) {
    if (part.type === "image" || part.type === "image_url") count.images += 1;
    if (part.type === "video" || part.type === "video_url") count.videos += 1;
  }
  return count;
}

function lastUserIndex(messages: ChatMessage[]): number {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    if (messages[index]?.role === "user") return index;
  }
  return -1;
}

function checkMediaCount(info: FamilyInfo, count: MediaCount): void {
  if (count.images > info.maxImages) {
    refuse(`${info.label} takes at most ${plural(info.maxImages, "image")} per message; this one has ${count.images}. Remove some images.`);
  }
  if (count.videos > info.maxVideos) {
    refuse(`${info.label} takes at most ${plural(info.maxVideos, "video")} per message; this one has ${count.videos}. Remove some videos.`);
  }
}

function checkMediaParams(info: FamilyInfo, media: MediaParams): void {
  const { fps, num_frames, shortest_edge, longest_edge, max_num_tiles } = media;
  if (fps !== undefined && num_frames !== undefined && info.videoSampling === "exclusive") {
    refuse(`${info.label} takes either fps or num_frames, not both — clear one of them.`);
  }
  if (num_frames !== undefined && info.maxFrames !== undefined && num_frames > info.maxFrames) {
    refuse(`${info.label} samples at most ${info.maxFrames} frames per video — set num_frames to ${info.maxFrames} or less.`);
  }
  const sizeHint = info.sizeParams === "edges" ? "set shortest_edge / longest_edge instead" : info.sizeParams === "tiles" ? "set max_num_tiles instead" : "clear it";
  if (max_num_tiles !== undefined && info.sizeParams !== "tiles") {
    refuse(`${info.label} does not take max_num_tiles — ${sizeHint}.`);
  }
  if ((shortest_edge !== undefined || longest_edge !== undefined) && info.sizeParams !== "edges") {
    refuse(`${info.label} does not take shortest_edge / longest_edge — ${sizeHint}.`);
  }
  if (shortest_edge !== undefined && longest_edge !== undefined && shortest_edge > longest_edge) {
    refuse(`shortest_edge (${shortest_edge}) is larger than longest_edge (${longest_edge}) — lower shortest_edge or raise longest_edge.`);
  }
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
  if (typeof message.content === "string") return { role: message.role, content: message.content };
  if (message.role === "assistant") {
    // Upstream servers take only text from earlier assistant turns.
    const texts = message.content.map((part) => (part.type === "text" ? part.text : null));
    if (texts.includes(null)) {
      throw new PlaygroundError("bad_request", `Message ${index + 1} is an assistant turn with an image or video; earlier answers can only be text.`);
    }
    return { role: "assistant", content: texts.join("\n") };
  }
  return { role: message.role, content: message.content.map((part) => toUpstreamPart(part, resolveMedia)) };
}

// The vendors' critic and trajectory templates carry their own think format ("Write your final
// answer immediately after the </think> tag"); a second, different instruction confuses the model.
const OWN_FORMAT = /answer the question (?:in|using) the following format|<think>[\s\S]*<\/think>/i;

function appendSuffix(text: string): string {
  return OWN_FORMAT.test(text) ? text : `${text}\n${REASONING_PROMPT_SUFFIX}`;
}

function withPromptSuffix(message: UpstreamMessage): UpstreamMessage {
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
    const parts = [...message.content];
    const first = parts[0];
    if (first?.type === "text") parts[0] = { type: "text", text: prependSwitch(first.text, line) };
    else parts.unshift({ type: "text", text: line });
    return { ...message, content: parts };
  });
}

function sampling(info: FamilyInfo, request: ChatRequest) {
  const preset = info.presets[request.reasoning ? "reasoning" : "plain"];
  const params = request.params;
  const seed = params.seed ?? preset.seed;
  const stop = params.stop ?? preset.stop;
  return {
    temperature: params.temperature ?? preset.temperature,
    top_p: params.top_p ?? preset.top_p,
    top_k: params.top_k ?? preset.top_k,
    max_tokens: params.max_tokens ?? preset.max_tokens,
    ...(seed === undefined ? {} : { seed }),
    repetition_penalty: params.repetition_penalty ?? preset.repetition_penalty,
    presence_penalty: params.presence_penalty ?? preset.presence_penalty,
    frequency_penalty: params.frequency_penalty ?? preset.frequency_penalty,
    ...(stop.length > 0 ? { stop: [...stop] } : {}),
  };
}

function videoKwargs(media: MediaParams): { fps?: number; num_frames?: number } | null {
  if (media.fps === undefined && media.num_frames === undefined) return null;
  return {
    ...(media.fps === undefined ? {} : { fps: media.fps }),
    ...(media.num_frames === undefined ? {} : { num_frames: media.num_frames }),
  };
}

function processorKwargs(info: FamilyInfo, media: MediaParams): Record<string, unknown> | null {
  if (info.sizeParams === "tiles" && media.max_num_tiles !== undefined) return { max_num_tiles: media.max_num_tiles };
  if (info.sizeParams !== "edges") return null;
  if (media.shortest_edge === undefined && media.longest_edge === undefined) return null;
  return {
    size: {
      ...(media.shortest_edge === undefined ? {} : { shortest_edge: media.shortest_edge }),
      ...(media.longest_edge === undefined ? {} : { longest_edge: media.longest_edge }),
    },
  };
}
