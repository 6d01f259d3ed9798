import "server-only";

import type { ResultMediaFacts } from "@/lib/generation/schema";
import type { UploadedMedia } from "@/lib/media/media-api";
import { probeMp4 } from "@/lib/media/mp4-probe";
import type { RandomAccess } from "@/lib/media/server/blob-store";

// What a generated file really is: its size, length and rate as the media store probed them, the
// frame count they imply, and whether an MP4 carries a sound track. Shown beside what was asked.

export async function resultFacts(file: RandomAccess | null, media: UploadedMedia): Promise<ResultMediaFacts> {
  const { width, height, durationS, fps } = media;
  const isMp4 = media.mime === "video/mp4" || media.mime === "video/quicktime";
  // Read back from the store by range: the result is never held whole.
  const audio = isMp4 && file ? ((await probeMp4(file.read, file.size)).hasAudioTrack ?? false) : false;
  const frames = media.kind === "image" ? 1 : durationS && fps ? Math.round(durationS * fps) : undefined;
  return {
    ...(width && height ? { width, height } : {}),
    ...(frames ? { frames } : {}),
    ...(durationS ? { durationS } : {}),
    ...(fps ? { fps } : {}),
    audio,
  };
}
