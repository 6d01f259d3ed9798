import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { sniffMediaType } from "@/lib/media/sniff";
import type { SimulatedGenerator } from "@/lib/simulator/models";
import {
  CLIP_NOTE, PICTURE_NOTE, outputSeed, pickClip, readBody, readForm, waitForGeneration, type GeneratorContext,
} from "@/lib/simulator/generation";
import { detailError, sendJson } from "@/lib/simulator/http";
import { drawPicture } from "@/lib/simulator/picture";
import { hashToSeed } from "@/lib/simulator/random";

// The vLLM-Omni Cosmos3 generator: text to image as JSON, video as multipart form fields, either
// as an async job (POST /v1/videos, polled, progress 0..100) or in one blocking request
// (POST /v1/videos/sync, answered with the MP4 bytes).

interface VideoOrder {
  prompt: string;
  seed: number;
  size: string;
  frames: number;
  fps: number;
}

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

const SIZE = /^(\d{2,5})x(\d{2,5})$/;

function intField(form: FormData, name: string, fallback: number): number {
  const raw = form.get(name);
  if (raw === null || raw === "") return fallback;
  const value = Number(raw);
  if (typeof raw !== "string" || !Number.isInteger(value)) throw detailError(400, `${name} must be an integer, got '${String(raw)}'.`);
  return value;
}

function parseVideoForm(form: FormData): VideoOrder {
  const prompt = form.get("prompt");
  if (typeof prompt !== "string" || prompt.trim() === "") throw detailError(400, "prompt is required.");
  const size = form.get("size") ?? "1280x720";
  if (typeof size !== "string" || !SIZE.test(size)) throw detailError(400, `size must look like 1280x720, got '${String(size)}'.`);
  const frames = intField(form, "num_frames", 189);
  if (frames < 1 || frames > 1000) throw detailError(400, `num_frames must be between 1 and 1000, got ${frames}.`);
  const fps = intField(form, "fps", 24);
  intField(form, "num_inference_steps", 35);
  const extra = form.get("extra_params");
  if (typeof extra === "string" && extra !== "") {
    try {
      const parsed: unknown = JSON.parse(extra);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
    } catch {
      throw detailError(400, "extra_params must be a JSON object.");
    }
  }
  const sound = form.get("generate_sound");
  if (sound !== null && sound !== "true" && sound !== "false") throw detailError(400, "generate_sound must be 'true' or 'false'.");
  return { prompt, seed: intField(form, "seed", hashToSeed(prompt)), size, frames, fps };
}

async function checkReference(form: FormData): Promise<void> {
  const reference = form.get("input_reference");
  if (reference === null) return;
  if (typeof reference === "string") throw detailError(400, "input_reference must be an uploaded file, not a text field.");
  const head = new Uint8Array(await reference.slice(0, 4096).arrayBuffer());
  if (!sniffMediaType(head)) throw detailError(400, "input_reference is neither an image nor a video the server can decode.");
}

