import { readdir, readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";

import { SNIFF_BYTES, sniffMediaType } from "@/lib/media/sniff";
import { SimulatorHttpError } from "@/lib/simulator/http";

// What the simulated generators share: the stock clips they answer with, the wait that stands for
// the GPU's work, and reading the media and form bodies they are sent.

export const CLIP_NOTE = "Simulated result: a stock clip, not a generated world.";
export const SOUND_NOTE = "Simulated result: a stock clip with a synthesized tone, not generated sound.";
export const PICTURE_NOTE = "Simulated result: a procedural picture, not a generated image.";

export interface GenerationStats {
  /** Generation requests accepted (sync, async and image). */
  started: number;
  completed: number;
  /** Left by the client, or deleted while running. */
  aborted: number;
}

export interface GeneratorContext {
  generationSeconds: number;
  samplesDir: string;
  stats: GenerationStats;
}

/** public/samples, where scripts/make-sample-clips.mjs writes the clips. */
export const DEFAULT_SAMPLES_DIR = path.resolve("public", "samples");

const clipCache = new Map<string, Promise<{ name: string; bytes: Buffer }[]>>();

async function loadClips(dir: string, prefix: string): Promise<{ name: string; bytes: Buffer }[]> {
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((name) => name.startsWith(`${prefix}-`) && name.endsWith(".mp4"))
    .sort();
  return Promise.all(names.map(async (name) => ({ name, bytes: await readFile(path.join(dir, name)) })));
}

/** The stock clip for a seed: the same seed, the same clip; "sound" clips carry an AAC track. */
export async function pickClip(dir: string, seed: number, kind: "world" | "sound" = "world"): Promise<{ name: string; bytes: Buffer }> {
  const key = `${kind}:${dir}`;
  let clips = clipCache.get(key);
  if (!clips) clipCache.set(key, (clips = loadClips(dir, kind)));
  const list = await clips;
  if (list.length === 0) {
    clipCache.delete(key);
    throw new SimulatorHttpError(500, `The simulator has no stock clips in ${dir}; run node scripts/make-sample-clips.mjs.`);
  }
  return list[seed % list.length]!;
}

/** Waits the generation time; false when the client went away first. */
export function waitForGeneration(res: ServerResponse, seconds: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (res.destroyed) return resolve(false);
    const onClose = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off("close", onClose);
      resolve(true);
    }, seconds * 1000);
    res.once("close", onClose);
  });
}

export async function readBody(req: IncomingMessage, maxBytes = 512 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new SimulatorHttpError(413, "Request body is too large.");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** A multipart/form-data body as a FormData, the way the server's form parser sees it. */
export async function readForm(req: IncomingMessage): Promise<FormData> {
  const type = req.headers["content-type"] ?? "";
  if (!/^multipart\/form-data/i.test(type)) {
    throw new SimulatorHttpError(400, "This endpoint takes multipart/form-data (send each field with --form-string).");
  }
  const body = await readBody(req);
  try {
    return await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData();
  } catch {
    throw new SimulatorHttpError(400, "The multipart body could not be parsed.");
  }
}

/** What base64 media (or a data URI) hold: image, video, or null when undecodable. URLs are taken on trust. */
export function base64MediaKind(value: string): "image" | "video" | "url" | null {
  if (/^https?:\/\//i.test(value)) return "url";
  const data = value.startsWith("data:") ? value.slice(value.indexOf(",") + 1) : value;
  const bytes = Buffer.from(data.slice(0, Math.ceil(SNIFF_BYTES / 3) * 4), "base64");
  return sniffMediaType(bytes)?.kind ?? null;
}

/** A seed for the output: the request's, or one derived from the prompt. */
export function outputSeed(seed: unknown, fallback: number): number {
  return typeof seed === "number" && Number.isInteger(seed) && seed >= 0 ? seed : fallback;
}
