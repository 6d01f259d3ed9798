"use client";

import { useCallback, useMemo, useState } from "react";

import { registerVideo, seekVideo, useAnnotations, videoKey } from "@/components/annotations/annotations-context";
import { DrawDialog } from "@/components/annotations/lazy-draw-dialog";
import { TimelineBar } from "@/components/annotations/video-timeline";
import { PencilIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";
import { formatClock, parseTurn, segmentsForVideo, turnParseContext } from "@/lib/annotations/targets";
import type { AssistantTurn } from "@/lib/chat/conversation";
import type { TurnMedia } from "@/lib/media/attachments";

interface TurnVideoProps {
  turnId: string;
  index: number;
  media: TurnMedia;
  src: string;
  label: string;
}

/** A user turn's inline video; answers about it seek it, and their segments mark a timeline under it. */
export function TurnVideo({ turnId, index, media, src, label }: TurnVideoProps) {
  const { turns, familyOf, conventionOf, videos } = useAnnotations();
  const registryKey = videoKey(turnId, index);
  const [element, setElement] = useState<HTMLVideoElement | null>(null);
  const [currentS, setCurrentS] = useState(0);
  const [loadedDuration, setLoadedDuration] = useState<number | null>(null);
  const [frameAt, setFrameAt] = useState<number | null>(null);

  const register = useCallback(
    (video: HTMLVideoElement) => {
      setElement(video);
      const unregister = registerVideo(videos, registryKey, video);
      return () => {
        unregister();
        setElement(null);
      };
    },
    [videos, registryKey],
  );

  const segments = useMemo(() => {
    const segmentsOf = (turn: AssistantTurn) =>
      parseTurn(turn, turnParseContext(turns, turn, familyOf(turn), conventionOf(turn)).context).segments;
    return segmentsForVideo(turns, turnId, index, segmentsOf);
  }, [turns, familyOf, conventionOf, turnId, index]);

  const duration = media.durationS ?? loadedDuration;
  const size = media.width && media.height ? { width: media.width, height: media.height } : {};
  const key = media.source === "upload" ? media.mediaId : media.url;
  return (
    <div className="flex w-full max-w-sm flex-col gap-1.5">
      <video
        ref={register}
        data-testid="turn-video"
        src={src}
        controls
        playsInline
        preload="metadata"
        aria-label={label}
        onTimeUpdate={(e) => setCurrentS(e.currentTarget.currentTime)}
        onSeeking={(e) => setCurrentS(e.currentTarget.currentTime)}
        onLoadedMetadata={(e) => Number.isFinite(e.currentTarget.duration) && setLoadedDuration(e.currentTarget.duration)}
        className="max-h-64 w-full rounded-2xl bg-black shadow-sm"
      />
      {segments.length > 0 && duration && element && (
        <TimelineBar durationS={duration} segments={segments} currentS={currentS} onSeek={(s) => void seekVideo(element, s)} />
      )}
      <button
        type="button"
        data-testid="turn-video-draw"
        onClick={() => {
          element?.pause();
          setFrameAt(element?.currentTime ?? 0);
        }}
        className={`inline-flex items-center gap-1 self-end rounded text-[11px] font-medium text-fg-muted hover:text-zinc-900 dark:hover:text-white ${focusRing}`}
      >
        <PencilIcon className="size-3" /> Draw on this frame
      </button>
      {frameAt !== null && (
        <DrawDialog
          source={{ kind: "video", src, name: `${media.name} at ${formatClock(frameAt)}`, atS: frameAt, ...size }}
          mediaKey={key}
          onClose={() => setFrameAt(null)}
        />
      )}
    </div>
  );
}
