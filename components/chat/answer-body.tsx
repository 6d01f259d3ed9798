"use client";

import type { AssistantTurn } from "@/lib/conversation";
import { TurnSeekScope } from "@/components/annotations/time-link";
import { Markdown } from "@/components/chat/markdown";

/** An answer as markdown, its times seeking the video the answer is about. */
export function AnswerBody({ turn, text }: { turn: AssistantTurn; text: string }) {
  return (
    <TurnSeekScope turn={turn}>
      <Markdown text={text} />
    </TurnSeekScope>
  );
}
