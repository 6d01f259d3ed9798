"use client";

import type { FinishedJob } from "@/components/generation/gallery";
import { jobActions } from "@/components/generation/job-actions";
import { actionsName, describeJob, downloadName, jobFps, jobSeed } from "@/components/generation/job-text";
import { ResultView } from "@/components/generation/result-view";
import { SideBySidePlayer } from "@/components/player/video-player";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { mediaUrl } from "@/lib/media/media-url";

const WIDE = "w-[min(64rem,calc(100vw-2rem))]";
const clip = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A result at full size: the player for a video, the picture for an image, the plot for actions alone. */
export function ResultDialog({ job, backendLabel, onClose }: { job: FinishedJob; backendLabel: string; onClose: () => void }) {
  const result = job.result;
  const actions = jobActions(job);
  const control = job.request.control;
  const media = result.kind === "actions" ? null : { kind: result.kind, url: result.url };
  return (
    <ModalDialog
      title={clip(job.request.prompt)}
      description={`${backendLabel} · ${describeJob(job)}`}
      onClose={onClose}
      widthClass={actions && media ? "w-[min(80rem,calc(100vw-2rem))]" : WIDE}
      data-testid="result-dialog"
    >
      <div className="p-4">
        <ResultView
          media={media}
          fps={jobFps(job)}
          label={clip(job.request.prompt, 60)}
          download={media ? { href: media.url, name: downloadName(job) } : undefined}
          actions={actions}
          control={control ? { url: mediaUrl(control.mediaId), type: control.type } : null}
          exportName={actionsName(job)}
        />
      </div>
    </ModalDialog>
  );
}

const videoUrl = (job: FinishedJob) => (job.result.kind === "actions" ? "" : job.result.url);

/** Two videos in lockstep, for choosing between seeds or backends. */
export function CompareDialog({
  left,
  right,
  backendLabel,
  onClose,
}: {
  left: FinishedJob;
  right: FinishedJob;
  backendLabel: (id: string) => string;
  onClose: () => void;
}) {
  const label = (job: FinishedJob) => `Seed ${jobSeed(job) ?? "?"} · ${backendLabel(job.backend)} · ${clip(job.request.prompt, 50)}`;
  const samePrompt = left.request.prompt === right.request.prompt;
  return (
    <ModalDialog
      title="Side by side"
      description={samePrompt ? clip(left.request.prompt, 120) : "Two prompts, one scrubber: every control moves both videos."}
      onClose={onClose}
      widthClass="w-[min(80rem,calc(100vw-2rem))]"
      data-testid="compare-dialog"
    >
      <div className="p-4">
        <SideBySidePlayer
          left={{ src: videoUrl(left), label: label(left) }}
          right={{ src: videoUrl(right), label: label(right) }}
          fps={Math.max(jobFps(left), jobFps(right))}
        />
      </div>
    </ModalDialog>
  );
}
