"use client";

import { ActionPlayer } from "@/components/generation/action-player";
import type { FinishedJob } from "@/components/generation/gallery";
import { jobActions } from "@/components/generation/job-actions";
import { describeJob, downloadName, jobFps, jobSeed } from "@/components/generation/job-text";
import { DownloadIcon } from "@/components/player/player-icons";
import { SideBySidePlayer, VideoPlayer } from "@/components/player/video-player";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { buttonSizes, buttonStyles } from "@/components/ui/styles";
import { mediaUrl } from "@/lib/media/media-url";

const WIDE = "w-[min(64rem,calc(100vw-2rem))]";
const clip = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A result at full size: the player for a video, the picture for an image. */
export function ResultDialog({ job, backendLabel, onClose }: { job: FinishedJob; backendLabel: string; onClose: () => void }) {
  const download = { href: job.result.url, name: downloadName(job) };
  const actions = jobActions(job);
  const control = job.request.control;
  const label = clip(job.request.prompt, 60);
  return (
    <ModalDialog
      title={clip(job.request.prompt)}
      description={`${backendLabel} · ${describeJob(job)}`}
      onClose={onClose}
      widthClass={actions ? "w-[min(80rem,calc(100vw-2rem))]" : WIDE}
      data-testid="result-dialog"
    >
      <div className="p-4">
        {job.result.kind === "video" && actions ? (
          <ActionPlayer
            src={job.result.url}
            fps={jobFps(job)}
            label={label}
            download={download}
            {...actions}
            exportName={`${downloadName(job).replace(/\.mp4$/, "")}-actions`}
          />
        ) : job.result.kind === "video" && control ? (
          <SideBySidePlayer
            left={{ src: mediaUrl(control.mediaId), label: `Control · ${control.type}` }}
            right={{ src: job.result.url, label: "Result" }}
            fps={jobFps(job)}
          />
        ) : job.result.kind === "video" ? (
          <VideoPlayer src={job.result.url} fps={jobFps(job)} label={label} download={download} autoPlay />
        ) : (
          <div className="space-y-3">
            <img src={job.result.url} alt={job.request.prompt} className="max-h-[70vh] w-full rounded-xl bg-zinc-950 object-contain" />
            <a href={download.href} download={download.name} className={`${buttonStyles.secondary} ${buttonSizes.sm}`}>
              <DownloadIcon className="size-3.5" /> Download
            </a>
          </div>
        )}
      </div>
    </ModalDialog>
  );
}

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
          left={{ src: left.result.url, label: label(left) }}
          right={{ src: right.result.url, label: label(right) }}
          fps={Math.max(jobFps(left), jobFps(right))}
        />
      </div>
    </ModalDialog>
  );
}
