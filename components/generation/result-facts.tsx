"use client";

import { jobSize } from "@/components/generation/job-text";
import type { GenerationJobView } from "@/lib/generation/schema";

// What the result file really is (probed on the server), each fact beside what was asked when they
// differ, so a server that snapped the size or the length (or the simulator's stock clip) shows it.

interface Fact {
  key: string;
  got: string;
  asked: string | null;
}

const seconds = (value: number) => `${value.toFixed(1)} s`;

function facts(job: GenerationJobView): Fact[] {
  const probed = job.result?.probed;
  if (!probed) return [];
  const size = jobSize(job);
  const { frames, fps, generateSound } = job.request;
  const list: Fact[] = [];
  if (probed.width && probed.height) {
    const got = `${probed.width}×${probed.height}`;
    list.push({ key: "size", got, asked: size && `${size.width}×${size.height}` !== got ? `${size.width}×${size.height}` : null });
  }
  if (job.result?.kind === "video") {
    if (probed.frames)
      list.push({ key: "frames", got: `${probed.frames} frames`, asked: frames && frames !== probed.frames ? `${frames}` : null });
    if (probed.durationS) {
      const wanted = frames && fps ? frames / fps : null;
      list.push({
        key: "duration",
        got: seconds(probed.durationS),
        asked: wanted && Math.abs(wanted - probed.durationS) > 0.05 ? seconds(wanted) : null,
      });
    }
    if (probed.fps)
      list.push({
        key: "fps",
        got: `${Math.round(probed.fps * 100) / 100} fps`,
        asked: fps && Math.abs(fps - probed.fps) > 0.01 ? `${fps}` : null,
      });
    // Sound is said when the file has it or it was asked for; "no sound" on every silent clip is noise.
    if (probed.audio || generateSound)
      list.push({ key: "audio", got: probed.audio ? "sound" : "no sound", asked: generateSound && !probed.audio ? "sound" : null });
  }
  return list;
}

export function ResultFacts({ job }: { job: GenerationJobView }) {
  const list = facts(job);
  if (list.length === 0) return null;
  const differs = list.filter((fact) => fact.asked !== null).length;
  return (
    <p
      data-testid="result-probed"
      className="text-[11px] leading-snug text-fg-muted tabular-nums"
      title={differs ? "The file differs from what was asked where marked" : "The file is what was asked"}
    >
      <span className="font-medium text-fg-secondary">File:</span>{" "}
      {list.map((fact, index) => (
        <span key={fact.key} data-fact={fact.key} data-differs={fact.asked !== null || undefined}>
          {index > 0 && " · "}
          <span className={fact.asked !== null ? "font-medium text-amber-700 dark:text-amber-300" : undefined}>{fact.got}</span>
          {fact.asked !== null && <span className="text-zinc-400 dark:text-zinc-500"> (asked {fact.asked})</span>}
        </span>
      ))}
    </p>
  );
}

/** Small labels on the card: it has sound, it carries actions. */
export function ResultBadges({ job }: { job: GenerationJobView }) {
  const action = job.result?.action;
  const sound = job.result?.probed?.audio;
  if (!action && !sound) return null;
  const chip = "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-[10px] font-semibold";
  return (
    <div className="flex flex-wrap gap-1">
      {sound && (
        <span data-testid="badge-sound" className={`${chip} bg-violet-100 text-violet-800 dark:bg-violet-500/15 dark:text-violet-200`}>
          ♪ Has sound
        </span>
      )}
      {action && (
        <span
          data-testid="badge-actions"
          className={`${chip} bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-200`}
        >
          {action.shape[0]} × {action.shape[1]} actions · {action.domain}
        </span>
      )}
    </div>
  );
}
