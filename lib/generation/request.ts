import { PlaygroundError } from "@/lib/core/errors";
import {
  GENERATION_FAMILIES, MODE_LABELS, TIER_SIZES, modeInput,
  type GenerationFamily, type GenerationFamilyInfo, type GenerationMode, type NumberRange, type ResolutionTier,
} from "@/lib/backends/generation-families";
import type { GenerationRequest } from "@/lib/generation/schema";

// Checks a generation request against its backend's family and fills in the family's defaults,
// refusing what the model server would refuse (or silently ignore) with a sentence a person can
// act on. Pure: the request builders (lib/generation/builders.ts) take what this returns.

export interface InputMediaFacts {
  kind: "image" | "video";
  mime: string;
}

export interface ResolvedGeneration {
  family: GenerationFamily;
  /** The request as it will run: defaults filled in, the seed chosen. */
  request: GenerationRequest & { seed: number; steps: number; guidanceScale: number };
  width: number;
  height: number;
  /** 1 for an image. */
  frames: number;
  /** null for an image. */
  fps: number | null;
  output: "video" | "image";
  input: "image" | "video" | null;
}

const refuse = (message: string) => new PlaygroundError("unsupported_combination", message);

function checkRange(name: string, value: number, range: NumberRange, label: string): void {
  if (value < range.min || value > range.max) {
    throw refuse(`${name} ${value} is out of range for ${label}: use ${range.min}–${range.max}.`);
  }
}

function checkMode(info: GenerationFamilyInfo, mode: GenerationMode): void {
  if (info.modes.includes(mode)) return;
  const hint = mode === "text2image" ? " Pick a Cosmos3 backend to make images." : "";
  throw refuse(`${info.label} cannot do ${MODE_LABELS[mode]}; it takes ${info.modes.join(", ")}.${hint}`);
}

function checkInput(request: GenerationRequest, input: InputMediaFacts | undefined): "image" | "video" | null {
  const needed = modeInput(request.mode);
  if (!needed && request.inputMediaId) {
    throw refuse(`${request.mode} takes no input media: remove inputMediaId, or choose image2world or video2world.`);
  }
  if (needed && !request.inputMediaId) {
    throw refuse(`${request.mode} needs an input ${needed}: upload one to /api/media and send its id as inputMediaId.`);
  }
  if (needed && input && input.kind !== needed) {
    throw refuse(`${request.mode} needs an input ${needed}, but media '${request.inputMediaId}' is ${input.kind === "image" ? "an image" : "a video"}; choose ${input.kind === "image" ? "image2world" : "video2world"} or another file.`);
  }
  return needed;
}

function checkSwitches(info: GenerationFamilyInfo, request: GenerationRequest): void {
  const unsupported = (["promptUpsampling", "generateSound", "guardrails"] as const).filter(
    (name) => request[name] !== undefined && !info.switches[name],
  );
  if (unsupported.length > 0) {
    throw refuse(`${info.label} has no ${unsupported.join(" or ")} switch; leave ${unsupported.length > 1 ? "them" : "it"} out.`);
  }
  if (request.mode === "text2image" && request.generateSound) {
    throw refuse("Sound goes with video; a text-to-image request cannot generate sound. Turn generateSound off.");
  }
}

/** A side that is not a multiple of 8, named with the nearest sizes that are. */
function checkMultipleOf8(name: "Width" | "Height", value: number): void {
  if (value % 8 === 0) return;
  const below = Math.floor(value / 8) * 8;
  throw refuse(`${name} ${value} is not a multiple of 8: Cosmos Predict needs width and height in multiples of 8 — try ${below} or ${below + 8}.`);
}

function pixelSize(info: GenerationFamilyInfo, request: GenerationRequest): { width: number; height: number } {
  if (request.resolution !== undefined || request.aspect !== undefined) {
    throw refuse(`${info.label} takes width and height in pixels, not a resolution tier or aspect ratio; send width and height instead.`);
  }
  const width = request.width ?? info.defaults.width ?? 1280;
  const height = request.height ?? info.defaults.height ?? 704;
  const side = info.limits.side ?? { min: 1, max: 8192 };
  checkRange("Width", width, side, info.label);
  checkRange("Height", height, side, info.label);
  checkMultipleOf8("Width", width);
  checkMultipleOf8("Height", height);
  return { width, height };
}

