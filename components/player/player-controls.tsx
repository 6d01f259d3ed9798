"use client";

import type { ButtonHTMLAttributes } from "react";

import {
  DownloadIcon,
  ExpandIcon,
  FrameBackIcon,
  FrameForwardIcon,
  LoopIcon,
  MutedIcon,
  PauseIcon,
  PlayIcon,
  ShrinkIcon,
  VolumeIcon,
} from "@/components/player/player-icons";
import { PLAYBACK_RATES, type PlaybackActions, type PlaybackState } from "@/components/player/use-playback";
import { formatPlayerTime, frameAt } from "@/lib/media/player-time";

interface PlayerControlsProps {
  state: PlaybackState;
  actions: PlaybackActions;
  fps: number;
  /** What the scrubber is named for screen readers, e.g. "Seek the video". */
  seekLabel: string;
  download?: { href: string; name: string };
  fullscreen: boolean;
  onFullscreen: () => void;
}

// White on near-black in both themes, like any video player; the ring is visible on it.
const controlButton =
  "inline-grid size-8 shrink-0 place-items-center rounded-md text-zinc-200 transition-colors hover:bg-white/10 hover:text-white outline-none focus-visible:ring-2 focus-visible:ring-brand-400 disabled:opacity-40";

function ControlButton({ label, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { label: string }) {
  return <button type="button" aria-label={label} title={label} className={controlButton} {...props} />;
}

export function PlayerControls({ state, actions, fps, seekLabel, download, fullscreen, onFullscreen }: PlayerControlsProps) {
  const frame = frameAt(state.time, fps, state.duration);
  const ready = state.duration > 0;
  return (
    <div data-testid="player-controls" className="@container space-y-1 bg-zinc-950 px-2 pt-2 pb-1.5 text-zinc-100">
      <input
        type="range"
        data-testid="player-scrubber"
        aria-label={seekLabel}
        aria-valuetext={`${formatPlayerTime(state.time)} of ${formatPlayerTime(state.duration)}, frame ${frame.index + 1}`}
        min={0}
        max={state.duration || 1}
        step={1 / fps}
        value={Math.min(state.time, state.duration || 1)}
        disabled={!ready}
        onChange={(e) => actions.seek(Number(e.target.value))}
        className="block h-1.5 w-full cursor-pointer accent-brand-500 outline-none focus-visible:ring-2 focus-visible:ring-brand-400 disabled:cursor-default"
      />
      <div className="flex items-center gap-0.5">
        <ControlButton
          label={state.playing ? "Pause (k)" : "Play (k)"}
          data-testid="player-play"
          aria-pressed={state.playing}
          disabled={!ready}
          onClick={actions.toggle}
        >
          {state.playing ? <PauseIcon className="size-4" /> : <PlayIcon className="size-4" />}
        </ControlButton>
        {/* A phone-sized player keeps its row on one line; its scrubber still moves frame by frame. */}
        <span className="contents @max-[22rem]:hidden">
          <ControlButton label="Previous frame (,)" data-testid="player-frame-back" disabled={!ready} onClick={() => actions.step(-1)}>
            <FrameBackIcon className="size-4" />
          </ControlButton>
          <ControlButton label="Next frame (.)" data-testid="player-frame-forward" disabled={!ready} onClick={() => actions.step(1)}>
            <FrameForwardIcon className="size-4" />
          </ControlButton>
        </span>
        <p className="ml-1 min-w-0 shrink-0 font-mono text-[11px] whitespace-nowrap text-zinc-300 tabular-nums" data-testid="player-time">
          {formatPlayerTime(state.time)}{" "}
          <span className="hidden text-zinc-500 min-[480px]:inline">/ {formatPlayerTime(state.duration)}</span>
          <span className="ml-2 hidden text-zinc-400 md:inline">
            frame {frame.index + 1}/{frame.count} · {fps} fps
          </span>
        </p>
        <span className="min-w-1 flex-1" />
        <select
          aria-label="Playback speed"
          data-testid="player-speed"
          value={state.rate}
          onChange={(e) => actions.setRate(Number(e.target.value))}
          className="h-7 shrink-0 cursor-pointer rounded-md border border-white/15 bg-zinc-900 px-1 font-mono text-[11px] text-zinc-100 outline-none focus-visible:ring-2 focus-visible:ring-brand-400"
        >
          {PLAYBACK_RATES.map((rate) => (
            <option key={rate} value={rate}>
              {rate}×
            </option>
          ))}
        </select>
        <ControlButton label="Loop (l)" data-testid="player-loop" aria-pressed={state.loop} onClick={() => actions.setLoop(!state.loop)}>
          <LoopIcon className={`size-4 ${state.loop ? "text-brand-400" : ""}`} />
        </ControlButton>
        <ControlButton
          label={state.muted ? "Unmute (m)" : "Mute (m)"}
          data-testid="player-mute"
          aria-pressed={state.muted}
          onClick={() => actions.setMuted(!state.muted)}
        >
          {state.muted ? <MutedIcon className="size-4" /> : <VolumeIcon className="size-4" />}
        </ControlButton>
        {download && (
          <a
            href={download.href}
            download={download.name}
            aria-label="Download"
            title="Download"
            data-testid="player-download"
            className={`${controlButton} max-sm:hidden`}
          >
            <DownloadIcon className="size-4" />
          </a>
        )}
        <ControlButton
          label={fullscreen ? "Exit full screen (f)" : "Full screen (f)"}
          data-testid="player-fullscreen"
          onClick={onFullscreen}
        >
          {fullscreen ? <ShrinkIcon className="size-4" /> : <ExpandIcon className="size-4" />}
        </ControlButton>
      </div>
    </div>
  );
}
