"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import { stepFrames } from "@/lib/media/player-time";

// Plays one video, or several in lockstep (side-by-side compare). The longest video is the clock:
// the others follow it, re-seeking when they drift, so one scrubber and one play button drive all.

export interface PlaybackState {
  playing: boolean;
  /** Seconds, of the clock video. */
  time: number;
  /** Seconds; 0 until the metadata is in. */
  duration: number;
  rate: number;
  loop: boolean;
  muted: boolean;
}

export interface PlaybackActions {
  toggle: () => void;
  seek: (seconds: number) => void;
  /** ±1 frame at the clip's fps; pauses first, as a frame step on a moving video means nothing. */
  step: (frames: number) => void;
  setRate: (rate: number) => void;
  setLoop: (loop: boolean) => void;
  setMuted: (muted: boolean) => void;
}

export const PLAYBACK_RATES = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2] as const;
const DRIFT_S = 0.08;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const finite = (value: number) => (Number.isFinite(value) ? value : 0);

export function usePlayback(count: number, fps: number) {
  const videos = useRef<(HTMLVideoElement | null)[]>([]);
  const [state, setState] = useState<PlaybackState>({ playing: false, time: 0, duration: 0, rate: 1, loop: true, muted: true });

  const refs = useMemo(
    () => Array.from({ length: count }, (_, i) => (element: HTMLVideoElement | null) => void (videos.current[i] = element)),
    [count],
  );
  const all = useCallback(() => videos.current.slice(0, count).filter((v): v is HTMLVideoElement => v !== null), [count]);
  const clock = useCallback(
    () =>
      all().reduce<HTMLVideoElement | null>((best, v) => (best === null || finite(v.duration) > finite(best.duration) ? v : best), null),
    [all],
  );

  const read = useCallback(() => {
    const c = clock();
    if (!c) return;
    setState((s) => {
      const next = { ...s, playing: !c.paused && !c.ended, time: c.currentTime, duration: finite(c.duration) };
      return next.playing === s.playing && next.time === s.time && next.duration === s.duration ? s : next;
    });
  }, [clock]);

  // Events keep the state right while paused; a frame loop keeps the scrubber smooth while playing.
  useEffect(() => {
    const list = all();
    const events = ["loadedmetadata", "durationchange", "play", "pause", "seeked", "timeupdate", "ended"] as const;
    for (const v of list) for (const e of events) v.addEventListener(e, read);
    // A server-rendered video may have loaded its metadata before these listeners existed.
    read();
    let frame = 0;
    const tick = () => {
      const c = clock();
      if (c && !c.paused) {
        for (const v of all()) {
          if (v === c) continue;
          const target = Math.min(c.currentTime, finite(v.duration));
          if (Math.abs(v.currentTime - target) > DRIFT_S) v.currentTime = target;
          if (v.paused && c.currentTime < finite(v.duration)) void v.play().catch(read);
        }
        read();
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frame);
      for (const v of list) for (const e of events) v.removeEventListener(e, read);
    };
  }, [all, clock, read]);

  const seek = useCallback(
    (seconds: number) => {
      for (const v of all()) v.currentTime = clamp(seconds, 0, finite(v.duration) || seconds);
      setState((s) => ({ ...s, time: clamp(seconds, 0, s.duration || seconds) }));
    },
    [all],
  );

  const toggle = useCallback(() => {
    const c = clock();
    if (!c) return;
    if (c.paused || c.ended) {
      if (c.ended || c.currentTime >= finite(c.duration) - 0.01) seek(0);
      // A play() refused by the browser (autoplay rules) leaves the video paused; the state says so.
      for (const v of all()) void v.play().catch(read);
    } else {
      for (const v of all()) v.pause();
    }
  }, [all, clock, read, seek]);

  const step = useCallback(
    (frames: number) => {
      const c = clock();
      if (!c) return;
      for (const v of all()) v.pause();
      seek(stepFrames(c.currentTime, frames, fps, finite(c.duration)));
    },
    [all, clock, fps, seek],
  );

  const setRate = useCallback(
    (rate: number) => {
      for (const v of all()) v.playbackRate = rate;
      setState((s) => ({ ...s, rate }));
    },
    [all],
  );

  const setLoop = useCallback((loop: boolean) => setState((s) => ({ ...s, loop })), []);

  const setMuted = useCallback(
    (muted: boolean) => {
      for (const v of all()) v.muted = muted;
      setState((s) => ({ ...s, muted }));
    },
    [all],
  );

  // Only the clock loops; the followers are pulled back to its time by the frame loop.
  useEffect(() => {
    const c = clock();
    for (const v of all()) v.loop = state.loop && v === c;
  }, [all, clock, state.loop, state.duration]);

  const actions: PlaybackActions = useMemo(
    () => ({ toggle, seek, step, setRate, setLoop, setMuted }),
    [toggle, seek, step, setRate, setLoop, setMuted],
  );
  return { state, actions, refs };
}
