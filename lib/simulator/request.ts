import { SimulatorHttpError, validationError } from "@/lib/simulator/http";
import { checkToolMessages, parseToolRequest, type ToolRequest } from "@/lib/simulator/tool-request";

// Validates a chat-completions body the way a vLLM server would, keeping only what the
// simulator needs. Unknown sampling fields are accepted and ignored, as vLLM does.

export interface ContentPart {
  type: string;
  text?: unknown;
  image_url?: unknown;
  video_url?: unknown;
  video_frames?: unknown;
}

/** `media_io_kwargs.video`: how the server samples each video. */
export interface VideoSampling {
  fps?: number;
  numFrames?: number;
}

export interface ChatMessage {
  role: string;
  content: string | ContentPart[] | null;
  /** An assistant message's calls: id and name, as the history sends them back. */
  toolCalls?: { id: string; name: string }[];
  /** A tool message: the call it answers. */
  toolCallId?: string;
}

function toolFieldsOf(value: Json): Pick<ChatMessage, "toolCalls" | "toolCallId"> {
  const calls = Array.isArray(value.tool_calls)
    ? value.tool_calls.flatMap((call) =>
        isObject(call) && typeof call.id === "string" && isObject(call.function) && typeof call.function.name === "string"
          ? [{ id: call.id, name: call.function.name }]
          : [],
      )
    : [];
  return {
    ...(calls.length > 0 ? { toolCalls: calls } : {}),
    ...(typeof value.tool_call_id === "string" ? { toolCallId: value.tool_call_id } : {}),
  };
}

export interface SimulatedChatRequest extends ToolRequest {
  model: string;
  messages: ChatMessage[];
  stream: boolean;
  includeUsage: boolean;
  maxTokens: number | null;
  /** The seed as the client sent it (int64 may exceed 2^53; only its text matters); null when absent. */
  seed: string | null;
  /** null when absent (vLLM then samples at 1.0); 0 is greedy decoding. */
  temperature: number | null;
  stop: string[];
  /** Absent when the request sets neither fps nor num_frames. */
  videoSampling?: VideoSampling;
  /** `mm_processor_kwargs` as sent; the model family reads it (family-rules.ts). */
  processorKwargs: Record<string, unknown>;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function bad(message: string): SimulatorHttpError {
  return new SimulatorHttpError(400, message);
}

function parseMessage(value: unknown, index: number): ChatMessage {
  if (!isObject(value) || typeof value.role !== "string") {
    throw bad(`messages[${index}] must be an object with a string 'role'.`);
  }
  const content = value.content ?? null;
  if (content === null || typeof content === "string") return { role: value.role, content, ...toolFieldsOf(value) };
  if (!Array.isArray(content)) throw bad(`messages[${index}].content must be a string or a list of parts.`);
  const parts = content.map((part, partIndex): ContentPart => {
    if (!isObject(part) || typeof part.type !== "string") {
      throw bad(`messages[${index}].content[${partIndex}] must be an object with a string 'type'.`);
    }
    return part as unknown as ContentPart;
  });
  return { role: value.role, content: parts };
}

function parseMaxTokens(body: Json): number | null {
  const value = body.max_completion_tokens ?? body.max_tokens;
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isInteger(value)) throw bad("max_tokens must be an integer.");
  if (value < 1) throw bad(`max_tokens must be at least 1, got ${value}.`);
  return value;
}

function parseStop(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === "string") return value ? [value] : [];
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) {
    return value.filter((item) => item.length > 0);
  }
  throw bad("stop must be a string or a list of strings.");
}

function requireOptionalObject(body: Json, field: string): void {
  const value = body[field];
  if (value !== undefined && value !== null && !isObject(value)) throw bad(`${field} must be an object.`);
}

