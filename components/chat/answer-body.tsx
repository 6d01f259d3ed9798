"use client";

import { TurnSeekScope } from "@/components/annotations/time-link";
import { Markdown } from "@/components/chat/markdown";
import type { AssistantTurn } from "@/lib/chat/conversation";

/** An answer as markdown, its times seeking the video the answer is about. */
export function AnswerBody({ turn, text, live }: { turn: AssistantTurn; text: string; live: boolean }) {
  return (
    <TurnSeekScope turn={turn}>
      <Markdown text={text} live={live} />
    </TurnSeekScope>
  );
}
