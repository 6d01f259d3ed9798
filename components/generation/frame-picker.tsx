"use client";

import { useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import { CameraIcon } from "@/components/ui/icons";

interface FramePickerProps {
  src: string;
  name: string;
  onTake: (atS: number) => void;
}

/** Image to world needs one picture: scrub the video to a moment and take that frame. */
export function FramePicker({ src, name, onTake }: FramePickerProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [duration, setDuration] = useState(0);
  const [at, setAt] = useState(0);
  return (
    <section
      data-testid="frame-picker"
      aria-label={`Take a frame of ${name}`}
      className="space-y-2 rounded-xl border border-zinc-200 bg-zinc-50 p-2.5 dark:border-zinc-700/80 dark:bg-zinc-800/40"
    >
      <p className="text-[11px] text-fg-secondary">Image to world starts from a picture: choose the frame of this video to use.</p>
      <video
        ref={videoRef}
        src={src}
        muted
        playsInline
        preload="auto"
        onLoadedMetadata={(e) => Number.isFinite(e.currentTarget.duration) && setDuration(e.currentTarget.duration)}
        className="aspect-video w-full rounded-lg bg-black object-contain"
      />
      <input
        type="range"
        aria-label="Frame time"
        data-testid="frame-time"
        min={0}
        max={duration || 1}
        step={0.01}
        value={at}
        disabled={duration === 0}
        onChange={(e) => {
          const seconds = Number(e.target.value);
          setAt(seconds);
          if (videoRef.current) videoRef.current.currentTime = seconds;
        }}
        className="block h-1.5 w-full cursor-pointer accent-brand-500"
      />
      <Button size="sm" variant="secondary" data-testid="frame-take" disabled={duration === 0} onClick={() => onTake(at)}>
        <CameraIcon className="size-3.5" /> Use the frame at {at.toFixed(2)} s
      </Button>
    </section>
  );
}
