import { createHash } from "node:crypto";

import { readImageSize } from "@/lib/media/image-size";
import { probeMp4 } from "@/lib/media/mp4-probe";
import { ACCEPTED_TYPES_SENTENCE, SNIFF_BYTES, sniffMediaType } from "@/lib/media/sniff";
import { probeWebm } from "@/lib/media/webm-probe";
import { SimulatorHttpError } from "@/lib/simulator/http";
import { recognizeMarked, type MarkedSample } from "@/lib/simulator/marked-sample";
import { frameChange, measurePixels, type PixelMeasure } from "@/lib/simulator/measure";
import { decodePng } from "@/lib/simulator/png-pixels";
import type { ChatMessage, ContentPart, VideoSampling } from "@/lib/simulator/request";
import { recognizeSample, type KnownSample } from "@/lib/simulator/samples";

// Reads the media of a request the way a NIM's media loader would: inline data URIs are decoded
// and probed for their real size, duration and frame rate. The simulator has no network, so the
// facts of http(s) URLs stay unknown. Absent fields are unknown.

export interface ImageFacts {
  kind: "image";
  width?: number;
  height?: number;
  /** One of the bundled samples, recognised by its bytes: the simulator knows what it shows. */
  sample?: KnownSample;
  /** A bundled still with marks drawn on it (describe anything): the sample, and where each mark is. */
  marked?: MarkedSample;
  /** Colour and brightness, when the pixels could be decoded (PNG). */
  measured?: PixelMeasure;
}

export interface VideoFacts {
  kind: "video";
  durationS?: number;
  fps?: number;
  width?: number;
  height?: number;
  /** Sample entry code as the container names it: avc1, hvc1, vp09, av01… */
  codec?: string;
  /** duration × fps for a video file; the list length for `video_frames`. */
  frames?: number;
  sample?: KnownSample;
  /** `video_frames` of PNGs: the first frame's colours, and the mean change between frames (0–1). */
  measured?: PixelMeasure;
  motion?: number;
}

export type MediaFacts = ImageFacts | VideoFacts;

export interface RequestMedia {
  /** One per image_url / video_url / video_frames part, in message order. */
  items: MediaFacts[];
  /** sha256 over the decoded bytes and remote URLs: stands for the media in the reply's seed. */
  digest: string;
}

const unprocessable = (message: string) => new SimulatorHttpError(422, message);
const bad = (message: string) => new SimulatorHttpError(400, message);

function urlOf(part: ContentPart, field: "image_url" | "video_url", where: string): string {
  const value = part[field];
  const url =
    typeof value === "string" ? value : typeof value === "object" && value !== null ? (value as { url?: unknown }).url : undefined;
  if (typeof url !== "string" || url.length === 0) throw bad(`${where}.${field} must have a 'url' string.`);
  return url;
}

type Source = { inline: Buffer } | { remote: string };

