import "server-only";

import type { ResultMediaFacts } from "@/lib/generation/schema";
import type { UploadedMedia } from "@/lib/media/media-api";
import { probeMp4 } from "@/lib/media/mp4-probe";

// What a generated file really is: its size, length and rate as the media store probed them, the
// frame count they imply, and whether an MP4 carries a sound track. Shown beside what was asked.

export async function resultFacts(bytes: Uint8Array, media: UploadedMedia): Promise<ResultMediaFacts> {
  const { width, height, durationS, fps } = media;
  const isMp4 = media.mime === "video/mp4" || media.mime === "video/quicktime";
  const audio = isMp4
    ? ((await probeMp4(async (offset, length) => bytes.subarray(offset, offset + length), bytes.length)).hasAudioTrack ?? false)
    : false;
  const frames = media.kind === "image" ? 1 : durationS && fps ? Math.round(durationS * fps) : undefined;
  return {
    ...(width && height ? { width, height } : {}),
    ...(frames ? { frames } : {}),
    ...(durationS ? { durationS } : {}),
    ...(fps ? { fps } : {}),
    audio,
  };
}
