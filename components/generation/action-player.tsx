"use client";

import { ActionExports } from "@/components/generation/action-exports";
import { ActionPlot } from "@/components/generation/action-plot";
import { PlayerControls } from "@/components/player/player-controls";
import { usePlayback } from "@/components/player/use-playback";
import { usePlayerShell } from "@/components/player/use-player-shell";
import type { ActionResult } from "@/lib/generation/schema";

interface ActionPlayerProps {
  src: string;
  fps: number;
  label: string;
  download?: { href: string; name: string };
  action: ActionResult;
  columns: readonly string[];
  /** "Predicted actions", "Recovered actions", "Input actions". */
  title: string;
  /** File names of the exports, without extension. */
  exportName: string;
}

/**
 * A video with its actions plotted beside it, on one clock: the playhead follows the video (the
 * steps spread over the clip), a click or an arrow key on the plot seeks the video to that step.
 */
export function ActionPlayer({ src, fps, label, download, action, columns, title, exportName }: ActionPlayerProps) {
  const { state, actions, refs } = usePlayback(1, fps);
  const shell = usePlayerShell(state, actions);
  const last = Math.max(1, action.shape[0] - 1);
  const playhead = state.duration > 0 ? Math.min(last, (state.time / state.duration) * last) : 0;
  const seekStep = (step: number) => state.duration > 0 && actions.seek((step / last) * state.duration);

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,7fr)_minmax(0,5fr)]" data-testid="action-player">
      <div
        ref={shell.rootRef}
        role="group"
        aria-label={`Player: ${label}`}
        tabIndex={0}
        data-testid="video-player"
        onKeyDown={shell.onKeyDown}
        className="flex flex-col overflow-hidden rounded-xl bg-black focus-ring-flush [&:fullscreen]:rounded-none"
      >
        <video
          ref={refs[0]}
          data-testid="player-video"
          src={src}
          muted={state.muted}
          autoPlay
          playsInline
          preload="auto"
          onClick={actions.toggle}
          className="max-h-[min(60vh,34rem)] min-h-0 w-full flex-1 cursor-pointer bg-black object-contain [:fullscreen_&]:max-h-none"
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
      <div className="min-w-0 space-y-2">
        <div className="flex items-baseline justify-between gap-2">
          <h3 className="text-xs font-semibold text-zinc-700 dark:text-zinc-200">{title}</h3>
          <span className="text-[11px] text-fg-muted tabular-nums" data-testid="action-shape">
            {action.domain} · {action.shape[0]} × {action.shape[1]}
          </span>
        </div>
        <ActionPlot
          data={action.data}
          columns={columns}
          title={`${title}: ${action.shape[0]} steps of ${action.shape[1]} values; click a step to seek the video`}
          playhead={playhead}
          onSeekStep={seekStep}
        />
        <ActionExports action={action} columns={columns} name={exportName} />
      </div>
    </div>
  );
}
