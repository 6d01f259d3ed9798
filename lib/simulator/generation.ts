import { readdir, readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";

import { SNIFF_BYTES, sniffMediaType } from "@/lib/media/sniff";
import { SimulatorHttpError } from "@/lib/simulator/http";
import { DEFAULT_SAMPLES_DIR, recognizeSample } from "@/lib/simulator/samples";
import { sampleFiles, SCENES, type SceneName } from "@/scripts/sample-scenes.mjs";

// What the simulated generators share: the stock clips they answer with (the scene of the input when
// it is a bundled sample, else the one closest to the prompt; the take chosen by the seed), the wait that stands for the GPU's work, and
// reading the media and form bodies they are sent.

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

export { DEFAULT_SAMPLES_DIR };

const clipCache = new Map<string, Promise<Map<string, Buffer>>>();

async function loadClips(dir: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith(".mp4"));
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(path.join(dir, name))] as const)));
}

// Words that point a prompt at one of the sample scenes; the scene with the most hits wins.
const SCENE_WORDS: Record<SceneName, RegExp> = {
  "robot-arm": /\b(?:robot|arm|gripper|grasp\w*|pick\w*|place\w*|cube|block|manipulat\w*|tabletop|table)\b/gi,
  "rolling-ball": /\b(?:ball|roll\w*|bounc\w*|sphere|marble|floor)\b/gi,
  driving: /\b(?:car|driv\w*|road|street|highway|vehicle|lane|traffic|dashcam|ego)\b/gi,
};

/** The sample scene closest to the prompt's subject; null when no scene word occurs. */
export function sceneForPrompt(prompt: string): SceneName | null {
  let best: SceneName | null = null;
  let hits = 0;
  for (const scene of SCENES) {
    const count = prompt.match(SCENE_WORDS[scene.name])?.length ?? 0;
    if (count > hits) [best, hits] = [scene.name, count];
  }
  return best;
}

/**
 * The scene an input image or video shows when it is a bundled sample (bytes, base64 or a data
 * URI); null for anything else, links included (the simulator fetches nothing).
 */
export function inputScene(input: Uint8Array | string | undefined, dir: string = DEFAULT_SAMPLES_DIR): SceneName | null {
  if (input === undefined || (typeof input === "string" && /^https?:\/\//i.test(input))) return null;
  const bytes =
    typeof input === "string" ? Buffer.from(input.startsWith("data:") ? input.slice(input.indexOf(",") + 1) : input, "base64") : input;
  return (recognizeSample(bytes, dir) ?? recognizeSample(bytes))?.scene ?? null;
}

/**
 * The stock clip for a request: the input's scene when it is a sample, else the prompt's (else the
 * seed's), and the seed picks the take, so the same request gives the same clip and another seed
 * another take.
 */
export async function pickClip(
  dir: string,
  seed: number,
  kind: "world" | "sound" = "world",
  prompt = "",
  fromInput: SceneName | null = null,
): Promise<{ name: string; bytes: Buffer }> {
  let clips = clipCache.get(dir);
  if (!clips) clipCache.set(dir, (clips = loadClips(dir)));
  const files = await clips;
  const chosen = fromInput ?? sceneForPrompt(prompt);
  const scene = SCENES.find((entry) => entry.name === chosen) ?? SCENES[seed % SCENES.length];
  const take = scene ? Math.floor(seed / (chosen ? 1 : SCENES.length)) % scene.takes : 0;
  const sample = sampleFiles().find(
    (file) => file.kind === (kind === "world" ? "clip" : "sound") && file.scene === scene?.name && file.take === take,
  );
  const bytes = sample ? files.get(sample.file) : undefined;
  if (!sample || !bytes) {
    clipCache.delete(dir);
    throw new SimulatorHttpError(500, `The simulator has no stock clips in ${dir}; run node scripts/make-sample-clips.mjs.`);
  }
  return { name: sample.file, bytes };
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
