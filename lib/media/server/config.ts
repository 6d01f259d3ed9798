import "server-only";

import path from "node:path";

import { readEnv } from "@/lib/server/env";

// Where media live and how large they may be. Read on each call (cheap) so a test can set the
// environment; a bad value fails with the name of the variable (lib/server/env.ts).

const MB = 1024 * 1024;

export interface MediaLimits {
  imageBytes: number;
  videoBytes: number;
}

export function mediaLimits(): MediaLimits {
  const env = readEnv();
  return {
    imageBytes: Math.floor((env.PLAYGROUND_MAX_IMAGE_MB ?? 20) * MB),
    videoBytes: Math.floor((env.PLAYGROUND_MAX_VIDEO_MB ?? 512) * MB),
  };
}

/** `<PLAYGROUND_DATA_DIR or ./data>/media`, absolute. */
export function mediaDir(): string {
  return path.resolve(readEnv().PLAYGROUND_DATA_DIR, "media");
}

/** Where uploads are spooled while they are hashed, for either blob store. */
export function spoolDir(): string {
  return path.join(mediaDir(), "tmp");
}

/** "512 MB", "0.5 MB": the limits as people set them. */
export function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / MB) * 100) / 100} MB`;
}
