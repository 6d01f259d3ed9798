"use client";

import { useCallback, useEffect, useRef, useState } from "react";

const SEGMENT_MS = 450;

/**
 * "Animate": how far along the paths to draw, growing from 0 to `segments` over time; null when
 * not playing (everything shown).
 */
export function usePathAnimation(segments: number) {
  const [progress, setProgress] = useState<number | null>(null);
  const frame = useRef<number | null>(null);

  const stop = useCallback(() => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    frame.current = null;
    setProgress(null);
  }, []);

  const play = useCallback(() => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    const started = performance.now();
    const tick = (now: number) => {
      const t = (now - started) / SEGMENT_MS;
      if (t >= segments + 0.6) {
        frame.current = null;
        setProgress(null);
        return;
      }
      setProgress(t);
      frame.current = requestAnimationFrame(tick);
    };
    setProgress(0);
    frame.current = requestAnimationFrame(tick);
  }, [segments]);

  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  return { progress, playing: progress !== null, play, stop };
}
