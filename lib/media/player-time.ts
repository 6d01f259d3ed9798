// Time arithmetic of the video player: frames at the clip's fps, and the clock it shows.

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Where a step of `frames` from `time` lands: on a frame boundary, inside [0, duration]. */
export function stepFrames(time: number, frames: number, fps: number, duration: number): number {
  const index = Math.round(time * fps) + frames;
  return clamp(index / fps, 0, duration);
}

/** The 0-based frame shown at `time`, never past the last one. */
export function frameAt(time: number, fps: number, duration: number): { index: number; count: number } {
  const count = Math.max(1, Math.round(duration * fps));
  return { index: clamp(Math.round(time * fps), 0, count - 1), count };
}

/** 0:01.25 */
export function formatPlayerTime(seconds: number): string {
  const safe = Math.max(0, Number.isFinite(seconds) ? seconds : 0);
  const minutes = Math.floor(safe / 60);
  return `${minutes}:${(safe - minutes * 60).toFixed(2).padStart(5, "0")}`;
}
