import { z } from "zod";

import { snapshotDataSchema, type SnapshotData } from "@/lib/conversations/schema";

// Reading a saved session back and making a share of it, with the schemas; apart from lib/conversations/data so that pages can
// build and show sessions without loading zod.

/** Settings that only the playground reads back; a share never carries them. */
const resumeSchema = z.object({
  mediaDraft: z
    .object({
      sampling: z.enum(["fps", "num_frames"]),
      fps: z.string().max(40),
      num_frames: z.string().max(40),
      shortest_edge: z.string().max(40),
      longest_edge: z.string().max(40),
      max_num_tiles: z.string().max(40),
    })
    .optional(),
  /** The sampling parameters were typed in, not the backend's preset. */
  paramsEdited: z.boolean().optional(),
  /** The Tools panel as the person left it, canned results included. */
  tools: z
    .object({
      enabled: z.boolean(),
      text: z.string().max(200_000),
      choice: z.string().max(100),
      parallel: z.boolean(),
      canned: z.record(z.string().max(100), z.array(z.string().max(20_000)).max(20)),
    })
    .optional(),
});
export type ResumeSettings = z.infer<typeof resumeSchema>;

/** A saved conversation's data: the snapshot, plus what the playground needs to resume it. */
export type SavedSessionData = SnapshotData & { playground?: ResumeSettings };

/** Reads stored conversation data back; null when it is not a session this version understands. */
export function readSessionData(raw: unknown): SavedSessionData | null {
  const parsed = snapshotDataSchema.safeParse(raw);
  if (!parsed.success) return null;
  const resume = resumeSchema.safeParse((raw as { playground?: unknown }).playground ?? {});
  return { ...parsed.data, playground: resume.success ? resume.data : {} };
}

/** The share body: the schema drops the playground-only settings and anything else unknown. */
export function snapshotOf(data: SavedSessionData): SnapshotData {
  return snapshotDataSchema.parse(data);
}
