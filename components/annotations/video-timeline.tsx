"use client";

import { PlayIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";
import { PALETTE } from "@/lib/annotations/overlay-style";
import type { TimeSegment } from "@/lib/annotations/parse";
import { formatClock } from "@/lib/annotations/targets";

interface TimelineBarProps {
  durationS: number;
  segments: readonly TimeSegment[];
  currentS: number;
  onSeek: (seconds: number) => void;
}

/** The answer's segments as marks on the video's length, with the playhead; a mark seeks its start. */
export function TimelineBar({ durationS, segments, currentS, onSeek }: TimelineBarProps) {
  const percent = (s: number) => `${Math.min(100, Math.max(0, (s / durationS) * 100))}%`;
  return (
    <div data-testid="video-timeline" className="w-full">
      <div
        className="relative h-5 w-full cursor-pointer rounded-md bg-zinc-200 dark:bg-zinc-800"
        onClick={(event) => {
          const rect = event.currentTarget.getBoundingClientRect();
          onSeek(((event.clientX - rect.left) / rect.width) * durationS);
        }}
      >
        {segments.map((segment, i) => (
          <button
            key={i}
            type="button"
            data-testid="timeline-mark"
            data-start={segment.startS}
            data-end={segment.endS}
            title={`${formatClock(segment.startS)}–${formatClock(segment.endS)} · ${segment.caption}`}
            aria-label={`Play from ${formatClock(segment.startS)}: ${segment.caption}`}
            onClick={(event) => {
              event.stopPropagation();
              onSeek(segment.startS);
            }}
            className={`absolute inset-y-0.5 min-w-1.5 rounded-sm opacity-85 hover:opacity-100 ${focusRing}`}
            style={{
              left: percent(segment.startS),
              width: `calc(${percent(segment.endS)} - ${percent(segment.startS)})`,
              background: PALETTE[i % PALETTE.length],
            }}
          />
        ))}
        <span
          aria-hidden="true"
          className="pointer-events-none absolute -inset-y-0.5 w-0.5 rounded bg-zinc-900 dark:bg-white"
          style={{ left: percent(currentS) }}
        />
      </div>
      <div className="mt-0.5 flex justify-between text-[10px] text-fg-muted tabular-nums">
        <span>00:00</span>
        <span>{formatClock(durationS)}</span>
      </div>
    </div>
  );
}

/** The answer's events as a list; each plays the video from its start. */
export function SegmentList({ segments, onSeek }: { segments: readonly TimeSegment[]; onSeek: ((seconds: number) => void) | null }) {
  return (
    <ol
      data-testid="segment-list"
      aria-label="Events"
      className="divide-y divide-zinc-100 overflow-hidden rounded-xl border border-line bg-white text-sm dark:divide-zinc-800 dark:bg-zinc-900/60"
    >
      {segments.map((segment, i) => (
        <li key={i} className="flex items-start gap-3 px-3 py-2">
          <span aria-hidden="true" className="mt-1.5 size-2.5 shrink-0 rounded-sm" style={{ background: PALETTE[i % PALETTE.length] }} />
          {onSeek ? (
            <button
              type="button"
              data-testid="segment-seek"
              data-start={segment.startS}
              onClick={() => onSeek(segment.startS)}
              className={`inline-flex shrink-0 items-center gap-1 rounded-md bg-surface-muted px-1.5 py-0.5 font-mono text-xs font-medium text-zinc-800 tabular-nums hover:bg-brand-100 dark:text-zinc-100 dark:hover:bg-brand-500/20 ${focusRing}`}
            >
              <PlayIcon className="size-2.5" />
              {formatClock(segment.startS)}–{formatClock(segment.endS)}
            </button>
          ) : (
            <span className="shrink-0 font-mono text-xs text-fg-secondary tabular-nums">
              {formatClock(segment.startS)}–{formatClock(segment.endS)}
            </span>
          )}
          <span className="min-w-0 text-zinc-700 dark:text-zinc-200">{segment.caption || "—"}</span>
        </li>
      ))}
    </ol>
  );
}
