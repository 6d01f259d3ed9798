"use client";

import { useDeferredValue } from "react";
import { Markdown } from "@/components/chat/markdown";
import { Caret } from "@/components/chat/think-pane";

interface AnswerPaneProps {
  answer: string;
  streaming: boolean;
}

// The deferred text lets React skip markdown renders that fall behind a fast stream.
export function AnswerPane({ answer, streaming }: AnswerPaneProps) {
  const text = useDeferredValue(answer);
  return (
    <div
      data-testid="answer-pane"
      aria-live="polite"
      aria-busy={streaming}
      className={`text-zinc-800 dark:text-zinc-200 ${streaming ? "streaming-caret" : ""}`}
    >
      {text ? <Markdown text={text} /> : streaming && <Caret />}
    </div>
  );
}
