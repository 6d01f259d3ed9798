import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { REASONING_PROMPT_SUFFIX, type Family } from "@/lib/backends/families";
import type { ChatRequestInput, ContentPart } from "@/lib/chat/schema";
import { SIMULATED_MODELS } from "@/lib/simulator/models";

import { makeMp4, makePng } from "./media-fixtures";

// The vendor chat fixtures (../shared/protocol-fixtures/chat), their placeholders made concrete,
// and the same request as POST /api/chat input, so the simulator and the request builder can be
// checked against each. Beside the repository in CI and in every worktree alike.

export const FIXTURES_DIR = path.resolve(__dirname, "../../../shared/protocol-fixtures/chat");

type Json = Record<string, unknown>;

export interface ChatFixture {
  file: string;
  folder: string;
  valid: boolean;
  request: Json | null;
  response?: { status: number | null; body?: unknown; sse_data?: Json };
  concurrent_requests?: Json[];
}

export function loadChatFixtures(): ChatFixture[] {
  return readdirSync(FIXTURES_DIR, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => ({
      ...(JSON.parse(readFileSync(path.join(FIXTURES_DIR, file), "utf8")) as Omit<ChatFixture, "file" | "folder">),
      file,
      folder: path.dirname(file),
    }));
}

/** Which simulated model a fixture's folder is about, and that model's family. */
export function simulatedModelFor(folder: string): { slug: string; model: string; family: Family } {
  const slug = (
    {
      "cosmos3-reasoner": "cosmos3-reasoner",
      nemotron: "nemotron-vl",
      reason1: "reason1-7b",
      reason2: "reason2-2b",
      streaming: "reason2-2b",
    } as Record<string, string>
  )[folder];
  const model = SIMULATED_MODELS.find((candidate) => candidate.slug === slug);
  if (!model) throw new Error(`No simulated model for fixtures in ${folder}/`);
  return model;
}

const dataUri = (mime: string, bytes: Uint8Array) => `data:${mime};base64,${Buffer.from(bytes).toString("base64")}`;
const PNG = dataUri("image/png", makePng(64, 48));
// 3 s at 30 fps: enough frames for every fixture's fps (≤ 4) and num_frames (≤ 16).
const MP4 = dataUri("video/mp4", makeMp4({ width: 320, height: 240, fps: 30, frames: 90 }));

/**
 * The fixture's placeholders as real values: inline media become a real PNG / MP4, placeholder URLs
 * public-looking ones. A file:// URL works only on a server started with --allowed-local-media-path
 * (the notebook's plain vLLM), which a NIM and the simulator are not: it stands as an http URL.
 */
export function concrete<T>(value: T): T {
  const text = JSON.stringify(value)
    .replace(/data:image\/[a-z]+;base64,<BASE64>/g, PNG)
    .replace(/data:video\/mp4;base64,<BASE64>/g, MP4)
    .replaceAll("<IMAGE_URL>", "https://example.com/image.jpg")
    .replaceAll("<VIDEO_URL>", "https://example.com/video.mp4")
    .replaceAll("file:///path/to/video.mp4", "https://example.com/video.mp4");
  return JSON.parse(text) as T;
}

/** Served model names are per deployment: a placeholder or another size's name becomes the simulated one. */
export function withServedModel(request: Json, model: string): Json {
  return "model" in request ? { ...request, model } : request;
}

export interface BuilderInput {
  input: ChatRequestInput;
  family: Family;
}

function partOf(part: Json): ContentPart {
  if (part.type === "text") return { type: "text", text: String(part.text) };
  const field = part[part.type as string];
  const url = typeof field === "string" ? field : String((field as { url: unknown }).url);
  return { type: part.type as "image_url" | "video_url", url };
}

const SAMPLING_FIELDS = ["temperature", "top_p", "top_k", "seed", "repetition_penalty", "presence_penalty", "frequency_penalty"] as const;

/**
 * The fixture as POST /api/chat input: its messages, sampling and media knobs. A switch the
 * builder adds itself (Nemotron's /think system message, Reason2's suffix) is turned back into
 * `reasoning: true` so the builder can put it where the vendor did.
 */
export function builderInput(request: Json, family: Family): BuilderInput {
  let reasoning = false;
  let messages = (request.messages as Json[]).map((message) => ({
    role: message.role as "system" | "user" | "assistant",
    content: typeof message.content === "string" ? message.content : (message.content as Json[]).map(partOf),
  }));
  if (family === "nemotron-vl" && messages[0]?.role === "system" && messages[0].content === "/think") {
    reasoning = true;
    messages = messages.slice(1);
  }
  const last = messages.at(-1);
  const lastText = Array.isArray(last?.content) ? last.content.at(-1) : undefined;
  if (lastText?.type === "text" && lastText.text.endsWith(`\n${REASONING_PROMPT_SUFFIX}`)) {
    reasoning = true;
    lastText.text = lastText.text.slice(0, -REASONING_PROMPT_SUFFIX.length - 1);
  }
  const params: Json = Object.fromEntries(SAMPLING_FIELDS.filter((key) => key in request).map((key) => [key, request[key]]));
  const maxTokens = request.max_tokens ?? request.max_completion_tokens;
  if (maxTokens !== undefined) params.max_tokens = maxTokens;
  const video = ((request.media_io_kwargs as Json | undefined)?.video ?? {}) as Json;
  const processor = (request.mm_processor_kwargs ?? {}) as Json;
  const size = (processor.size ?? {}) as Json;
  const media: Json = { ...video, ...(size.shortest_edge === undefined ? {} : { shortest_edge: size.shortest_edge }) };
  if (size.longest_edge !== undefined) media.longest_edge = size.longest_edge;
  if (processor.max_num_tiles !== undefined) media.max_num_tiles = processor.max_num_tiles;
  return { family, input: { backend: "fixture", messages, reasoning, params, media } as ChatRequestInput };
}
