import { z } from "zod";

import { BACKEND_KINDS, FAMILIES } from "@/lib/backends/families";
import { samplingParamsSchema, storedMediaParamsSchema } from "@/lib/chat/schema";
import { toolDefinitionSchema } from "@/lib/chat/tools";
import { UNTITLED_SESSION } from "@/lib/conversations/constants";
import { ID_PATTERN, ID_RULE } from "@/lib/core/ids";
import { mediaIdSchema } from "@/lib/media/media-api";

// What POST /api/sessions (a shared snapshot) and /api/conversations (a saved, editable session)
// accept. Shared so the browser builds what the server takes. Unknown keys are stripped, so a
// backend's baseUrl or key can never ride along into a share.

/** The largest session JSON the server keeps. */
export const SESSION_MAX_BYTES = 5 * 1024 * 1024;
export { UNTITLED_SESSION };

/** Share and conversation ids: 128 random bits, base64url. */
export const sessionIdSchema = z.string().regex(ID_PATTERN, `an id is ${ID_RULE}`);

export const sessionTitleSchema = z
  .string()
  .max(200)
  .transform((title) => title.replace(/\s+/g, " ").trim() || UNTITLED_SESSION);

const longText = z.string().max(1_000_000);
const label = z.string().max(300);
const duration = z.number().min(0).max(1e9).nullish();
const dimension = z.number().int().positive().max(100_000).optional();

const mediaUrl = z
  .url({ protocol: /^https?$/ })
  .max(4096)
  .refine((url) => !/^[a-z]+:\/\/[^/]*@/i.test(url), "a shared link must not carry a user name or password");

export const attachmentSchema = z
  .object({
    kind: z.enum(["image", "video"]),
    mediaId: mediaIdSchema.optional(),
    url: mediaUrl.optional(),
    name: label.optional(),
    width: dimension,
    height: dimension,
    durationS: z.number().min(0).max(1e7).optional(),
    fps: z.number().positive().max(1000).optional(),
  })
  .refine((a) => a.mediaId !== undefined || a.url !== undefined, "an attachment needs a mediaId or a url");

const metricsSchema = z
  .object({
    ttftMs: duration,
    ttfaMs: duration,
    totalMs: duration,
    tokensPerSecond: z.number().min(0).max(1e7).nullish(),
    promptTokens: z.number().int().min(0).max(1e9).nullish(),
    completionTokens: z.number().int().min(0).max(1e9).nullish(),
  })
  .partial();

/** Which model answered: what a viewer may see of a backend, nothing about how to reach it. */
const backendSchema = z.object({
  id: z.string().max(100).optional(),
  label,
  model: label.nullish(),
  family: z.enum(FAMILIES).nullish(),
  kind: z.enum(BACKEND_KINDS).optional(),
  /** The built-in simulator answered, not a model. */
  simulated: z.boolean().optional(),
});

/** [ms since the turn started, characters that arrived] per batch (lib/chat/timings.ts). */
const timingMarks = z
  .array(z.tuple([z.number().min(0).max(1e9), z.number().int().min(0).max(1_000_000)]))
  .max(512)
  .describe("[ms since the turn started, characters that arrived] per batch of streamed text, in order");

