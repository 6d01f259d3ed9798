import { isActionMode, TIER_SIZES } from "@/lib/backends/generation-families";
import type { GenerationJobView } from "@/lib/generation/schema";

// What a result file really is (probed on the server), each fact beside what was asked when they
// differ. Only what the request set is "asked": the action modes send no size (the server keeps the
// input's), and their frames and rate follow the action chunk, so those are "expected", not asked.

export interface ResultFact {
  key: "size" | "frames" | "duration" | "fps" | "audio";
  got: string;
  /** What the file should have been, when it differs; null when it matches or nothing was set. */
  wanted: string | null;
  /** "asked" for what the request set; "expected" for what the mode implies. */
  source: "asked" | "expected";
}

/** The size the request set; none for the action modes, which keep the input's size. */
export function requestedSize(job: GenerationJobView): { width: number; height: number } | null {
  if (isActionMode(job.mode)) return null;
  const { width, height, resolution, aspect } = job.request;
  if (width && height) return { width, height };
  return resolution && aspect ? TIER_SIZES[resolution][aspect] : null;
}

const seconds = (value: number) => `${value.toFixed(1)} s`;

export function resultFacts(job: GenerationJobView): ResultFact[] {
  const result = job.result;
  const probed = result && result.kind !== "actions" ? result.probed : undefined;
  if (!result || !probed) return [];
  const source = isActionMode(job.mode) ? "expected" : "asked";
  const size = requestedSize(job);
  const { frames, fps, generateSound } = job.request;
  const list: ResultFact[] = [];
  if (probed.width && probed.height) {
    const got = `${probed.width}×${probed.height}`;
    const wanted = size ? `${size.width}×${size.height}` : null;
    list.push({ key: "size", got, wanted: wanted !== got ? wanted : null, source: "asked" });
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
      source: "asked",
    });
  return list;
}
