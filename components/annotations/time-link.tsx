"use client";

import { createContext, use, type ReactNode } from "react";

import { findVideo, seekVideo, useAnnotations, videoKey } from "@/components/annotations/annotations-context";
import { useTurnAnnotations } from "@/components/annotations/use-turn-annotations";
import { focusRing } from "@/components/ui/styles";
import { parseTimeFragment } from "@/lib/annotations/time-links";
import type { AssistantTurn } from "@/lib/chat/conversation";

type Seek = (seconds: number) => void;

const SeekContext = createContext<Seek | null>(null);

/** Lets the times in one answer seek the video that answer is about (the user turn's inline video). */
export function useSeekForTurn(turn: AssistantTurn): Seek | null {
  const { videos } = useAnnotations();
  const { targets } = useTurnAnnotations(turn);
  const video = targets.video;
  if (!video) return null;
  return (seconds) => {
    const element = findVideo(videos, videoKey(video.userTurnId, video.index));
    if (element) void seekVideo(element, seconds);
  };
}

export function TurnSeekScope({ turn, children }: { turn: AssistantTurn; children: ReactNode }) {
  return <SeekContext value={useSeekForTurn(turn)}>{children}</SeekContext>;
}

/** A "#t=…" link of the answer: a seek button when the answer is about a video, plain text otherwise. */
export function TimeLink({ href, children }: { href: string; children: ReactNode }) {
  const seek = use(SeekContext);
  const time = parseTimeFragment(href);
  if (!seek || !time) return <span>{children}</span>;
  return (
    <button
      type="button"
      data-testid="time-link"
      data-start={time.startS}
      onClick={() => seek(time.startS)}
      title="Play the video from here"
      className={`rounded px-0.5 font-mono text-[0.9em] font-medium text-brand-700 underline decoration-brand-500/50 underline-offset-2 hover:bg-brand-50 hover:decoration-brand-600 dark:text-brand-300 dark:hover:bg-brand-500/10 ${focusRing}`}
    >
      {children}
    </button>
  );
}

export { SeekContext };
