"use client";

import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";

import type { PlaybackActions, PlaybackState } from "@/components/player/use-playback";

// The player's frame: full screen on its own box (video and controls together), and the keys of
// common players: k or Space, `,` and `.` for a frame, ←/→ for a second, l, m, f.

const TYPING = new Set(["TEXTAREA", "SELECT"]);

function ownsKey(target: HTMLElement, key: string): boolean {
  if (TYPING.has(target.tagName)) return true;
  if (target instanceof HTMLInputElement) {
    // The scrubber moves itself with arrows, Home and End; the other keys are still the player's.
    return (
      target.type !== "range" || ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"].includes(key)
    );
  }
  return (target.tagName === "BUTTON" || target.tagName === "A") && (key === " " || key === "Enter");
}

export function usePlayerShell(state: PlaybackState, actions: PlaybackActions) {
  const rootRef = useRef<HTMLDivElement>(null);
  const [fullscreen, setFullscreen] = useState(false);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement !== null && document.fullscreenElement === rootRef.current);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);

  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    // Refused (e.g. inside an iframe without permission): the player simply stays in the page.
    else void rootRef.current?.requestFullscreen().catch(() => setFullscreen(false));
  }, []);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.ctrlKey || event.metaKey || event.altKey || ownsKey(event.target as HTMLElement, event.key)) return;
      const keys: Record<string, () => void> = {
        " ": actions.toggle,
        k: actions.toggle,
        ",": () => actions.step(-1),
        ".": () => actions.step(1),
        ArrowLeft: () => actions.seek(state.time - 1),
        ArrowRight: () => actions.seek(state.time + 1),
        Home: () => actions.seek(0),
        End: () => actions.seek(state.duration),
        l: () => actions.setLoop(!state.loop),
        m: () => actions.setMuted(!state.muted),
        f: toggleFullscreen,
      };
      const run = keys[event.key];
      if (!run) return;
      event.preventDefault();
      event.stopPropagation();
      run();
    },
    [actions, state.time, state.duration, state.loop, state.muted, toggleFullscreen],
  );

  return { rootRef, fullscreen, toggleFullscreen, onKeyDown };
}
