"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import type { Turn } from "@/lib/chat/conversation";
import { planReplay, replayTurns, type ReplaySpeed } from "@/lib/share/replay";

type Phase = "idle" | "playing" | "paused";

// Ten updates a second are smooth enough for streaming text and cheap for a long session.
const TICK_MS = 100;

/**
 * Plays `turns` back at their recorded pace. Idle shows them whole; playing and paused show them
 * as they stood `elapsedMs` (recording time) into the replay.
 */
export function useReplay(turns: readonly Turn[]) {
  const plan = useMemo(() => planReplay(turns), [turns]);
  const [phase, setPhase] = useState<Phase>("idle");
  const [speed, setSpeedState] = useState<ReplaySpeed>(1);
  const [elapsedMs, setElapsed] = useState(0);
  const [now, setNow] = useState(0);
  // While playing, elapsed = base + (wall clock − since) × speed.
  const clock = useRef({ base: 0, since: 0 });

  useEffect(() => {
    if (phase !== "playing") return;
    const rate = speed === "instant" ? 1 : speed;
    const tick = () => {
      const wall = Date.now();
      const next = clock.current.base + (wall - clock.current.since) * rate;
      setNow(wall);
      if (next >= plan.totalMs) {
        setElapsed(plan.totalMs);
        setPhase("idle");
      } else setElapsed(next);
    };
    tick();
    const id = setInterval(tick, TICK_MS);
    return () => clearInterval(id);
  }, [phase, speed, plan.totalMs]);

  const start = useCallback((from = 0) => {
    clock.current = { base: from, since: Date.now() };
    setElapsed(from);
    setPhase("playing");
  }, []);

  const play = useCallback(() => {
    if (speed === "instant") return setPhase("idle");
    start(phase === "paused" ? elapsedMs : 0);
  }, [speed, phase, elapsedMs, start]);

  const pause = useCallback(() => {
    if (phase !== "playing") return;
    const rate = speed === "instant" ? 1 : speed;
    setElapsed(clock.current.base + (Date.now() - clock.current.since) * rate);
    setPhase("paused");
  }, [phase, speed]);

  const setSpeed = useCallback(
    (next: ReplaySpeed) => {
      setSpeedState(next);
      if (next === "instant") return setPhase("idle");
      // A new speed goes on from where the replay is.
      if (phase === "playing") clock.current = { base: elapsedMs, since: Date.now() };
    },
    [phase, elapsedMs],
  );

  const stop = useCallback(() => setPhase("idle"), []);
  /** From the start again, unless the speed is Instant. */
  const restart = useCallback(() => (speed === "instant" ? setPhase("idle") : start(0)), [speed, start]);

  const shown = useMemo(() => (phase === "idle" ? turns : replayTurns(turns, plan, elapsedMs, now)), [phase, turns, plan, elapsedMs, now]);
  const progress = phase === "idle" ? 1 : plan.totalMs > 0 ? Math.min(1, elapsedMs / plan.totalMs) : 1;
  return { turns: shown as Turn[], phase, speed, setSpeed, play, pause, stop, restart, progress, elapsedMs, totalMs: plan.totalMs };
}

export type Replay = ReturnType<typeof useReplay>;
