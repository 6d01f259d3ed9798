"use client";

import { TurnMetrics } from "@/components/chat/turn-metrics";
import { turnCodeSource } from "@/components/code-view/code-source";
import { ViewCodeButton } from "@/components/code-view/view-code-button";
import { CheckIcon, CopyIcon, StopIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";
import { useCopy } from "@/components/ui/use-copy";
import type { AssistantTurn } from "@/lib/chat/conversation";

/** Under an answer: metrics when done, a "Stopped" note when stopped, and copy. */
export function TurnFooter({ turn }: { turn: AssistantTurn }) {
  const [copied, copy] = useCopy();
  if (turn.state === "streaming" || turn.state === "error") return null;
  return (
    <div className="flex flex-col gap-2">
      {turn.finishReason === "length" && (
        <p className="text-xs text-amber-700 dark:text-amber-400">
          The reply hit the max tokens limit and may be cut off. Raise max tokens to let it finish.
        </p>
      )}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        {turn.state === "stopped" && (
          <span data-testid="turn-stopped" className="inline-flex items-center gap-1.5 text-xs font-medium text-fg-muted">
            <StopIcon className="size-3" />
            Stopped — the partial reply is kept
          </span>
        )}
        <TurnMetrics turn={turn} />
        {turn.answer !== "" && (
          <button
            type="button"
            onClick={() => copy(turn.answer)}
            aria-label={copied ? "Answer copied" : "Copy answer"}
            className={`-ml-1 inline-flex items-center gap-1 rounded-md px-1.5 py-1 text-xs text-fg-muted hover:bg-surface-muted hover:text-zinc-800 dark:hover:text-zinc-100 ${focusRing}`}
          >
            {copied ? <CheckIcon className="size-3.5" /> : <CopyIcon className="size-3.5" />}
            {copied ? "Copied" : "Copy"}
          </button>
        )}
        {turn.request && <ViewCodeButton source={() => turnCodeSource(turn)} />}
      </div>
    </div>
  );
}
