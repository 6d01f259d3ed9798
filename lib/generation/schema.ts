import { z } from "zod";

import {
  ASPECT_RATIOS,
  CONTROL_TYPES,
  GENERATION_MODES,
  RESOLUTION_TIERS,
  SEED_MAX,
  type GenerationMode,
} from "@/lib/backends/generation-families";
import { observationSchema } from "@/lib/generation/observation";
import { MAX_PROMPT_CHARS } from "@/lib/generation/prompt-limits";
import { mediaIdSchema } from "@/lib/media/media-api";

// The shapes of /api/generations, shared by the browser and the server. Family rules (which
// fields a backend takes, their ranges) live in lib/generation/request.ts.

export { MAX_PROMPT_CHARS };

export const generationRequestSchema = z
  .object({
    backend: z.string().min(1).max(100),
    mode: z.enum(GENERATION_MODES),
    prompt: z.string().trim().min(1, "write a prompt").max(MAX_PROMPT_CHARS),
    negativePrompt: z.string().max(MAX_PROMPT_CHARS).optional(),
    seed: z.number().int().min(0).max(SEED_MAX).optional(),
    guidanceScale: z.number().finite().optional(),
    steps: z.number().int().optional(),
    width: z.number().int().positive().optional(),
    height: z.number().int().positive().optional(),
    resolution: z.enum(RESOLUTION_TIERS).optional(),
    aspect: z.enum(ASPECT_RATIOS).optional(),
    frames: z.number().int().positive().optional(),
    fps: z.number().finite().positive().optional(),
    promptUpsampling: z.boolean().optional(),
    generateSound: z.boolean().optional(),
    guardrails: z.boolean().optional(),
    /** Cosmos3 NIM 2.x and vLLM-Omni: the sampler's flow shift. */
    flowShift: z.number().finite().positive().max(1000).optional(),
    /** video2world on Cosmos3 NIM 2.x and vLLM-Omni: latent frames of the input to condition on, and which end to keep. */
    conditionFrameIndexes: z.array(z.number().int().min(0).max(1000)).min(1).max(100).optional(),
    conditionVideoKeep: z.enum(["first", "last"]).optional(),
    inputMediaId: mediaIdSchema.optional(),
    /** The world-model modes: the action domain, and for forward dynamics the actions (rows × the domain's width). */
    action: z
      .object({
        domain: z.string().min(1).max(60),
        data: z.array(z.array(z.number().finite()).max(128)).max(1000).optional(),
      })
      .strict()
      .optional(),
    /** Transfer: the control video and its kind; `guidance` is the control's strength (0–10). */
    control: z
      .object({ type: z.enum(CONTROL_TYPES), mediaId: mediaIdSchema, guidance: z.number().finite().min(0).max(10).optional() })
      .strict()
      .optional(),
    /** Policy on DROID: the robot's joint and gripper positions, for the checkpoints that condition on them. */
    observation: observationSchema.optional(),
    /** vLLM-Omni: seconds of generated sound; the video's length when absent. */
    soundDuration: z.number().finite().positive().max(120).optional(),
  })
  .strict();

/** What the result file really is, read from it (not what was asked); absent fields are unknown. */
export interface ResultMediaFacts {
  width?: number;
  height?: number;
  frames?: number;
  durationS?: number;
  fps?: number;
  /** The file has a sound track. */
  audio: boolean;
}

/** Actions a finished job predicted (policy) or recovered (inverse dynamics): `shape` is [steps, width]. */
export interface ActionResult {
  domain: string;
  shape: [number, number];
  data: number[][];
}

/** A finished job's output: a stored file (with its actions, for the world-model modes), or actions alone. */
export type GenerationResult =
  | { mediaId: string; kind: "image" | "video"; url: string; action?: ActionResult; probed?: ResultMediaFacts }
  | { kind: "actions"; action: ActionResult };
export type MediaResult = Extract<GenerationResult, { mediaId: string }>;

export type GenerationRequest = z.infer<typeof generationRequestSchema>;

export const listGenerationsSchema = z.object({
  backend: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const JOB_STATUSES = ["queued", "running", "succeeded", "failed", "canceled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export type ProgressSource = "upstream" | "estimate";

/** GET /api/generations/{id}: a job as the browser sees it. Absent fields are not known (yet). */
export interface GenerationJobView {
  id: string;
  backend: string;
  mode: GenerationMode;
  status: JobStatus;
  /** The request with the family's defaults filled in (and the seed that was used). */
  request: GenerationRequest;
  /** The fields of `request` filled in from defaults, not asked for; absent on jobs from before it was kept. */
  defaulted?: (keyof GenerationRequest)[];
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** 0..1; with progressSource "estimate" it is elapsed time over the expected time, never 1 before the end. */
  progress?: number;
  progressSource?: ProgressSource;
  /** Seconds since the job started running (0 while queued). */
  elapsedS: number;
  estimatedTotalS?: number;
  /** Jobs ahead of this one on its backend, plus one; only while queued. */
  queuePosition?: number;
  result?: GenerationResult;
  upsampledPrompt?: string;
  seed?: number;
  /** A remark from the model server, e.g. that a simulated result is a stock clip. */
  note?: string;
  error?: { code: string; message: string };
}

export interface GenerationJobList {
  jobs: GenerationJobView[];
}