function jobBody(job: VideoJob, context: GeneratorContext, now = Date.now()) {
  const elapsedS = (now - job.createdAt) / 1000;
  const fraction = Math.min(1, elapsedS / context.generationSeconds);
  const done = fraction >= 1;
  if (done && job.completedAt === undefined) {
    job.completedAt = job.createdAt + context.generationSeconds * 1000;
    context.stats.completed += 1;
  }
  const status = done ? "completed" : fraction < 0.1 ? "queued" : "in_progress";
  return {
    id: job.id,
    object: "video",
    status,
    progress: Math.floor(fraction * 100),
    created_at: Math.floor(job.createdAt / 1000),
    ...(done ? { completed_at: Math.floor((job.completedAt ?? now) / 1000), inference_time_s: context.generationSeconds } : {}),
    model: job.model,
    size: job.order.size,
    seconds: String(Math.round((job.order.frames / job.order.fps) * 10) / 10),
    error: null,
    simulated_note: CLIP_NOTE,
  };
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
    await generateImage(req, res, context);
  } else if (rest === "/videos/sync" && method === "POST") {
    const form = await readForm(req);
    const order = parseVideoForm(form);
    await checkReference(form);
    context.stats.started += 1;
    if (!(await waitForGeneration(res, context.generationSeconds))) {
      context.stats.aborted += 1;
      return true;
    }
    const clip = await pickClip(context.samplesDir, order.seed);
    context.stats.completed += 1;
    res.writeHead(200, { "Content-Type": "video/mp4", "Content-Length": String(clip.bytes.length), "X-Simulated-Note": CLIP_NOTE });
    res.end(clip.bytes);
  } else if (rest === "/videos" && method === "POST") {
    const form = await readForm(req);
    const order = parseVideoForm(form);
    await checkReference(form);
    const job: VideoJob = { id: `video_gen_${randomBytes(12).toString("hex")}`, order, model: generator.model, createdAt: Date.now() };
    context.omniJobs.add(job);
    context.stats.started += 1;
    sendJson(res, 200, jobBody(job, context));
  } else if (rest === "/videos" && method === "GET") {
    sendJson(res, 200, { object: "list", data: context.omniJobs.all().map((job) => jobBody(job, context)) });
  } else if (jobMatch) {
    const job = context.omniJobs.get(jobMatch[1]!);
    if (!job) throw detailError(404, `Video job '${jobMatch[1]}' was not found.`);
    const body = jobBody(job, context);
    if (jobMatch[2] && method === "GET") {
      if (body.status !== "completed") throw detailError(400, `Video job '${job.id}' is not completed yet (status ${body.status}).`);
      const clip = await pickClip(context.samplesDir, job.order.seed);
      res.writeHead(200, { "Content-Type": "video/mp4", "Content-Length": String(clip.bytes.length) });
      res.end(clip.bytes);
    } else if (!jobMatch[2] && method === "GET") {
      sendJson(res, 200, body);
    } else if (!jobMatch[2] && method === "DELETE") {
      if (body.status !== "completed") context.stats.aborted += 1;
      context.omniJobs.delete(job.id);
      sendJson(res, 200, { id: job.id, object: "video.deleted", deleted: true });
    } else {
      throw detailError(405, "Method Not Allowed");
    }
  } else {
    return false;
  }
  return true;
}

async function generateImage(req: IncomingMessage, res: ServerResponse, context: GeneratorContext): Promise<void> {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse((await readBody(req, 16 * 1024 * 1024)).toString("utf8")) as Record<string, unknown>;
  } catch {
    throw detailError(400, "The request body is not valid JSON.");
  }
  if (typeof body.prompt !== "string" || body.prompt.trim() === "") throw detailError(400, "prompt is required.");
  const size = typeof body.size === "string" ? SIZE.exec(body.size) : body.size === undefined ? SIZE.exec("1024x1024") : null;
  if (!size) throw detailError(400, `size must look like 1024x1024, got '${String(body.size)}'.`);
  if (body.n !== undefined && body.n !== 1) throw detailError(400, "The simulator makes one image per request (n=1).");
  if (body.response_format !== undefined && body.response_format !== "b64_json") throw detailError(400, "response_format must be 'b64_json'.");
  context.stats.started += 1;
  // Text to image takes a fraction of a video's time.
  if (!(await waitForGeneration(res, context.generationSeconds / 2))) {
    context.stats.aborted += 1;
    return;
  }
  const seed = outputSeed(body.seed, hashToSeed(body.prompt));
  const picture = drawPicture(hashToSeed(String(seed), body.prompt), { width: Number(size[1]), height: Number(size[2]) });
  context.stats.completed += 1;
  sendJson(res, 200, { created: Math.floor(Date.now() / 1000), data: [{ b64_json: picture.png.toString("base64") }], simulated_note: PICTURE_NOTE });
}
