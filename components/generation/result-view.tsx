"use client";

import { ActionOnlyView } from "@/components/generation/action-only";
import { ActionPlayer } from "@/components/generation/action-player";
import type { JobActions } from "@/components/generation/job-actions";
import { DownloadIcon } from "@/components/player/player-icons";
import { SideBySidePlayer, VideoPlayer } from "@/components/player/video-player";
import { buttonSizes, buttonStyles } from "@/components/ui/styles";

export interface ResultViewProps {
  /** The stored file; null for a result that is actions alone. */
  media: { kind: "image" | "video"; url: string } | null;
  fps: number;
  /** Names the player and the picture. */
  label: string;
  download?: { href: string; name: string };
  actions: JobActions | null;
  /** Transfer: the control video, played beside the result. */
  control: { url: string; type: string } | null;
  /** The actions' export names, without extension. */
  exportName: string;
}

/** One generation result at full size, the same on /generate and on a share: actions on the player's clock, a transfer beside its control. */
export function ResultView({ media, fps, label, download, actions, control, exportName }: ResultViewProps) {
  if (!media) return actions ? <ActionOnlyView {...actions} exportName={exportName} /> : null;
  if (media.kind === "video" && actions)
    return <ActionPlayer src={media.url} fps={fps} label={label} download={download} {...actions} exportName={exportName} />;
  if (media.kind === "video" && control)
    return (
      <SideBySidePlayer
        left={{ src: control.url, label: `Control · ${control.type}` }}
        right={{ src: media.url, label: "Result" }}
        fps={fps}
      />
    );
  if (media.kind === "video") return <VideoPlayer src={media.url} fps={fps} label={label} download={download} autoPlay />;
  return (
    <div className="space-y-3">
      <img src={media.url} alt={label} className="max-h-[70vh] w-full rounded-xl bg-zinc-950 object-contain" />
      {download && (
        <a href={download.href} download={download.name} className={`${buttonStyles.secondary} ${buttonSizes.sm}`}>
          <DownloadIcon className="size-3.5" /> Download
        </a>
      )}
    </div>
  );
}
