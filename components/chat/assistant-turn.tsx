"use client";

import dynamic from "next/dynamic";
import { memo } from "react";

import { PlausibilityBadge } from "@/components/annotations/plausibility-badge";
import { AnswerPane, loadAnswerBody } from "@/components/chat/answer-pane";
import { ThinkPane } from "@/components/chat/think-pane";
import { TurnError } from "@/components/chat/turn-error";
import { TurnFooter } from "@/components/chat/turn-footer";
import { TurnNotices } from "@/components/chat/turn-notices";
import { VersionSwitcher } from "@/components/chat/version-switcher";
import { ToolCalls } from "@/components/tools/tool-calls";
import { LogoMark } from "@/components/ui/logo";
import type { AssistantTurn as AssistantTurnData } from "@/lib/chat/conversation";

// Reading an answer for points, boxes, events and verdicts (parsers, timeline) is not needed for the
// first paint. A `loading` gives each its own Suspense boundary, so the turn never waits for them.
const loadCriticBadge = () => import("@/components/annotations/critic-badge");
const loadTurnAnnotations = () => import("@/components/annotations/turn-annotations");
const CriticBadge = dynamic(() => loadCriticBadge().then((module) => module.CriticBadge), { loading: () => null });
const TurnAnnotations = dynamic(() => loadTurnAnnotations().then((module) => module.TurnAnnotations), { loading: () => null });

/** Fetches what a reply renders with, so that the first one does not wait for it. */
export function preloadTurnParts(): void {
  void Promise.all([loadAnswerBody(), loadCriticBadge(), loadTurnAnnotations()]);
}

interface AssistantTurnProps {
  turn: AssistantTurnData;
  /** Only the last turn can be retried; older errors stay as a record. */
  onRetry?: () => void;
  /** Presenting: the image with its overlay comes before the text that explains it. */
  payoffFirst?: boolean;
}

// Memoized: while a reply streams, the turns before it keep their objects and need no new render.
export const AssistantTurn = memo(function AssistantTurn({ turn, onRetry, payoffFirst = false }: AssistantTurnProps) {
  const streaming = turn.state === "streaming";
  const waiting = streaming && turn.reasoning === "" && turn.answer === "";
  const showAnswer = turn.answer !== "" || (streaming && turn.thinkEndedAt !== null);

  return (
    <article
      data-testid="assistant-turn"
      data-state={turn.state}
      aria-label={`Reply from ${turn.backendLabel}`}
      className="flex animate-fade-in gap-3"
    >
      <LogoMark className="mt-0.5 size-7 shrink-0" />
      <div className="flex min-w-0 flex-1 flex-col gap-3">
        <header className="flex min-h-7 flex-wrap items-center gap-x-2 gap-y-0.5 text-sm">
          <span className="font-semibold">{turn.backendLabel}</span>
          {turn.model && <span className="truncate font-mono text-xs text-fg-muted">{turn.model}</span>}
          {turn.simulated && (
            <span className="rounded-full bg-amber-100 px-1.5 py-px text-[11px] font-medium text-amber-800 dark:bg-amber-500/15 dark:text-amber-300">
              Simulated
            </span>
          )}
          <CriticBadge turn={turn} />
          <PlausibilityBadge turn={turn} />
          <VersionSwitcher turn={turn} />
        </header>
        <TurnNotices notices={turn.notices} />
        {payoffFirst && showAnswer && <TurnAnnotations turn={turn} />}
        {turn.reasoning !== "" && <ThinkPane turn={turn} />}
        {waiting && <WaitingIndicator reasoning={turn.reasoningRequested} />}
        {showAnswer && <AnswerPane turn={turn} streaming={streaming} />}
        {!payoffFirst && showAnswer && <TurnAnnotations turn={turn} />}
        <ToolCalls turn={turn} />
        {turn.state === "error" && turn.error && <TurnError error={turn.error} onRetry={onRetry} />}
        <TurnFooter turn={turn} />
      </div>
    </article>
  );
});

function WaitingIndicator({ reasoning }: { reasoning: boolean }) {
  return (
    <div role="status" className="flex items-center gap-2 text-sm text-fg-muted">
      <span className="flex gap-1" aria-hidden="true">
        {[0, 150, 300].map((delay) => (
          <span key={delay} className="size-1.5 animate-bounce rounded-full bg-brand-500" style={{ animationDelay: `${delay}ms` }} />
        ))}
      </span>
      {reasoning ? "Starting to think…" : "Waiting for the first token…"}
    </div>
  );
}
