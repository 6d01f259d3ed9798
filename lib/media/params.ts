import { FAMILY_INFO, type Family } from "@/lib/backends/families";
import { formatCount } from "@/lib/core/format";
import type { MediaParams } from "@/lib/media/params-schema";
import { DEFAULT_MAX_PIXELS, DEFAULT_MIN_PIXELS, type VideoSampling } from "@/lib/media/tokens";

// The "Video & image" settings: the typed strings, what applies to a family, and the `media`
// body of POST /api/chat, with fps / num_frames capped to what the attached videos really have
// (a NIM answers 400 when asked to sample a video faster, or into more frames, than it has).

export type MediaParamKey = "fps" | "num_frames" | "shortest_edge" | "longest_edge" | "max_num_tiles";

export interface MediaParamsDraft {
  /** For families that take fps or num_frames, never both: which one is used. */
  sampling: "fps" | "num_frames";
  fps: string;
  num_frames: string;
  shortest_edge: string;
  longest_edge: string;
  max_num_tiles: string;
}

export const EMPTY_MEDIA_DRAFT: MediaParamsDraft = {
  sampling: "fps",
  fps: "",
  num_frames: "",
  shortest_edge: "",
  longest_edge: "",
  max_num_tiles: "",
};

/** The videos and images the next request carries, this turn's and earlier turns'. */
export interface MediaContext {
  hasImage: boolean;
  hasVideo: boolean;
  /** Each video's own frame rate and duration, when known. */
  videos: readonly { fps?: number; durationS?: number }[];
}

export interface ParsedMediaParams {
  /** The `media` body: only the keys that apply, and only when media are sent. */
  media: MediaParams;
  /** What the token estimate assumes: the sent values, else the family defaults. */
  sampling: VideoSampling;
  errors: Partial<Record<MediaParamKey, string>>;
  /** Why a value sent differs from the one typed, e.g. "Capped to the video's 4 fps." */
  notes: Partial<Record<MediaParamKey, string>>;
  valid: boolean;
}

interface FieldRule {
  min: number;
  max: number;
  integer: boolean;
  /** fps may be fractional but not 0. */
  minExclusive?: boolean;
}

const RULES: Record<MediaParamKey, FieldRule> = {
  fps: { min: 0, max: 60, integer: false, minExclusive: true },
  num_frames: { min: 1, max: 1024, integer: true },
  shortest_edge: { min: 1, max: 100_000_000, integer: true },
  longest_edge: { min: 1, max: 100_000_000, integer: true },
  max_num_tiles: { min: 1, max: 12, integer: true },
};

/** Which fields the settings show for a family. */
export function mediaFieldsFor(family: Family): MediaParamKey[] {
  const info = FAMILY_INFO[family];
  const size: MediaParamKey[] = info.pixels ? ["shortest_edge", "longest_edge"] : info.sizeParams === "tiles" ? ["max_num_tiles"] : [];
  return ["fps", "num_frames", ...size];
}

/** Placeholders: the family's defaults, so an empty field says what the server will use. */
export function mediaPlaceholders(family: Family): Record<MediaParamKey, string> {
  const info = FAMILY_INFO[family];
  return {
    fps: String(info.defaultFps),
    num_frames: info.maxFrames ? `≤ ${info.maxFrames}` : "all",
    shortest_edge: String(info.pixels?.min ?? DEFAULT_MIN_PIXELS),
    longest_edge: String(info.pixels?.max ?? DEFAULT_MAX_PIXELS),
    max_num_tiles: String(info.maxTiles ?? 12),
  };
}

function parseNumber(key: MediaParamKey, raw: string): { value?: number; error?: string } {
  const text = raw.trim();
  if (text === "") return {};
  const value = Number(text);
  const rule = RULES[key];
  if (!Number.isFinite(value)) return { error: "Enter a number." };
  if (rule.integer && !Number.isInteger(value)) return { error: "Use a whole number." };
  const tooLow = rule.minExclusive ? value <= rule.min : value < rule.min;
  if (tooLow || value > rule.max)
    return { error: `Use a value ${rule.minExclusive ? `above ${rule.min}` : `from ${rule.min}`} to ${rule.max}.` };
  return { value };
}

export const formatRate = (fps: number) => String(Number(fps.toFixed(2)));

/**
 * Reason1's scripts budget a video by its total pixels (qwen-vl-utils): each frame gets
 * max(min(768·28², total / frames × 2), 128·28² × 1.05) pixels. The server takes a per-frame
 * max_pixels, so that share is what is sent. Null while the video's length is unknown.
 */
function perFramePixels(
  totalPixels: number,
  own: { fps: number | null; frames: number | null },
  values: { fps?: number; num_frames?: number },
  defaultFps: number,
): number | null {
  if (own.fps === null || own.frames === null) return null;
  const durationS = own.frames / own.fps;
  const byFps =
    values.num_frames !== undefined && values.fps === undefined ? Infinity : Math.floor(durationS * (values.fps ?? defaultFps) + 1e-9);
  const frames = Math.max(1, Math.min(own.frames, byFps, values.num_frames ?? Infinity));
  return Math.floor(Math.max(Math.min(768 * 28 * 28, (totalPixels / frames) * 2), 128 * 28 * 28 * 1.05));
}