/** vLLM declares media_io_kwargs as dict[str, dict[str, Any]]: keyed by modality, never `{"fps": 4}`. */
function checkMediaIoKwargs(body: Json): void {
  const media = isObject(body.media_io_kwargs) ? body.media_io_kwargs : {};
  for (const [key, value] of Object.entries(media)) {
    if (!isObject(value))
      throw validationError(
        `media_io_kwargs.${key}\n  Input should be a valid dictionary [type=dict_type, input_value=${JSON.stringify(value)}]`,
      );
  }
}

/** vLLM's check_tool_usage: a tool_choice other than "none" needs a non-empty tools list. */
function checkToolUsage(body: Json): void {
  const choice = body.tool_choice;
  if (choice === undefined || choice === null || choice === "none") return;
  if (!Array.isArray(body.tools) || body.tools.length === 0) {
    throw validationError("  Value error, When using `tool_choice`, `tools` must be set.", "tool_choice");
  }
}

function parseVideoSampling(body: Json): VideoSampling | undefined {
  const media = isObject(body.media_io_kwargs) ? body.media_io_kwargs : {};
  if (media.video === undefined || media.video === null) return undefined;
  if (!isObject(media.video)) throw bad("media_io_kwargs.video must be an object.");
  const { fps, num_frames: numFrames } = media.video;
  const sampling: VideoSampling = {};
  if (fps !== undefined && fps !== null) {
    if (typeof fps !== "number" || !(fps > 0))
      throw bad(`media_io_kwargs.video.fps must be a positive number, got ${JSON.stringify(fps)}.`);
    sampling.fps = fps;
  }
  if (numFrames !== undefined && numFrames !== null) {
    if (typeof numFrames !== "number" || !Number.isInteger(numFrames) || numFrames < 1) {
      throw bad(`media_io_kwargs.video.num_frames must be a positive integer, got ${JSON.stringify(numFrames)}.`);
    }
    sampling.numFrames = numFrames;
  }
  return sampling.fps === undefined && sampling.numFrames === undefined ? undefined : sampling;
}

export function parseChatRequest(body: unknown, servedModel: string): SimulatedChatRequest {
  if (!isObject(body)) throw bad("The request body must be a JSON object.");
  // Recent vLLM treats a missing model as the served one; a different name is a 404.
  const model = body.model ?? servedModel;
  if (typeof model !== "string" || model !== servedModel) {
    throw new SimulatorHttpError(404, `The model \`${String(model)}\` does not exist.`);
  }
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    throw bad("messages is required and must be a non-empty list.");
  }
  const messages = body.messages.map(parseMessage);
  if (body.stream !== undefined && body.stream !== null && typeof body.stream !== "boolean") {
    throw bad("stream must be a boolean.");
  }
  const seed = body.seed ?? null;
  if (seed !== null && (typeof seed !== "number" || !Number.isInteger(seed))) throw bad("seed must be an integer.");
  const temperature = body.temperature ?? null;
  if (temperature !== null && (typeof temperature !== "number" || !(temperature >= 0))) {
    throw bad("temperature must be a number of 0 or more.");
  }
  // Media parameters are checked against the real video once it is decoded (media.ts).
  requireOptionalObject(body, "media_io_kwargs");
  requireOptionalObject(body, "mm_processor_kwargs");
  requireOptionalObject(body, "stream_options");
  checkMediaIoKwargs(body);
  if (isObject(body.stream_options) && body.stream !== true) {
    throw validationError("  Value error, Stream options can only be defined when `stream=True`.", "stream_options");
  }
  checkToolUsage(body);
  checkToolMessages(body.messages);
  const tools = parseToolRequest(body);
  const streamOptions = isObject(body.stream_options) ? body.stream_options : {};
  const videoSampling = parseVideoSampling(body);
  return {
    model,
    messages,
    stream: body.stream === true,
    includeUsage: streamOptions.include_usage === true,
    maxTokens: parseMaxTokens(body),
    seed: seed === null ? null : String(seed),
    temperature,
    stop: parseStop(body.stop),
    ...(videoSampling ? { videoSampling } : {}),
    processorKwargs: isObject(body.mm_processor_kwargs) ? body.mm_processor_kwargs : {},
    ...tools,
  };
}
