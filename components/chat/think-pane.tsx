"use client";

import { useId, useState } from "react";

import { useNow } from "@/components/chat/use-now";
import { ChevronRightIcon, SparkleIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";
import type { AssistantTurn } from "@/lib/chat/conversation";
import { formatSeconds } from "@/lib/core/format";

function thinkingLabel(turn: AssistantTurn, thinking: boolean, now: number): string {
  if (turn.thinkStartedAt === null) return "Reasoning";
  if (thinking) return `Thinking… ${formatSeconds(now - turn.thinkStartedAt)}`;
  if (turn.thinkEndedAt === null) return "Reasoning";
  const ms = turn.thinkEndedAt - turn.thinkStartedAt;
  return ms < 100 ? "Thought briefly" : `Thought for ${formatSeconds(ms)}`;
}

// Open while the model thinks; once the answer starts it folds away, unless the person has
// opened or closed it themselves, which then wins.
export function ThinkPane({ turn }: { turn: AssistantTurn }) {
  const [userOpen, setUserOpen] = useState<boolean | null>(null);
  const bodyId = useId();
  const thinking = turn.state === "streaming" && turn.thinkStartedAt !== null && turn.thinkEndedAt === null;
  const now = useNow(thinking);
  const open = userOpen ?? turn.answer === "";
  const label = thinkingLabel(turn, thinking, now);

  return (
    <section
      data-testid="think-pane"
      data-phase={thinking ? "thinking" : "done"}
      aria-label="Reasoning"
      className="rounded-xl border border-line bg-zinc-50/70 dark:bg-zinc-900/50"
    >
      <button
        type="button"
        data-testid="think-toggle"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => setUserOpen(!open)}
        className={`flex w-full items-center gap-2 rounded-xl px-3 py-2 text-left text-sm text-fg-soft hover:text-fg-strong ${focusRing}`}
      >
        <SparkleIcon className={`size-4 shrink-0 ${thinking ? "animate-pulse text-brand-600 dark:text-brand-400" : ""}`} />
        <span className={`font-medium tabular-nums ${thinking ? "text-fg-strong" : ""}`}>{label}</span>
        <ChevronRightIcon className={`ml-auto size-4 shrink-0 transition-transform ${open ? "rotate-90" : ""}`} />
      </button>
      <div id={bodyId} hidden={!open} className="animate-fade-in px-3 pb-3">
        <p data-testid="think-text" className="border-l-2 border-line-strong pl-3 text-[13.5px] leading-6 whitespace-pre-wrap text-fg-soft">
          {turn.reasoning}
          {thinking && <Caret />}
        </p>
      </div>
    </section>
  );
}

export function Caret() {
  return (
    <span
      aria-hidden="true"
      className="ml-0.5 inline-block h-[1.05em] w-[0.5em] translate-y-[0.2em] animate-caret rounded-[2px] bg-brand-500"
    />
  );
}
