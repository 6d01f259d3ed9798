import { FAMILY_INFO, type Family } from "@/lib/backends/families";
import type { VideoSampling as EstimateSampling } from "@/lib/media/tokens";
import { SimulatorHttpError } from "@/lib/simulator/http";
import { messageText } from "@/lib/simulator/prompts";
import type { SimulatedChatRequest } from "@/lib/simulator/request";

// What a model's server refuses beyond the OpenAI schema (docs/nim-protocols.md §1.2, §1.4):
// per-prompt media limits over every message, the Qwen processors' size keys, Nemotron's tiles
// and its fps-or-num_frames rule. Returns the size knobs, for the prompt token count.

const bad = (message: string) => new SimulatorHttpError(400, message);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function countMedia(request: SimulatedChatRequest): { image: number; video: number } {
  const counts = { image: 0, video: 0 };
  for (const message of request.messages) {
    if (!Array.isArray(message.content)) continue;
    for (const part of message.content) {
      if (part.type === "image_url") counts.image += 1;
      if (part.type === "video_url" || part.type === "video_frames") counts.video += 1;
    }
  }
  return counts;
}

/** vLLM's multimodal item tracker, with the NIM's limits for the family. */
function checkMediaLimits(family: Family, counts: { image: number; video: number }): void {
  const info = FAMILY_INFO[family];
  for (const [modality, limit] of [
    ["image", info.maxImages],
    ["video", info.maxVideos],
  ] as const) {
    if (counts[modality] > limit) throw bad(`At most ${limit} ${modality}(s) may be provided in one prompt.`);
  }
}

const positiveInt = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value) && value > 0;

/**
 * The Qwen processors' pixel bounds: `size` needs both edges (transformers raises otherwise), and
 * vLLM turns a lone min_pixels or max_pixels into a one-key `size` (qwen2_vl.py).
 */
function qwenBounds(kwargs: Record<string, unknown>): EstimateSampling {
  const size = isObject(kwargs.size) ? { ...kwargs.size } : kwargs.size === undefined ? undefined : {};
  const min = kwargs.min_pixels;
  const max = kwargs.max_pixels;
  const merged: Record<string, unknown> | undefined =
    min === undefined && max === undefined
      ? size
      : { ...size, ...(min === undefined ? {} : { shortest_edge: min }), ...(max === undefined ? {} : { longest_edge: max }) };
  if (merged === undefined) return {};
  if (!positiveInt(merged.shortest_edge) || !positiveInt(merged.longest_edge)) {
    throw bad("size must contain 'shortest_edge' and 'longest_edge' keys.");
  }
  return { shortest_edge: merged.shortest_edge, longest_edge: merged.longest_edge };
}

/**
 * Nemotron (NIM page, vLLM recipe): fps or num_frames, not both; max_num_tiles 1 to 12, and 1
 * with a video; no /think with a video. The wording of these refusals is not documented.
 */
function nemotronRules(request: SimulatedChatRequest, counts: { image: number; video: number }): EstimateSampling {
  const { videoSampling, processorKwargs } = request;
  if (videoSampling?.fps !== undefined && videoSampling.numFrames !== undefined) {
    throw bad("Either fps or num_frames can be specified in media_io_kwargs.video, not both.");
  }
  const maxTiles = FAMILY_INFO["nemotron-vl"].maxTiles ?? 12;
  const tiles = processorKwargs.max_num_tiles;
  if (tiles !== undefined && (!positiveInt(tiles) || tiles > maxTiles)) {
    throw bad(`mm_processor_kwargs.max_num_tiles must be an integer from 1 to ${maxTiles}, got ${JSON.stringify(tiles)}.`);
  }
  if (tiles !== undefined && tiles !== 1 && counts.video > 0) {
    throw bad(`mm_processor_kwargs.max_num_tiles must be 1 (or left out) with a video, got ${tiles}.`);
  }
  const system = request.messages.find((message) => message.role === "system");
  if (counts.video > 0 && system && messageText(system).trimStart().startsWith("/think")) {
    throw bad("Reasoning (/think) is not supported for video inputs; send /no_think or no switch.");
  }
  return tiles === undefined ? {} : { max_num_tiles: tiles };
}

export function checkFamilyRules(family: Family, request: SimulatedChatRequest): EstimateSampling {
  const counts = countMedia(request);
  checkMediaLimits(family, counts);
  if (family === "nemotron-vl") return nemotronRules(request, counts);
  if (FAMILY_INFO[family].pixels) return qwenBounds(request.processorKwargs);
  return {};
}
