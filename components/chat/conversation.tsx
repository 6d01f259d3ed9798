"use client";

import { useEffect, type ReactNode } from "react";

import { AssistantTurn, preloadTurnParts } from "@/components/chat/assistant-turn";
import { EAGER_TURNS, estimateTurnHeight, NearViewport } from "@/components/chat/near-viewport";
import { useStickToBottom } from "@/components/chat/use-stick-to-bottom";
import { UserTurn } from "@/components/chat/user-turn";
import { ArrowDownIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";
import type { Turn } from "@/lib/chat/conversation";

interface ConversationProps {
  turns: Turn[];
  /** Shown above the turns (e.g. a backend that is not ready). */
  notice?: ReactNode;
  /** Shown when there are no turns. */
  empty: ReactNode;
  onRetry: () => void;
  streaming: boolean;
}

export function Conversation({ turns, notice, empty, onRetry, streaming }: ConversationProps) {
  const { scrollRef, contentRef, onScroll, stick, awayFromBottom } = useStickToBottom<HTMLDivElement, HTMLDivElement>(turns.length > 0);
  const userTurns = turns.filter((t) => t.kind === "user").length;
  const last = turns.at(-1);

  // Fetch the markdown renderer and the answer parsers once the page is up, before a reply needs them.
  useEffect(() => {
    const id = setTimeout(preloadTurnParts, 1000);
    return () => clearTimeout(id);
  }, []);

  // A new message from the person always brings the view back down.
  useEffect(() => {
    if (userTurns > 0) stick();
  }, [userTurns, stick]);

  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      {notice && <div className="mx-auto w-full max-w-3xl shrink-0 px-4 pt-4 sm:px-6">{notice}</div>}
      <div ref={scrollRef} onScroll={onScroll} className="min-h-0 flex-1 overflow-y-auto [scrollbar-gutter:stable]">
        <div ref={contentRef} className="mx-auto flex w-full max-w-3xl flex-col gap-7 px-4 pt-6 pb-10 sm:px-6">
          {turns.length === 0
            ? empty
            : turns.map((turn, index) => (
                <NearViewport
                  key={turn.id}
                  root={scrollRef}
                  eager={index >= turns.length - EAGER_TURNS}
                  estimatePx={estimateTurnHeight(turn)}
                >
                  {turn.kind === "user" ? (
                    <UserTurn turn={turn} />
                  ) : (
                    <AssistantTurn turn={turn} onRetry={turn === last && !streaming ? onRetry : undefined} />
                  )}
                </NearViewport>
              ))}
        </div>
      </div>
      {awayFromBottom && turns.length > 0 && (
        <button
          type="button"
          onClick={() => stick("smooth")}
          aria-label="Scroll to the latest message"
          className={`absolute bottom-3 left-1/2 inline-flex -translate-x-1/2 animate-fade-in items-center gap-1.5 rounded-full border border-line-strong bg-white/95 px-3 py-1.5 text-xs font-medium text-zinc-700 shadow-lg dark:bg-zinc-900/95 dark:text-zinc-200 ${focusRing}`}
        >
          <ArrowDownIcon className="size-3.5" />
          {streaming ? "Follow the reply" : "Latest"}
        </button>
      )}
    </div>
  );
}
