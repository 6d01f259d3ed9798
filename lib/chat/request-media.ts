import type { FamilyInfo } from "@/lib/backends/families";
import type { MediaParams } from "@/lib/chat/schema";
import { PlaygroundError } from "@/lib/core/errors";

// The media knobs of an upstream chat body (docs/nim-protocols.md §1.4): media_io_kwargs.video
// for frame sampling, mm_processor_kwargs for sizes, each in the shape its family's processor takes.

export interface PromptMedia {
  hasImage: boolean;
  hasVideo: boolean;
}

function refuse(message: string): never {
  throw new PlaygroundError("unsupported_combination", message);
}

function sizeHint(info: FamilyInfo): string {
  if (info.sizeParams === "edges" || info.sizeParams === "pixels") return "set shortest_edge / longest_edge (the pixel bounds) instead";
  return info.sizeParams === "tiles" ? "set max_num_tiles instead" : "clear it";
}

/** The pixel bounds as sent: both, the one not given taking the family's default. */
function pixelBounds(info: FamilyInfo, media: MediaParams): { min: number; max: number } | null {
  if (!info.pixels || (media.shortest_edge === undefined && media.longest_edge === undefined)) return null;
  return { min: media.shortest_edge ?? info.pixels.min, max: media.longest_edge ?? info.pixels.max };
}

export function checkMediaParams(info: FamilyInfo, media: MediaParams): void {
  const { fps, num_frames, shortest_edge, longest_edge, max_num_tiles } = media;
  if (fps !== undefined && num_frames !== undefined && info.videoSampling === "exclusive") {
    refuse(`${info.label} takes either fps or num_frames, not both — clear one of them.`);
  }
  if (num_frames !== undefined && info.maxFrames !== undefined && num_frames > info.maxFrames) {
    refuse(`${info.label} samples at most ${info.maxFrames} frames per video — set num_frames to ${info.maxFrames} or less.`);
  }
  if (max_num_tiles !== undefined && info.sizeParams !== "tiles") {
    refuse(`${info.label} does not take max_num_tiles — ${sizeHint(info)}.`);
  }
  if (max_num_tiles !== undefined && info.maxTiles !== undefined && max_num_tiles > info.maxTiles) {
    refuse(`${info.label} takes max_num_tiles from 1 to ${info.maxTiles} — lower it.`);
  }
  if ((shortest_edge !== undefined || longest_edge !== undefined) && !info.pixels) {
    refuse(`${info.label} does not take shortest_edge / longest_edge — ${sizeHint(info)}.`);
  }
  const bounds = pixelBounds(info, media);
  if (bounds && bounds.min > bounds.max) {
    const which = (given: number | undefined, value: number) => (given === undefined ? `the default ${value}` : String(value));
    refuse(
      `shortest_edge (${which(shortest_edge, bounds.min)}) is larger than longest_edge (${which(longest_edge, bounds.max)}) — lower shortest_edge or raise longest_edge.`,
    );
  }
}

export function videoKwargs(media: MediaParams): { fps?: number; num_frames?: number } | null {
  if (media.fps === undefined && media.num_frames === undefined) return null;
  return {
    ...(media.fps === undefined ? {} : { fps: media.fps }),
    ...(media.num_frames === undefined ? {} : { num_frames: media.num_frames }),
  };
}

/**
 * mm_processor_kwargs: Qwen3-VL's `size` always with both edges (its processor raises on one),
 * Qwen2.5-VL's min/max_pixels likewise, Nemotron's max_num_tiles only without a video (a video
 * frame is one tile, and the model takes 1 or nothing there).
 */
export function processorKwargs(info: FamilyInfo, media: MediaParams, prompt: PromptMedia): Record<string, unknown> | null {
  if (!prompt.hasImage && !prompt.hasVideo) return null;
  if (info.sizeParams === "tiles") {
    return media.max_num_tiles !== undefined && !prompt.hasVideo ? { max_num_tiles: media.max_num_tiles } : null;
  }
  const bounds = pixelBounds(info, media);
  if (!bounds) return null;
  if (info.sizeParams === "pixels") return { min_pixels: bounds.min, max_pixels: bounds.max };
  return { size: { shortest_edge: bounds.min, longest_edge: bounds.max } };
}