function openUrl(url: string, where: string): Source {
  if (/^https?:\/\//i.test(url)) return { remote: url };
  if (!url.startsWith("data:")) throw bad(`${where}: the URL must be either an http(s) or a data URL.`);
  const comma = url.indexOf(",");
  if (comma < 0 || !/;base64$/i.test(url.slice(5, comma))) {
    throw unprocessable(`${where}: only base64 data URLs are supported (data:<type>;base64,<data>).`);
  }
  // The slice shares the URL's characters; the bytes are decoded once, straight from it.
  const inline = Buffer.from(url.slice(comma + 1), "base64");
  if (inline.length === 0) throw unprocessable(`${where}: the data URL holds no bytes.`);
  return { inline };
}

function sniffed(bytes: Buffer) {
  return sniffMediaType(bytes.subarray(0, SNIFF_BYTES));
}

function readImage(bytes: Buffer, where: string): ImageFacts {
  const type = sniffed(bytes);
  if (type?.kind === "video") throw unprocessable(`${where} holds a video (${type.mime}), not an image: send it as a video_url part.`);
  if (!type) throw unprocessable(`${where} is not a decodable image: the bytes are none of ${ACCEPTED_TYPES_SENTENCE}.`);
  const size = readImageSize(bytes);
  if (!size) throw unprocessable(`${where} is not a decodable image: the ${type.format.toUpperCase()} header is cut short or corrupt.`);
  const sample = recognizeSample(bytes);
  if (sample) return { kind: "image", ...size, sample };
  const pixels = type.format === "png" ? decodePng(bytes) : null;
  const marked = pixels ? recognizeMarked(pixels) : null;
  if (marked) return { kind: "image", ...size, sample: marked.sample, marked };
  return { kind: "image", ...size, ...(pixels ? { measured: measurePixels(pixels) } : {}) };
}

type ProbedVideo = Omit<VideoFacts, "kind" | "frames">;

function knownFields({ durationS, fps, width, height, codec }: ProbedVideo): ProbedVideo {
  const fields = Object.entries({ durationS, fps, width, height, codec }).filter(([, value]) => value !== undefined);
  return Object.fromEntries(fields) as ProbedVideo;
}

async function readVideo(bytes: Buffer, where: string): Promise<VideoFacts> {
  const type = sniffed(bytes);
  if (type?.kind === "image") throw unprocessable(`${where} holds an image (${type.mime}), not a video: send it as an image_url part.`);
  if (!type) throw unprocessable(`${where} is not a decodable video: the bytes are none of ${ACCEPTED_TYPES_SENTENCE}.`);
  let facts: ProbedVideo;
  if (type.format === "mp4" || type.format === "mov") {
    const read = async (offset: number, length: number) => bytes.subarray(offset, offset + length);
    const info = await probeMp4(read, bytes.length);
    if (!info.moovFound)
      throw unprocessable(`${where} is not a decodable video: the ${type.format.toUpperCase()} has no moov box (cut short?).`);
    if (!info.hasVideoTrack) throw unprocessable(`${where} is not a decodable video: the ${type.format.toUpperCase()} has no video track.`);
    facts = knownFields(info);
  } else {
    facts = knownFields(probeWebm(bytes));
    if (facts.codec === undefined && facts.width === undefined) {
      throw unprocessable(
        `${where} is not a decodable video: the ${type.format === "webm" ? "WebM" : "Matroska"} file has no video track.`,
      );
    }
  }
  const frames = facts.durationS && facts.fps ? Math.max(1, Math.round(facts.durationS * facts.fps)) : undefined;
  const sample = recognizeSample(bytes);
  return { kind: "video", ...facts, ...(frames ? { frames } : {}), ...(sample ? { sample } : {}) };
}

async function readFrames(part: ContentPart, where: string, hash: ReturnType<typeof createHash>): Promise<VideoFacts> {
  const frames = part.video_frames;
  if (!Array.isArray(frames) || frames.length === 0) throw bad(`${where}.video_frames must be a non-empty list of image URLs.`);
  let first: ImageFacts | null = null;
  let previous: PixelMeasure | undefined;
  const changes: number[] = [];
  for (const [index, frame] of frames.entries()) {
    const url = typeof frame === "string" ? frame : (frame as { url?: unknown } | null)?.url;
    if (typeof url !== "string") throw bad(`${where}.video_frames[${index}] must be an image URL.`);
    const source = openUrl(url, `${where}.video_frames[${index}]`);
    hash.update("remote" in source ? source.remote : source.inline);
    const image = "inline" in source ? readImage(source.inline, `${where}.video_frames[${index}]`) : { kind: "image" as const };
    first ??= image;
    if (image.measured && previous) changes.push(frameChange(previous, image.measured));
    previous = image.measured;
  }
  const motion = changes.length > 0 ? changes.reduce((sum, change) => sum + change, 0) / changes.length : undefined;
  return {
    kind: "video",
    frames: frames.length,
    ...(first?.width ? { width: first.width, height: first.height } : {}),
    ...(first?.measured ? { measured: first.measured } : {}),
    ...(motion === undefined ? {} : { motion }),
  };
}

/** Decodes and probes every media part; throws 400 for malformed parts and 422 for undecodable bytes. */
export async function readRequestMedia(messages: readonly ChatMessage[]): Promise<RequestMedia> {
  const items: MediaFacts[] = [];
  const hash = createHash("sha256");
  // One part at a time, so at most one decoded file is held at once.
  for (const [messageIndex, message] of messages.entries()) {
    if (!Array.isArray(message.content)) continue;
    for (const [partIndex, part] of message.content.entries()) {
      const where = `messages[${messageIndex}].content[${partIndex}]`;
      if (part.type === "video_frames") {
        items.push(await readFrames(part, where, hash));
        continue;
      }
      if (part.type !== "image_url" && part.type !== "video_url") continue;
      const source = openUrl(urlOf(part, part.type, where), where);
      hash.update("remote" in source ? source.remote : source.inline);
      if ("remote" in source) items.push({ kind: part.type === "image_url" ? "image" : "video" });
      else items.push(part.type === "image_url" ? readImage(source.inline, where) : await readVideo(source.inline, where));
    }
  }
  return { items, digest: hash.digest("hex") };
}

const fixed2 = (value: number) => value.toFixed(2);

/** The NIM refuses to sample a video faster, or into more frames, than it has. */
export function checkVideoSampling(media: RequestMedia, sampling: VideoSampling | undefined): void {
  if (!sampling) return;
  for (const video of media.items) {
    if (video.kind !== "video") continue;
    // Own fps is rounded to 3 decimals by the probe; the tolerance keeps 29.97 against 29.97 fine.
    if (sampling.fps !== undefined && video.fps !== undefined && sampling.fps > video.fps + 1e-6) {
      throw bad(`Requested fps ${sampling.fps} is higher than the video's own ${fixed2(video.fps)} fps.`);
    }
    if (sampling.numFrames !== undefined && video.frames !== undefined && sampling.numFrames > video.frames) {
      const source =
        video.durationS !== undefined && video.fps !== undefined ? ` (${fixed2(video.durationS)} s at ${fixed2(video.fps)} fps)` : "";
      throw bad(`Requested num_frames ${sampling.numFrames} is more than the video's own ${video.frames} frames${source}.`);
    }
  }
}

/** The first video's duration, for temporal answers; undefined when unknown. */
export function firstVideoDuration(media: RequestMedia): number | undefined {
  const video = media.items.find((item): item is VideoFacts => item.kind === "video" && item.durationS !== undefined);
  return video?.durationS;
}
