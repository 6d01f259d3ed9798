"use client";

import { startTransition, useEffect, useRef, useState, type ReactNode, type RefObject } from "react";

import type { Turn } from "@/lib/chat/conversation";

// A long saved chat opens with only its last turns rendered; the others are boxes of about their
// height that render when scrolled near (and then stay, so a turn keeps its open panes). Opening
// 200 turns then costs what a few do, and scrolling mounts a turn or two at a time, as a transition
// that React renders in slices rather than in one long task.

/** Turns from the end that render at once: what the view shows when a chat opens at its bottom. */
export const EAGER_TURNS = 4;
const MARGIN_PX = 800;

/** A guess of a turn's height before it renders, so the scrollbar is about right. */
export function estimateTurnHeight(turn: Turn): number {
  const lines = (text: string) => Math.ceil(text.length / 80);
  if (turn.kind === "user") return 56 + lines(turn.text) * 24 + (turn.media.length > 0 ? 168 : 0);
  return 72 + lines(turn.answer) * 26 + (turn.reasoning ? 44 : 0);
}

interface NearViewportProps {
  root: RefObject<HTMLElement | null>;
  eager: boolean;
  estimatePx: number;
  children: ReactNode;
}

export function NearViewport({ root, eager, estimatePx, children }: NearViewportProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(eager);

  useEffect(() => {
    if (shown) return;
    const el = ref.current;
    if (!el || typeof IntersectionObserver === "undefined") return setShown(true);
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) startTransition(() => setShown(true));
      },
      { root: root.current, rootMargin: `${MARGIN_PX}px 0px` },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [shown, root]);

  if (shown || eager) return <>{children}</>;
  return <div ref={ref} aria-hidden="true" data-testid="turn-placeholder" style={{ height: estimatePx }} />;
}