function tierSize(info: GenerationFamilyInfo, request: GenerationRequest) {
  if (request.width !== undefined || request.height !== undefined) {
    throw refuse(`${info.label} takes a resolution tier (256p, 480p or 720p) and an aspect ratio, not width and height in pixels.`);
  }
  const resolution = request.resolution ?? info.defaults.resolution ?? "480p";
  const aspect = request.aspect ?? info.defaults.aspect ?? "16:9";
  return { resolution, aspect, ...TIER_SIZES[resolution][aspect] };
}

function checkFrames(info: GenerationFamilyInfo, frames: number, resolution: ResolutionTier | undefined): void {
  const perTier = info.limits.framesPerTier;
  if (!perTier || !resolution) return checkRange("frames", frames, info.limits.frames, info.label);
  const max = perTier[resolution];
  const lower = Math.max(25, Math.floor((frames - 1) / 4) * 4 + 1);
  const valid = (frames - 1) % 4 === 0 && frames >= 25 && frames <= max;
  if (!valid) {
    const suggestion = frames > max ? `at ${resolution} use at most ${max}` : frames < 25 ? "use at least 25" : `try ${lower} or ${lower + 4}`;
    throw refuse(`${info.label} takes 1 + 4k frames, from 25 up to ${max} at ${resolution} (${perTier["256p"]} at 256p, ${perTier["480p"]} at 480p); ${frames} is not one: ${suggestion}.`);
  }
}

function checkFps(info: GenerationFamilyInfo, fps: number): void {
  const choices = info.limits.fpsChoices;
  if (choices && !choices.includes(fps)) throw refuse(`${info.label} generates at ${choices.join(", ")} fps; ${fps} is not one of them.`);
  checkRange("fps", fps, info.limits.fps, info.label);
}

/** Validates and completes a request; `seed` is used when the request names none. */
export function resolveGeneration(
  family: GenerationFamily,
  request: GenerationRequest,
  options: { seed: number; input?: InputMediaFacts },
): ResolvedGeneration {
  const info = GENERATION_FAMILIES[family];
  checkMode(info, request.mode);
  const input = checkInput(request, options.input);
  checkSwitches(info, request);
  const steps = request.steps ?? info.defaults.steps;
  const guidanceScale = request.guidanceScale ?? info.defaults.guidanceScale;
  checkRange("steps", steps, info.limits.steps, info.label);
  checkRange("guidanceScale", guidanceScale, info.limits.guidanceScale, info.label);

  const isImage = request.mode === "text2image";
  if (isImage && (request.frames !== undefined || request.fps !== undefined)) {
    throw refuse("A text-to-image request has no frames or fps; leave them out.");
  }
  const tier = info.sizing === "tier" ? tierSize(info, request) : null;
  const { width, height } = tier ?? pixelSize(info, request);
  const frames = isImage ? 1 : (request.frames ?? info.defaults.frames);
  const fps = isImage ? null : (request.fps ?? info.defaults.fps);
  if (!isImage) checkFrames(info, frames, tier?.resolution);
  if (fps !== null) checkFps(info, fps);

  const completed = {
    ...request,
    seed: request.seed ?? options.seed,
    steps,
    guidanceScale,
    ...(tier ? { resolution: tier.resolution, aspect: tier.aspect } : { width, height }),
    ...(fps === null ? {} : { frames, fps }),
    ...(info.switches.promptUpsampling ? { promptUpsampling: request.promptUpsampling ?? info.defaults.promptUpsampling ?? false } : {}),
  };
  return { family, request: completed, width, height, frames, fps, output: isImage ? "image" : "video", input };
}

/** Pixels × frames × steps: what the expected duration of a job scales with. */
export function workUnits(resolved: Pick<ResolvedGeneration, "width" | "height" | "frames" | "request">): number {
  return resolved.width * resolved.height * resolved.frames * resolved.request.steps;
}
