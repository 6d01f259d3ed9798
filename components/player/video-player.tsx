"use client";

import type { ReactNode } from "react";

import { PlayerControls } from "@/components/player/player-controls";
import { usePlayback } from "@/components/player/use-playback";
import { usePlayerShell } from "@/components/player/use-player-shell";

interface VideoPlayerProps {
  src: string;
  /** The clip's frame rate: a frame step moves by 1/fps. */
  fps: number;
  /** Names the player for screen readers. */
  label: string;
  download?: { href: string; name: string };
  autoPlay?: boolean;
}

const frame =
  "flex flex-col overflow-hidden rounded-xl bg-black outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2 focus-visible:ring-offset-white dark:focus-visible:ring-offset-zinc-900 [&:fullscreen]:rounded-none";
const video = "min-h-0 w-full flex-1 cursor-pointer bg-black object-contain";

/** One clip with play/pause, a scrubber, frame steps, loop, speed, download and full screen. */
export function VideoPlayer({ src, fps, label, download, autoPlay = false }: VideoPlayerProps) {
  const { state, actions, refs } = usePlayback(1, fps);
  const shell = usePlayerShell(state, actions);
  return (
    <div
      ref={shell.rootRef}
      role="group"
      aria-label={`Player: ${label}`}
      tabIndex={0}
      data-testid="video-player"
      onKeyDown={shell.onKeyDown}
      className={frame}
    >
      <video
        ref={refs[0]}
        data-testid="player-video"
        src={src}
        muted={state.muted}
        autoPlay={autoPlay}
        playsInline
        preload="auto"
        onClick={actions.toggle}
        className={`${video} max-h-[min(70vh,40rem)] [:fullscreen_&]:max-h-none`}
      />
      <PlayerControls
        state={state}
        actions={actions}
        fps={fps}
        seekLabel={`Seek ${label}`}
        download={download}
        fullscreen={shell.fullscreen}
        onFullscreen={shell.toggleFullscreen}
      />
    </div>
  );
}

interface SideBySideProps {
  left: { src: string; label: ReactNode };
  right: { src: string; label: ReactNode };
  fps: number;
}

/** Two clips in lockstep: one play button, one scrubber and one frame step for both. */
export function SideBySidePlayer({ left, right, fps }: SideBySideProps) {
  const { state, actions, refs } = usePlayback(2, fps);
  const shell = usePlayerShell(state, actions);
  return (
    <div
      ref={shell.rootRef}
      role="group"
      aria-label="Side-by-side player"
      tabIndex={0}
      data-testid="side-by-side-player"
      onKeyDown={shell.onKeyDown}
      className={frame}
    >
      <div className="grid min-h-0 flex-1 gap-px bg-zinc-800 sm:grid-cols-2">
        {[left, right].map((item, i) => (
          <figure key={i} className="flex min-h-0 flex-col bg-black">
            <video
              ref={refs[i]}
              data-testid="player-video"
              src={item.src}
              muted={state.muted}
              playsInline
              preload="auto"
              onClick={actions.toggle}
              className={`${video} max-h-[min(34vh,22rem)] sm:max-h-[min(60vh,32rem)] [:fullscreen_&]:max-h-none`}
            />
            <figcaption className="truncate bg-zinc-900 px-2.5 py-1 text-[11px] text-zinc-300">{item.label}</figcaption>
          </figure>
        ))}
      </div>
      <PlayerControls
        state={state}
        actions={actions}
        fps={fps}
        seekLabel="Seek both videos"
        fullscreen={shell.fullscreen}
        onFullscreen={shell.toggleFullscreen}
      />
    </div>
  );
}
