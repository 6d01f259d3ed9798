import { z } from "zod";

import { mediaIdSchema } from "@/lib/media/media-api";

// What the media repository stores for each upload: which blob an id points to and what is known
// about it. The database keeps it (lib/server/db/media.ts).

export const mediaRecordSchema = z.object({
  id: mediaIdSchema,
  blobKey: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  kind: z.enum(["image", "video"]),
  mime: z.string(),
  format: z.enum(["jpeg", "png", "webp", "gif", "mp4", "mov", "webm", "mkv"]),
  bytes: z.number().int().nonnegative(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  durationS: z.number().nonnegative().optional(),
  fps: z.number().positive().optional(),
  codec: z.string().optional(),
  createdAt: z.string(),
});
export type MediaRecord = z.infer<typeof mediaRecordSchema>;

export interface MediaCatalog {
  get(id: string): Promise<MediaRecord | null>;
  findBySha256(sha256: string): Promise<MediaRecord | null>;
  /** Adds the record unless the same content already has one; returns the record that is kept. */
  add(record: MediaRecord): Promise<MediaRecord>;
  delete(id: string): Promise<void>;
}
