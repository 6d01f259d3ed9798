"use client";

// Two thumbs on one track: the start and end of the part of a video to keep.

interface TrimRangeProps {
  durationS: number;
  startS: number;
  endS: number;
  onChange: (startS: number, endS: number, moved: "start" | "end") => void;
}

const STEP = 0.1;
const thumb =
  "pointer-events-none absolute inset-0 h-6 w-full appearance-none bg-transparent [&::-webkit-slider-thumb]:pointer-events-auto [&::-webkit-slider-thumb]:size-4 [&::-webkit-slider-thumb]:cursor-grab [&::-webkit-slider-thumb]:appearance-none [&::-webkit-slider-thumb]:rounded-full [&::-webkit-slider-thumb]:border-2 [&::-webkit-slider-thumb]:border-white [&::-webkit-slider-thumb]:bg-brand-500 [&::-webkit-slider-thumb]:shadow [&::-moz-range-thumb]:pointer-events-auto [&::-moz-range-thumb]:size-4 [&::-moz-range-thumb]:rounded-full [&::-moz-range-thumb]:border-2 [&::-moz-range-thumb]:border-white [&::-moz-range-thumb]:bg-brand-500 focus-visible:outline-none focus-visible:[&::-webkit-slider-thumb]:ring-2 focus-visible:[&::-webkit-slider-thumb]:ring-brand-500/50";

export function TrimRange({ durationS, startS, endS, onChange }: TrimRangeProps) {
  const left = (startS / durationS) * 100;
  const right = 100 - (endS / durationS) * 100;
  return (
    <div className="space-y-1">
      <div className="relative h-6">
        <div className="absolute inset-x-0 top-1/2 h-1.5 -translate-y-1/2 rounded-full bg-zinc-200 dark:bg-zinc-700" />
        <div
          className="absolute top-1/2 h-1.5 -translate-y-1/2 rounded-full bg-brand-500/70"
          style={{ left: `${left}%`, right: `${right}%` }}
        />
        <input
          type="range"
          data-testid="trim-start"
          aria-label="Trim start (seconds)"
          min={0}
          max={durationS}
          step={STEP}
          value={startS}
          onChange={(e) => onChange(Math.min(Number(e.target.value), endS - STEP), endS, "start")}
          className={thumb}
        />
        <input
          type="range"
          data-testid="trim-end"
          aria-label="Trim end (seconds)"
          min={0}
          max={durationS}
          step={STEP}
          value={endS}
          onChange={(e) => onChange(startS, Math.max(Number(e.target.value), startS + STEP), "end")}
          className={thumb}
        />
      </div>
      <div className="flex justify-between text-[11px] text-fg-muted tabular-nums">
        <span>{startS.toFixed(1)} s</span>
        <span>keeps {(endS - startS).toFixed(1)} s</span>
        <span>{endS.toFixed(1)} s</span>
      </div>
    </div>
  );
}
