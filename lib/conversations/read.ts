import { z } from "zod";

import { FAMILIES } from "@/lib/backends/families";
import { mediaParamsSchema, samplingParamsSchema } from "@/lib/chat/schema";
import { toolChoiceSchema, toolDefinitionSchema } from "@/lib/chat/tools";
import { attachmentSchema, snapshotDataSchema, turnSchema, type SnapshotData } from "@/lib/conversations/schema";

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
export type ResumeSettings = z.infer<typeof resumeSchema> & {
  /** Per turn, what an assistant turn was sent with (null for the others), read from the turn's `sent`. */
  requests?: (SavedRequest | null)[];
  /** Per turn, a reply's earlier versions (Regenerate, Edit) and where it sits among them. */
  versions?: (SavedVersions | null)[];
};

const savedVersionsSchema = z.object({
  versions: z
    .array(turnSchema.extend({ userText: z.string().max(100_000) }))
    .min(1)
    .max(100),
  versionIndex: z.number().int().min(0).max(100),
});
export type SavedVersions = z.infer<typeof savedVersionsSchema>;

/** What a saved reply was sent with: the request body but its messages, which follow from the turns. */
export type SavedRequest = z.infer<typeof savedRequestSchema>;

const savedRequestSchema = z.object({
  systemPrompt: z.string().max(100_000),
  family: z.enum(FAMILIES),
  media: z.array(attachmentSchema).max(64),
  body: z.object({
    backend: z.string().min(1).max(100),
    reasoning: z.boolean().optional(),
    params: samplingParamsSchema.optional(),
    media: mediaParamsSchema.optional(),
    tools: z.array(toolDefinitionSchema).max(64).optional(),
    toolChoice: toolChoiceSchema.optional(),
    parallelToolCalls: z.boolean().optional(),
  }),
});

/** A saved conversation's data: the snapshot, plus what the playground needs to resume it. */
export type SavedSessionData = SnapshotData & { playground?: ResumeSettings };

/** Reads stored conversation data back; null when it is not a session this version understands. */
export function readSessionData(raw: unknown): SavedSessionData | null {
  const parsed = snapshotDataSchema.safeParse(raw);
  if (!parsed.success) return null;
  const resume = resumeSchema.safeParse((raw as { playground?: unknown }).playground ?? {});
  // One unreadable request costs that turn its View code, not the chat.
  const rawTurns = (raw as { turns: { sent?: unknown; versions?: unknown; versionIndex?: unknown }[] }).turns;
  // A turn without them is not parsed only to fail: a failed parse builds its issues, a cost per turn.
  const requests = rawTurns.map((turn) => {
    const sent = turn.sent === undefined ? null : savedRequestSchema.safeParse(turn.sent);
    return sent?.success ? sent.data : null;
  });
  const versions = rawTurns.map((turn) => {
    if (turn.versions === undefined) return null;
    const kept = savedVersionsSchema.safeParse({ versions: turn.versions, versionIndex: turn.versionIndex });
    return kept.success ? kept.data : null;
  });
  const playground: ResumeSettings = resume.success ? resume.data : {};
  if (requests.some((r) => r !== null)) playground.requests = requests;
  if (versions.some((v) => v !== null)) playground.versions = versions;
  return { ...parsed.data, playground };
}

/** The share body: the schema drops the playground-only settings and anything else unknown. */
export function snapshotOf(data: SavedSessionData): SnapshotData {
  return snapshotDataSchema.parse(data);
}
