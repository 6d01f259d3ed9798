"use client";

import { lazy, Suspense, useDeferredValue } from "react";

import { Caret } from "@/components/chat/think-pane";
import type { AssistantTurn } from "@/lib/chat/conversation";

// Markdown (parser, GFM) and reading the answer for video times are a large download that no page
// needs for its first paint; until they arrive the answer shows as plain text.
export const loadAnswerBody = () => import("@/components/chat/answer-body");
const AnswerBody = lazy(() => loadAnswerBody().then((module) => ({ default: module.AnswerBody })));
// What shows until then: the answer's start as text, at most a screenful (an answer can be megabytes).
const FALLBACK_CHARS = 5000;

interface AnswerPaneProps {
  turn: AssistantTurn;
  streaming: boolean;
}

// The deferred text lets React skip markdown renders that fall behind a fast stream.
export function AnswerPane({ turn, streaming }: AnswerPaneProps) {
  const text = useDeferredValue(turn.answer);
  return (
    <div
      data-testid="answer-pane"
      // "behind" while the deferred render has not yet caught up with the text received.
      data-render={text === turn.answer ? "current" : "behind"}
      aria-live="polite"
      aria-busy={streaming}
      className={`text-zinc-800 dark:text-zinc-200 ${streaming ? "streaming-caret" : ""}`}
    >
      {text ? (
        <Suspense fallback={<p className="text-[15px] leading-7 whitespace-pre-wrap break-words">{text.slice(0, FALLBACK_CHARS)}</p>}>
          <AnswerBody turn={turn} text={text} live={streaming} />
        </Suspense>
      ) : (
        streaming && <Caret />
      )}
    </div>
  );
}
