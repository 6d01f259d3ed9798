import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

import { ACTION_NOTE, simulatedActions } from "@/lib/simulator/actions";
import { CLIP_NOTE, pickClip, readForm, SOUND_NOTE, waitForGeneration, type GeneratorContext } from "@/lib/simulator/generation";
import { detailError, sendJson } from "@/lib/simulator/http";
import type { SimulatedGenerator } from "@/lib/simulator/models";
import { parseVideoForm, type VideoOrder } from "@/lib/simulator/omni-form";
import { generateImage } from "@/lib/simulator/omni-image";

// The vLLM-Omni Cosmos3 generator: text to image as JSON (omni-image.ts), video as multipart form
// fields, either as an async job (POST /v1/videos, polled, progress 0..100) or in one blocking
// request (POST /v1/videos/sync, answered with the MP4 bytes).

const GUARDRAIL_MESSAGE = "Guardrail blocked prompt";

interface VideoJob {
  id: string;
  order: VideoOrder;
  model: string;
  createdAt: number;
  /** Set when a poll first sees it finished. */
  completedAt?: number;
}

const MAX_JOBS = 200;

export class OmniJobs {
  private readonly jobs = new Map<string, VideoJob>();

  add(job: VideoJob): void {
    this.jobs.set(job.id, job);
    for (const id of this.jobs.keys()) {
      if (this.jobs.size <= MAX_JOBS) break;
      this.jobs.delete(id);
    }
  }

  get = (id: string) => this.jobs.get(id);
  delete = (id: string) => this.jobs.delete(id);
  all = () => [...this.jobs.values()];
}

/** The job's `action` once done: policy and inverse dynamics only [OM protocol/videos.py VideoAction]. */
function actionOf(order: VideoOrder) {
  const action = order.action;
  if (!action || action.mode === "forward_dynamics") return null;
  const data = simulatedActions(action.domainName, action.chunk, action.dim, order.seed);
  return {
    data,
    shape: [action.chunk, action.dim],
    dtype: "float32",
    raw_action_dim: action.dim,
    action_mode: action.mode,
    domain_id: action.domainId,
  };
}

const clipNote = (order: VideoOrder) => (order.sound ? SOUND_NOTE : CLIP_NOTE);
const clipFor = (context: GeneratorContext, order: VideoOrder) =>
  pickClip(context.samplesDir, order.seed, order.sound ? "sound" : "world", order.prompt, order.inputScene);

/** The job as VideoResponse has it: every field, at its protocol default until it is known. */
function jobBody(job: VideoJob, context: GeneratorContext, now = Date.now()) {
  const elapsedS = (now - job.createdAt) / 1000;
  const fraction = Math.min(1, elapsedS / context.generationSeconds);
  // A blocked prompt fails as soon as the job is picked up.
  const failed = job.order.blocked && now > job.createdAt;
  const done = !failed && fraction >= 1;
  if (done && job.completedAt === undefined) {
    job.completedAt = job.createdAt + context.generationSeconds * 1000;
    context.stats.completed += 1;
  }
  const status = failed ? "failed" : done ? "completed" : fraction < 0.1 ? "queued" : "in_progress";
  const action = done ? actionOf(job.order) : null;
  return {
    id: job.id,
    object: "video",
    model: job.model,
    prompt: job.order.prompt,
    status,
    size: job.order.size,
    progress: failed ? 0 : Math.floor(fraction * 100),
    seconds: job.order.seconds,
    quality: "default",
    completed_at: done ? Math.floor((job.completedAt ?? now) / 1000) : null,
    created_at: Math.floor(job.createdAt / 1000),
    remixed_from_video_id: null,
    error: failed ? { code: 500, message: GUARDRAIL_MESSAGE } : null,
    media_type: "video/mp4",
    expires_at: null,
    file_name: done ? `${job.id}.mp4` : null,
    inference_time_s: done ? context.generationSeconds : null,
    stage_durations: done ? { diffusion: context.generationSeconds } : {},
    peak_memory_mb: 0.0,
    action,
    simulated_note: [clipNote(job.order), ...(action ? [ACTION_NOTE] : [])].join(" "),
  };
}

async function videoSync(
  req: IncomingMessage,
  res: ServerResponse,
  generator: SimulatedGenerator,
  context: GeneratorContext,
): Promise<void> {
  const order = await parseVideoForm(await readForm(req), generator.model, context.samplesDir);
  // The prompt guardrail runs before any generation.
  if (order.blocked) throw detailError(500, GUARDRAIL_MESSAGE);
  context.stats.started += 1;
  if (!(await waitForGeneration(res, context.generationSeconds))) {
    context.stats.aborted += 1;
    return;
  }
  const clip = await clipFor(context, order);
  context.stats.completed += 1;
  res.writeHead(200, { "Content-Type": "video/mp4", "Content-Length": String(clip.bytes.length), "X-Simulated-Note": clipNote(order) });
  res.end(clip.bytes);
}

async function jobRoute(
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
  content: boolean,
  context: GeneratorContext & { omniJobs: OmniJobs },
) {
  const method = req.method ?? "GET";
  const job = context.omniJobs.get(id);
  if (!job) throw detailError(404, `Video job '${id}' was not found.`);
  const body = jobBody(job, context);
  if (content && method === "GET") {
    if (body.status !== "completed") throw detailError(400, `Video job '${job.id}' is not completed yet (status ${body.status}).`);
    const clip = await clipFor(context, job.order);
    res.writeHead(200, { "Content-Type": "video/mp4", "Content-Length": String(clip.bytes.length) });
    res.end(clip.bytes);
  } else if (!content && method === "GET") {
    sendJson(res, 200, body);
  } else if (!content && method === "DELETE") {
    if (body.status !== "completed" && body.status !== "failed") context.stats.aborted += 1;
    context.omniJobs.delete(job.id);
    sendJson(res, 200, { id: job.id, deleted: true, object: "video.deleted" });
  } else {
    throw detailError(405, "Method Not Allowed");
  }
}

export async function handleOmni(
  req: IncomingMessage,
  res: ServerResponse,
  rest: string,
  generator: SimulatedGenerator,
  context: GeneratorContext & { omniJobs: OmniJobs },
): Promise<boolean> {
  const method = req.method ?? "GET";
  const jobMatch = /^\/videos\/([A-Za-z0-9_-]+)(\/content)?$/.exec(rest);
  if (rest === "/images/generations" && method === "POST") {
    await generateImage(req, res, generator, context);
  } else if (rest === "/videos/sync" && method === "POST") {
    await videoSync(req, res, generator, context);
  } else if (rest === "/videos" && method === "POST") {
    const order = await parseVideoForm(await readForm(req), generator.model, context.samplesDir);
    const job: VideoJob = { id: `video_gen_${randomBytes(16).toString("hex")}`, order, model: generator.model, createdAt: Date.now() };
    context.omniJobs.add(job);
    context.stats.started += 1;
    sendJson(res, 200, jobBody(job, context, job.createdAt));
  } else if (rest === "/videos" && method === "GET") {
    const data = context.omniJobs.all().map((job) => jobBody(job, context));
    sendJson(res, 200, { object: "list", data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: false });
  } else if (jobMatch) {
    await jobRoute(req, res, jobMatch[1]!, Boolean(jobMatch[2]), context);
  } else {
    return false;
  }
  return true;
}
