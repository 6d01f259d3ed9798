import { isActionMode, TIER_SIZES } from "@/lib/backends/generation-families";
import type { GenerationJobView, GenerationRequest } from "@/lib/generation/schema";

// What a result file really is (probed on the server), each fact beside what was asked when they
// differ. Only what the person set is "asked"; a value filled in from defaults is never set against
// the file. The action modes' frames and rate follow the action chunk, so those are "expected".

export interface ResultFact {
  key: "size" | "frames" | "duration" | "fps" | "audio";
  got: string;
  /** What the file should have been, when it differs; null when it matches or nothing was set. */
  wanted: string | null;
  /** "asked": the person set it; "expected": the mode implies it; "sent": a job from before the two were told apart. */
  source: "asked" | "expected" | "sent";
}

type Key = keyof GenerationRequest;

/** Whether the person set all of `keys`; jobs stored before defaults were marked count as set (and say "sent"). */
const setByPerson = (job: GenerationJobView, ...keys: Key[]) => !keys.some((key) => job.defaulted?.includes(key));

/** The size the request went out with; none for the action modes, which keep the input's size. */
export function sentSize(job: GenerationJobView): { width: number; height: number } | null {
  if (isActionMode(job.mode)) return null;
  const { width, height, resolution, aspect } = job.request;
  if (width && height) return { width, height };
  return resolution && aspect ? TIER_SIZES[resolution][aspect] : null;
}

/** The size the person set: none when both its parts were defaults (a tier with the default aspect still names one). */
export function requestedSize(job: GenerationJobView): { width: number; height: number } | null {
  const { width, resolution } = job.request;
  const parts: Key[] = width ? ["width", "height"] : ["resolution", "aspect"];
  if (!resolution && !width) return null;
  return parts.every((key) => job.defaulted?.includes(key)) ? null : sentSize(job);
}

const seconds = (value: number) => `${value.toFixed(1)} s`;

export function resultFacts(job: GenerationJobView): ResultFact[] {
  const result = job.result;
  const probed = result && result.kind !== "actions" ? result.probed : undefined;
  if (!result || !probed) return [];
  const asked = job.defaulted ? "asked" : "sent";
  const source = isActionMode(job.mode) ? "expected" : asked;
  const size = requestedSize(job);
  const { generateSound } = job.request;
  // The action modes' frames and rate are the chunk's and the domain's, defaulted or not.
  const frames = isActionMode(job.mode) || setByPerson(job, "frames") ? job.request.frames : undefined;
  const fps = isActionMode(job.mode) || setByPerson(job, "fps") ? job.request.fps : undefined;
  const list: ResultFact[] = [];
  if (probed.width && probed.height) {
    const got = `${probed.width}×${probed.height}`;
    const wanted = size ? `${size.width}×${size.height}` : null;
    list.push({ key: "size", got, wanted: wanted !== got ? wanted : null, source: asked });
  }
  if (result.kind !== "video") return list;
  if (probed.frames)
    list.push({ key: "frames", got: `${probed.frames} frames`, wanted: frames && frames !== probed.frames ? `${frames}` : null, source });
  if (probed.durationS) {
    const want = frames && fps ? frames / fps : null;
    const differs = want !== null && Math.abs(want - probed.durationS) > 0.05;
    list.push({ key: "duration", got: seconds(probed.durationS), wanted: differs ? seconds(want) : null, source });
  }
  if (probed.fps) {
    const differs = fps !== undefined && Math.abs(fps - probed.fps) > 0.01;
    list.push({ key: "fps", got: `${Math.round(probed.fps * 100) / 100} fps`, wanted: differs ? `${fps}` : null, source });
  }
  // Sound is said when the file has it or it was asked for; "no sound" on every silent clip is noise.
  if (probed.audio || generateSound)
    list.push({
      key: "audio",
      got: probed.audio ? "sound" : "no sound",
      wanted: generateSound && !probed.audio ? "sound" : null,
      source: asked,
    });
  return list;
}
