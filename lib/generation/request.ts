import { profileModes } from "@/lib/backends/generation-contracts";
import {
  GENERATION_PROFILES,
  MODE_LABELS,
  modeDefaults,
  modeInput,
  TIER_SIZES,
  type GenerationMode,
  type GenerationProfile,
  type GenerationProfileInfo,
  type NumberRange,
  type ResolutionTier,
} from "@/lib/backends/generation-families";
import { PlaygroundError } from "@/lib/core/errors";
import type { GenerationRequest } from "@/lib/generation/schema";
import { defaultTier, resolveWorldModel, type WorldModelPlan } from "@/lib/generation/world-request";

// Checks a generation request against the profile its backend speaks and fills in the defaults,
// refusing what the model server would refuse (or silently ignore) with a sentence a person can
// act on. Pure: the request builders (lib/generation/builders.ts) take what this returns.

export interface InputMediaFacts {
  kind: "image" | "video";
  mime: string;
}

export interface ResolvedGeneration {
  profile: GenerationProfile;
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
  /** The action modes: the domain and the chunk of actions. */
  world?: WorldModelPlan;
  /** Request fields filled in from defaults (or the seed chosen): sent, but not asked for. */
  defaulted: (keyof GenerationRequest)[];
}

const refuse = (message: string) => new PlaygroundError("unsupported_combination", message);

function checkRange(name: string, value: number, range: NumberRange, label: string): void {
  if (value < range.min || value > range.max) {
    const allowed = Number.isFinite(range.max) ? `use ${range.min}–${range.max}` : `use at least ${range.min}`;
    throw refuse(`${name} ${value} is out of range for ${label}: ${allowed}.`);
  }
}

function checkMode(profile: GenerationProfile, mode: GenerationMode): void {
  const missing = profileModes(profile).unavailable.find((entry) => entry.mode === mode);
  if (!missing) return;
  const { label, modes } = GENERATION_PROFILES[profile];
  throw refuse(`${label} cannot do ${MODE_LABELS[mode]}; it takes ${modes.join(", ")}. ${missing.reason}`);
}

function checkInput(request: GenerationRequest, input: InputMediaFacts | undefined): "image" | "video" | null {
  const needed = modeInput(request.mode);
  // Transfer may follow the control alone; an input video, when given, is what it restyles.
  if (request.mode === "transfer" && !request.inputMediaId) return null;
  if (!needed && request.inputMediaId) {
    throw refuse(`${request.mode} takes no input media: remove inputMediaId, or choose image2world or video2world.`);
  }
  if (needed && !request.inputMediaId) {
    throw refuse(`${request.mode} needs an input ${needed}: upload one to /api/media and send its id as inputMediaId.`);
  }
  if (needed && input && input.kind !== needed) {
    throw refuse(
      `${request.mode} needs an input ${needed}, but media '${request.inputMediaId}' is ${input.kind === "image" ? "an image" : "a video"}; choose ${input.kind === "image" ? "image2world" : "video2world"} or another file.`,
    );
  }
  return needed;
}

function checkSwitches(info: GenerationProfileInfo, request: GenerationRequest): void {
  const unsupported = [
    ...(["promptUpsampling", "generateSound", "guardrails"] as const).filter((name) => request[name] !== undefined && !info.switches[name]),
    ...(request.flowShift !== undefined && !info.flowShift ? ["flowShift"] : []),
  ];
  if (unsupported.length > 0) {
    throw refuse(`${info.label} has no ${unsupported.join(" or ")} setting; leave ${unsupported.length > 1 ? "them" : "it"} out.`);
  }
  if (request.mode === "text2image" && request.generateSound) {
    throw refuse("Sound goes with video; a text-to-image request cannot generate sound. Turn generateSound off.");
  }
}

/** Counted as the server counts: runs of non-space characters. */
export const countWords = (text: string): number => (text.trim() ? text.trim().split(/\s+/).length : 0);

function checkPromptWords(info: GenerationProfileInfo, prompt: string): void {
  const limit = info.limits.promptWords;
  const words = countWords(prompt);
  if (limit !== undefined && words > limit) {
    throw refuse(`The prompt has ${words} words; ${info.label} takes prompts of up to ${limit} words. Shorten it by ${words - limit}.`);
  }
}

/** A side that is not a multiple of 8, named with the nearest sizes that are. */
function checkMultipleOf8(name: "Width" | "Height", value: number): void {
  if (value % 8 === 0) return;
  const below = Math.floor(value / 8) * 8;
  throw refuse(
    `${name} ${value} is not a multiple of 8: Cosmos Predict needs width and height in multiples of 8 — try ${below} or ${below + 8}.`,
  );
}

