import { sentSize } from "@/lib/generation/result-comparison";
import type { GenerationJobView } from "@/lib/generation/schema";

// How a job is named on its queue row, its card and its download.

export const MODE_SHORT = {
  text2world: "text → world",
  image2world: "image → world",
  video2world: "video → world",
  text2image: "text → image",
  forward_dynamics: "actions → world",
  policy: "policy",
  inverse_dynamics: "video → actions",
  transfer: "transfer",
} as const;

/** The size the request went out with (asked or default); none for the action modes. */
export const jobSize = sentSize;

export const jobSeed = (job: GenerationJobView): number | undefined => job.seed ?? job.request.seed;

/** The clip's frame rate: what the job asked for (24 when it did not say). */
export const jobFps = (job: GenerationJobView): number => job.request.fps ?? 24;

/** "text → world · 832×480 · 189 frames at 24 fps · seed 7" */
export function describeJob(job: GenerationJobView, { seed = true } = {}): string {
  const size = jobSize(job);
  const seedValue = jobSeed(job);
  return [
    MODE_SHORT[job.mode],
    size ? `${size.width}×${size.height}` : null,
    // A result of actions alone has no frames, only steps.
    job.request.frames && job.result?.kind !== "actions" ? `${job.request.frames} frames at ${jobFps(job)} fps` : null,
    seed && seedValue !== undefined ? `seed ${seedValue}` : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

/** "robot-arm-stacks-cups-seed-7.mp4"; an image gets its extension from its type (PNG or JPEG). */
export function downloadName(job: GenerationJobView): string {
  const slug =
    job.request.prompt
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "generation";
  return `${slug}-seed-${jobSeed(job) ?? "x"}${job.result?.kind === "image" ? "" : ".mp4"}`;
}

/** "robot-arm-stacks-cups-seed-7-actions": the actions' export name, without extension. */
export const actionsName = (job: GenerationJobView): string => `${downloadName(job).replace(/\.mp4$/, "")}-actions`;
