"use client";

import { PauseIcon, PlayIcon } from "@/components/player/player-icons";
import type { Replay } from "@/components/share/use-replay";
import { Button } from "@/components/ui/button";
import { RefreshIcon } from "@/components/ui/icons";
import { Segmented } from "@/components/ui/segmented";
import type { ReplaySpeed } from "@/lib/share/replay";

const SPEEDS = [
  { value: "1", label: "1×", title: "At the pace it was recorded" },
  { value: "2", label: "2×", title: "Twice as fast" },
  { value: "instant", label: "Instant", title: "Everything at once" },
] as const;

const clock = (ms: number) => {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

/** Replay, pause and speed for a recorded session; every control is a button or a radio. */
export function ReplayControls({ replay, compact = false }: { replay: Replay; compact?: boolean }) {
  const { phase, speed, progress, elapsedMs, totalMs } = replay;
  const playing = phase === "playing";
  const label = playing ? "Pause" : phase === "paused" ? "Resume" : "Replay";
  const Icon = playing ? PauseIcon : phase === "paused" ? PlayIcon : RefreshIcon;
  return (
    <div
      data-testid="replay-controls"
      data-phase={phase}
      data-progress={progress.toFixed(3)}
      className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-2"
    >
      <Button
        size="sm"
        variant={playing ? "secondary" : "primary"}
        data-testid="replay-toggle"
        aria-keyshortcuts="r"
        title={`${label} at the recorded pace (R)`}
        disabled={speed === "instant" && !playing}
        onClick={playing ? replay.pause : replay.play}
      >
        <Icon className="size-3.5" />
        {label}
      </Button>
      <Segmented<"1" | "2" | "instant">
        label="Replay speed"
        data-testid="replay-speed"
        value={String(speed) as "1" | "2" | "instant"}
        options={SPEEDS}
        onChange={(value) => replay.setSpeed((value === "instant" ? "instant" : Number(value)) as ReplaySpeed)}
      />
      {!compact && (
        <div className="flex min-w-32 flex-1 items-center gap-2">
          <div
            role="progressbar"
            aria-label="Replay progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(progress * 100)}
            className="h-1.5 flex-1 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
          >
            <div className="h-full rounded-full bg-brand-500" style={{ width: `${progress * 100}%` }} />
          </div>
          <span className="font-mono text-xs text-fg-muted tabular-nums">
            {clock(phase === "idle" ? totalMs : elapsedMs)} / {clock(totalMs)}
          </span>
        </div>
      )}
    </div>
  );
}