/** The lowest frame rate and frame count among the videos, as the NIM counts frames. */
export function videoLimits(videos: MediaContext["videos"]): { fps: number | null; frames: number | null } {
  let fps: number | null = null;
  let frames: number | null = null;
  for (const video of videos) {
    if (!video.fps || video.fps <= 0) continue;
    fps = Math.min(fps ?? Infinity, video.fps);
    if (video.durationS && video.durationS > 0) frames = Math.min(frames ?? Infinity, Math.max(1, Math.round(video.durationS * video.fps)));
  }
  return { fps, frames };
}

function whichVideo(count: number): string {
  return count > 1 ? "the slowest video's" : "the video's";
}

export function parseMediaParams(family: Family, draft: MediaParamsDraft, context: MediaContext): ParsedMediaParams {
  const info = FAMILY_INFO[family];
  const errors: ParsedMediaParams["errors"] = {};
  const notes: ParsedMediaParams["notes"] = {};
  const values: Partial<Record<MediaParamKey, number>> = {};
  const fields = mediaFieldsFor(family).filter(
    (key) => info.videoSampling !== "exclusive" || (key !== "fps" && key !== "num_frames") || key === draft.sampling,
  );
  for (const key of fields) {
    const { value, error } = parseNumber(key, draft[key]);
    if (error) errors[key] = error;
    else if (value !== undefined) values[key] = value;
  }
  if (values.shortest_edge !== undefined && values.longest_edge !== undefined && values.shortest_edge > values.longest_edge) {
    errors.shortest_edge = "Must not be larger than the longest edge.";
  }

  const own = videoLimits(context.videos);
  const videoWord = whichVideo(context.videos.length);
  if (values.num_frames !== undefined && info.maxFrames !== undefined && values.num_frames > info.maxFrames) {
    values.num_frames = info.maxFrames;
    notes.num_frames = `Capped to ${info.maxFrames} frames, the most ${info.label} samples.`;
  }
  if (context.hasVideo && values.num_frames !== undefined && own.frames !== null && values.num_frames > own.frames) {
    values.num_frames = own.frames;
    notes.num_frames = `Capped to ${videoWord} ${own.frames} frames.`;
  }
  if (context.hasVideo && own.fps !== null) {
    if (values.fps !== undefined && values.fps > own.fps) {
      values.fps = own.fps;
      notes.fps = `Capped to ${videoWord} ${formatRate(own.fps)} fps.`;
    } else if (values.fps === undefined && values.num_frames === undefined && info.defaultFps > own.fps && draft.sampling === "fps") {
      // The server's default rate would be above the video's own: send the video's rate instead.
      values.fps = own.fps;
      notes.fps = `The default ${info.defaultFps} fps is above ${videoWord} ${formatRate(own.fps)} fps, so ${formatRate(own.fps)} fps is sent.`;
    }
  }

  if (info.videoTotalPixels && context.hasVideo && values.longest_edge === undefined) {
    const perFrame = perFramePixels(info.videoTotalPixels, own, values, info.defaultFps);
    if (perFrame !== null) {
      values.longest_edge = Math.max(perFrame, values.shortest_edge ?? 0);
      notes.longest_edge = `${formatCount(values.longest_edge)} per frame: ${info.label}'s ${formatCount(info.videoTotalPixels)}-pixel video budget over the sampled frames.`;
    }
  }
  if (context.hasVideo && values.max_num_tiles !== undefined) {
    notes.max_num_tiles = `Not sent with a video: ${info.label} takes one tile per video frame.`;
  }

  const valid = Object.keys(errors).length === 0;
  const media: MediaParams = {};
  const hasMedia = context.hasImage || context.hasVideo;
  if (context.hasVideo) {
    if (values.fps !== undefined) media.fps = values.fps;
    if (values.num_frames !== undefined) media.num_frames = values.num_frames;
  }
  if (hasMedia) {
    if (values.shortest_edge !== undefined) media.shortest_edge = values.shortest_edge;
    if (values.longest_edge !== undefined) media.longest_edge = values.longest_edge;
    if (values.max_num_tiles !== undefined) media.max_num_tiles = values.max_num_tiles;
  }

  const sampling: VideoSampling = {
    ...(media.shortest_edge !== undefined ? { shortest_edge: media.shortest_edge } : {}),
    ...(media.longest_edge !== undefined ? { longest_edge: media.longest_edge } : {}),
    ...(media.max_num_tiles !== undefined && !context.hasVideo ? { max_num_tiles: media.max_num_tiles } : {}),
  };
  if (values.fps !== undefined) sampling.fps = values.fps;
  if (values.num_frames !== undefined) sampling.num_frames = values.num_frames;
  if (values.fps === undefined && values.num_frames === undefined) sampling.fps = info.defaultFps;
  return { media, sampling, errors, notes, valid };
}

/**
 * The frame rate or frame count that brings a video's estimate within a token budget: the most
 * frames whose estimate fits. `estimate` is the family's count for the video at a sampling.
 */
export function samplingToFit(
  video: { durationS: number; fps: number },
  estimate: (sampling: { fps?: number; num_frames?: number }) => number,
  budget: number,
  mode: "fps" | "num_frames",
): { fps: number } | { num_frames: number } | null {
  if (!(video.durationS > 0) || !(video.fps > 0)) return null;
  const own = Math.max(1, Math.round(video.durationS * video.fps));
  for (let frames = own; frames >= 2; frames -= 1) {
    if (mode === "num_frames") {
      if (estimate({ num_frames: frames }) <= budget) return { num_frames: frames };
      continue;
    }
    const fps = Math.floor((frames / video.durationS) * 10) / 10;
    if (fps >= 0.1 && fps < video.fps && estimate({ fps }) <= budget) return { fps };
  }
  return null;
}
