import "server-only";

import path from "node:path";
import { z } from "zod";

// Where media live and how large they may be. Read on each call (cheap) so a test can set the
// environment; a bad value fails with the name of the variable.

const MB = 1024 * 1024;
const megabytes = z.coerce.number().positive().max(1_000_000);

export interface MediaLimits {
  imageBytes: number;
  videoBytes: number;
}

function readMegabytes(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback * MB;
  const parsed = megabytes.safeParse(raw);
  if (!parsed.success) throw new Error(`${name} must be a positive number of megabytes, got '${raw}'.`);
  return Math.floor(parsed.data * MB);
}

export function mediaLimits(): MediaLimits {
  return { imageBytes: readMegabytes("PLAYGROUND_MAX_IMAGE_MB", 20), videoBytes: readMegabytes("PLAYGROUND_MAX_VIDEO_MB", 512) };
}

/** `<PLAYGROUND_DATA_DIR or ./data>/media`, absolute. */
export function mediaDir(): string {
  return path.resolve(process.env.PLAYGROUND_DATA_DIR || "./data", "media");
}

/** "512 MB", "0.5 MB": the limits as people set them. */
export function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / MB) * 100) / 100} MB`;
}
