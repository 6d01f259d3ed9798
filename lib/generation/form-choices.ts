import {
  SEED_MAX,
  TIER_SIZES,
  type AspectRatio,
  type GenerationProfileInfo,
  type ResolutionTier,
} from "@/lib/backends/generation-families";
import { maxFrames } from "@/lib/generation/request";

// The values the Generate form offers for a profile: frame counts, frame rates, the output size,
// seeds for a batch.

export const BATCH_MIN = 2;
export const BATCH_MAX = 8;
const COMMON_FPS = [8, 10, 12, 16, 24, 25, 30, 60];

/** The draft's size fields: pixels as typed, or a tier and aspect. */
interface SizeDraft {
  width: string;
  height: string;
  resolution: ResolutionTier;
  aspect: AspectRatio;
}

/** The frame counts a 1 + 4k profile takes (up to the tier's cap); null when any count in the range is fine. */
export function frameChoices(info: GenerationProfileInfo, resolution: ResolutionTier): number[] | null {
  if (!info.limits.framesFourKPlusOne) return null;
  const choices: number[] = [];
  const first = Math.floor((info.limits.frames.min + 2) / 4) * 4 + 1;
  for (let frames = first; frames <= maxFrames(info, resolution); frames += 4) choices.push(frames);
  return choices;
}

/** The valid frame count nearest to `frames`, e.g. after a smaller tier lowered the cap. */
export function snapFrames(info: GenerationProfileInfo, resolution: ResolutionTier, frames: number): number {
  const choices = frameChoices(info, resolution);
  const { min, max } = info.limits.frames;
  if (!choices) return Math.min(max, Math.max(min, Math.round(frames)));
  return choices.reduce((best, value) => (Math.abs(value - frames) < Math.abs(best - frames) ? value : best), choices[0] ?? min);
}

/** The usual frame rates inside the profile's range (and its default). */
export function fpsChoices(info: GenerationProfileInfo): number[] {
  const { min, max } = info.limits.fps;
  return [...new Set([...COMMON_FPS, info.defaults.fps])].filter((fps) => fps >= min && fps <= max).sort((a, b) => a - b);
}

/** The output size in pixels the draft asks for, or null while width/height are not numbers. */
export function outputSize(info: GenerationProfileInfo, draft: SizeDraft): { width: number; height: number } | null {
  if (info.sizing === "tier") return TIER_SIZES[draft.resolution][draft.aspect];
  const width = Number(draft.width);
  const height = Number(draft.height);
  return Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0 ? { width, height } : null;
}

export function randomSeed(): number {
  const value = new Uint32Array(1);
  crypto.getRandomValues(value);
  return value[0] ?? 0;
}

/** `count` distinct seeds: from `base` upwards when one is given, else random ones. */
export function batchSeeds(count: number, base: number | null, random: () => number = randomSeed): number[] {
  const seeds = new Set<number>();
  for (let i = 0; seeds.size < count && i < count * 10; i += 1) seeds.add(base === null ? random() : (base + i) % (SEED_MAX + 1));
  return [...seeds];
}

/** "121 frames · 5.0 s" */
export function describeClip(frames: number, fps: number): string {
  return `${frames} frames · ${(frames / fps).toFixed(1)} s`;
}