/** Where a recorded session came from: an imported demo pack keeps its origin. */
const recordingSchema = z
  .object({
    recordedAt: z.iso.datetime({ offset: true }),
    models: z.array(label).max(50),
    importedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .describe("Where a recorded session came from: when it was recorded and by which models (set by demo packs)");

/** Actions a world model predicted, recovered or was given: `shape` is [steps, width] of `data`. */
const actionSchema = z
  .object({
    domain: z.string().min(1).max(60),
    shape: z.tuple([z.number().int().min(1).max(1000), z.number().int().min(1).max(128)]),
    data: z.array(z.array(z.number().finite()).max(128)).min(1).max(1000),
  })
  .refine(
    (a) => a.data.length === a.shape[0] && a.data.every((row) => row.length === a.shape[1]),
    "data must have the rows and columns shape names",
  );

const generationResultSchema = z
  .object({
    /** Absent for "actions": a result that is actions alone. */
    mediaId: mediaIdSchema.optional(),
    kind: z.enum(["image", "video", "actions"]),
    /** The generation mode, e.g. "policy" or "transfer". */
    mode: z.string().max(40).optional(),
    fps: z.number().positive().max(1000).optional(),
    action: actionSchema.optional(),
    /** Which actions these are: "Predicted actions", "Recovered actions", "Input actions". */
    actionTitle: z.string().max(60).optional(),
    /** How long it took to make, to replay it at its pace. */
    runMs: z.number().min(0).max(1e9).optional(),
    /** Transfer: the control video the result follows. */
    control: z.object({ type: z.string().max(20), mediaId: mediaIdSchema }).optional(),
  })
  .refine(
    (r) => (r.kind === "actions" ? r.action !== undefined : r.mediaId !== undefined),
    "a result needs its mediaId, or actions when it has no file",
  );
export type SnapshotResult = z.infer<typeof generationResultSchema>;

export const turnSchema = z.object({
  role: z.enum(["user", "assistant"]),
  text: longText.optional(),
  reasoning: longText.optional(),
  answer: longText.optional(),
  attachments: z.array(attachmentSchema).max(64).optional(),
  backend: backendSchema.optional(),
  reasoningRequested: z.boolean().optional(),
  state: z.enum(["streaming", "done", "stopped", "error"]).optional(),
  finishReason: z.string().max(50).nullish(),
  error: z.object({ code: z.string().max(100), message: z.string().max(2000) }).nullish(),
  metrics: metricsSchema.nullish(),
  /** What the server said about the request (earlier media left out); older sessions have none. */
  notices: z.array(z.string().max(2000)).max(20).optional(),
  /** The tools the reply called, arguments as they came, and the results the person gave. */
  toolCalls: z
    .array(
      z.object({
        index: z.number().int().min(0).max(1000),
        id: z.string().max(200),
        name: z.string().max(200),
        arguments: z.string().max(200_000),
        malformed: z.string().max(2000).optional(),
      }),
    )
    .max(32)
    .optional(),
  toolResults: z
    .array(z.object({ callId: z.string().max(200), content: z.string().max(200_000) }))
    .max(32)
    .optional(),
  /** A preset turn's own task (the template is `text`): shown, and used for titles, instead of the template. */
  task: z.object({ preset: z.string().max(50), label: z.string().max(200), text: z.string().max(2000) }).optional(),
  /** A generated image or video shown with the turn; world-model results carry their actions or control. */
  result: generationResultSchema.nullish(),
  /** When each batch of text arrived, to replay it at its pace; turns from before have none. */
  timings: z.object({ think: timingMarks.optional(), answer: timingMarks.optional() }).optional(),
});

export const snapshotDataSchema = z.object({
  version: z.literal(1).default(1),
  backend: backendSchema.nullish(),
  systemPrompt: z.string().max(100_000).optional(),
  reasoning: z.boolean().optional(),
  params: samplingParamsSchema.optional(),
  media: storedMediaParamsSchema.optional(),
  /** The tool definitions the chat was sent with, when it used tools. */
  tools: z.array(toolDefinitionSchema).max(64).optional(),
  turns: z.array(turnSchema).max(2000),
  recording: recordingSchema.optional(),
});
export type SnapshotData = z.infer<typeof snapshotDataSchema>;
export type SnapshotTurn = z.infer<typeof turnSchema>;

export const createShareSchema = z.object({ title: sessionTitleSchema.default(UNTITLED_SESSION), data: snapshotDataSchema });

/** The media a snapshot shows, each once, in order of appearance. */
export function snapshotMediaIds(data: SnapshotData): string[] {
  const ids = data.turns.flatMap((turn) => [
    ...(turn.attachments ?? []).map((a) => a.mediaId),
    turn.result?.mediaId,
    turn.result?.control?.mediaId,
  ]);
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
}

/** A saved conversation's state belongs to the page; the server keeps it as one JSON object. */
const conversationDataSchema = z.record(z.string(), z.unknown());
export type ConversationData = z.infer<typeof conversationDataSchema>;

/** A saved conversation as lists show it: everything but its data. */
export interface ConversationSummary {
  id: string;
  title: string;
  backendId: string | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export interface SavedConversation extends ConversationSummary {
  data: ConversationData;
}

const backendIdSchema = z.string().min(1).max(100).nullish();

export const createConversationSchema = z.object({
  title: sessionTitleSchema.default(UNTITLED_SESSION),
  backendId: backendIdSchema,
  data: conversationDataSchema.default({}),
});

export const saveConversationSchema = z.object({
  /** The revision this save was based on; a newer one on the server means someone else saved. */
  revision: z.number().int().min(1),
  title: sessionTitleSchema.optional(),
  backendId: backendIdSchema,
  data: conversationDataSchema,
});

export const renameConversationSchema = z.object({ title: sessionTitleSchema, revision: z.number().int().min(1).optional() });

export const listConversationsSchema = z.object({
  q: z.string().max(200).default(""),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