function pixelSize(info: GenerationProfileInfo, request: GenerationRequest): { width: number; height: number } {
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

function tierSize(info: GenerationProfileInfo, request: GenerationRequest, profile: GenerationProfile) {
  if (request.width !== undefined || request.height !== undefined) {
    throw refuse(`${info.label} takes a resolution tier (256p, 480p or 720p) and an aspect ratio, not width and height in pixels.`);
  }
  const resolution = request.resolution ?? defaultTier(profile, request.mode) ?? "480p";
  const aspect = request.aspect ?? info.defaults.aspect ?? "16:9";
  return { resolution, aspect, ...TIER_SIZES[resolution][aspect] };
}

/** The largest frame count the profile takes at a tier. */
export function maxFrames(info: GenerationProfileInfo, resolution: ResolutionTier | undefined): number {
  const perTier = info.limits.framesPerTier;
  return Math.min(info.limits.frames.max, perTier && resolution ? perTier[resolution] : Number.POSITIVE_INFINITY);
}

function checkFrames(info: GenerationProfileInfo, frames: number, resolution: ResolutionTier | undefined): void {
  if (!info.limits.framesFourKPlusOne) return checkRange("frames", frames, info.limits.frames, info.label);
  const { min } = info.limits.frames;
  const max = maxFrames(info, resolution);
  if ((frames - 1) % 4 === 0 && frames >= min && frames <= max) return;
  const lower = Math.max(min, Math.floor((frames - 1) / 4) * 4 + 1);
  const suggestion =
    frames > max
      ? `${resolution ? `at ${resolution} ` : ""}use at most ${max}`
      : frames < min
        ? `use at least ${min}`
        : `try ${lower} or ${lower + 4}`;
  const caps = info.limits.framesPerTier;
  const perTier = caps && resolution ? ` at ${resolution} (${caps["256p"]} at 256p, ${caps["480p"]} at 480p, ${caps["720p"]} at 720p)` : "";
  throw refuse(`${info.label} takes 1 + 4k frames, from ${min} up to ${max}${perTier}; ${frames} is not one: ${suggestion}.`);
}

function checkFps(info: GenerationProfileInfo, fps: number): void {
  if (info.limits.fpsInteger && !Number.isInteger(fps))
    throw refuse(`${info.label} takes a whole number of frames per second; ${fps} is not one.`);
  checkRange("fps", fps, info.limits.fps, info.label);
}

/** V2V conditioning: latent indexes below (frames − 1) / 4 + 1, only where the profile has it. */
function checkConditioning(info: GenerationProfileInfo, request: GenerationRequest, frames: number): void {
  const given = request.conditionFrameIndexes !== undefined || request.conditionVideoKeep !== undefined;
  if (!given) return;
  if (!info.videoConditioning)
    throw refuse(`${info.label} takes no video conditioning settings; leave conditionFrameIndexes and conditionVideoKeep out.`);
  if (request.mode !== "video2world")
    throw refuse("conditionFrameIndexes and conditionVideoKeep go with video2world only; leave them out.");
  const latents = (frames - 1) / 4 + 1;
  const bad = (request.conditionFrameIndexes ?? []).filter((index) => index >= latents);
  if (bad.length > 0) {
    throw refuse(
      `conditionFrameIndexes are latent frames, below ${latents} for ${frames} frames; ${bad.join(", ")} ${bad.length > 1 ? "are" : "is"} too large.`,
    );
  }
}

/** Validates and completes a request; `seed` is used when the request names none. */
function checkControl(request: GenerationRequest, control: InputMediaFacts | undefined): void {
  if (request.control && control && control.kind !== "video") {
    throw refuse(`The control must be a video (an ${request.control.type} clip), but media '${request.control.mediaId}' is an image.`);
  }
}

export function resolveGeneration(
  profile: GenerationProfile,
  request: GenerationRequest,
  options: { seed: number; input?: InputMediaFacts; control?: InputMediaFacts },
): ResolvedGeneration {
  const info = GENERATION_PROFILES[profile];
  checkMode(profile, request.mode);
  const input = checkInput(request, options.input);
  checkSwitches(info, request);
  const world = resolveWorldModel(profile, request);
  checkControl(request, options.control);
  checkPromptWords(info, request.prompt);
  const defaults = { ...modeDefaults(info, request.mode), ...world.sampling };
  const steps = request.steps ?? defaults.steps;
  const guidanceScale = request.guidanceScale ?? defaults.guidanceScale;
  checkRange("steps", steps, info.limits.steps, info.label);
  checkRange("guidanceScale", guidanceScale, info.limits.guidanceScale, info.label);
  const flowShift = info.flowShift ? (request.flowShift ?? defaults.flowShift) : undefined;

  const isImage = request.mode === "text2image";
  if (isImage && (request.frames !== undefined || request.fps !== undefined)) {
    throw refuse("A text-to-image request has no frames or fps; leave them out.");
  }
  const tier = info.sizing === "tier" ? tierSize(info, request, profile) : null;
  const { width, height } = tier ?? pixelSize(info, request);
  const frames = isImage ? 1 : (world.frames ?? request.frames ?? info.defaults.frames);
  const fps = isImage ? null : (world.fps ?? request.fps ?? info.defaults.fps);
  // Action rollouts are chunk + 1 frames, checked with the actions (world-request.ts).
  if (!isImage && !world.world) checkFrames(info, frames, tier?.resolution);
  if (fps !== null) checkFps(info, fps);
  checkConditioning(info, request, frames);

  const completed = {
    ...request,
    seed: request.seed ?? options.seed,
    steps,
    guidanceScale,
    ...(flowShift === undefined ? {} : { flowShift }),
    ...(tier ? { resolution: tier.resolution, aspect: tier.aspect } : { width, height }),
    ...(fps === null ? {} : { frames, fps }),
    ...(info.switches.promptUpsampling ? { promptUpsampling: request.promptUpsampling ?? info.defaults.promptUpsampling ?? false } : {}),
    ...(world.world ? { action: { ...request.action, domain: world.world.domain.name } } : {}),
  };
  const output = isImage ? "image" : "video";
  const defaulted = (Object.keys(completed) as (keyof GenerationRequest)[]).filter((key) => request[key] === undefined).sort();
  return {
    profile,
    request: completed,
    width,
    height,
    frames,
    fps,
    output,
    input,
    defaulted,
    ...(world.world ? { world: world.world } : {}),
  };
}

/** Pixels × frames × steps: what the expected duration of a job scales with. */
export function workUnits(resolved: Pick<ResolvedGeneration, "width" | "height" | "frames" | "request">): number {
  return resolved.width * resolved.height * resolved.frames * resolved.request.steps;
}
