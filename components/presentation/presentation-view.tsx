"use client";

import { useEffect, useMemo, useRef, useState } from "react";

import { AssistantTurn } from "@/components/chat/assistant-turn";
import { UserTurn } from "@/components/chat/user-turn";
import { ReplayControls } from "@/components/share/replay-controls";
import { useReplay } from "@/components/share/use-replay";
import { Button } from "@/components/ui/button";
import { ArrowLeftIcon, ArrowRightIcon, XIcon } from "@/components/ui/icons";
import { LogoMark } from "@/components/ui/logo";
import { isTypingTarget } from "@/components/ui/use-page-key";
import type { Turn } from "@/lib/chat/conversation";
import { clampStep, presentationSteps } from "@/lib/share/presentation-steps";

interface PresentationViewProps {
  turns: readonly Turn[];
  title: string;
  /** Where presenting opens; both the playground and a share open on the first exchange. */
  startAt: "first" | "last";
  onExit: () => void;
  /** A recording: each exchange can stream in at its recorded pace. */
  replayable?: boolean;
}

const NEXT_KEYS = new Set(["ArrowRight", "PageDown"]);
const PREVIOUS_KEYS = new Set(["ArrowLeft", "PageUp"]);

/** One exchange at a time, full width and in large type, for showing a session to a room. */
export function PresentationView({ turns, title, startAt, onExit, replayable = false }: PresentationViewProps) {
  const steps = useMemo(() => presentationSteps(turns), [turns]);
  const [requested, setStep] = useState(() => (startAt === "last" ? steps.length - 1 : 0));
  const step = clampStep(requested, steps.length);
  const stepTurns = useMemo(() => {
    const at = steps[step];
    return at ? [...(at.user ? [at.user] : []), ...at.replies] : [];
  }, [steps, step]);
  const replay = useReplay(stepTurns);
  const current = presentationSteps(replay.turns)[0];
  // Once replaying, each exchange stepped to streams in from its start.
  const [round, setRound] = useState(0);
  const replayRef = useRef(replay);
  useEffect(() => {
    if (round > 0) replayRef.current.restart();
  }, [round, step]);
  const replayFromStart = () => setRound((n) => n + 1);
  const rootRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const exitRef = useRef(onExit);
  const replayableRef = useRef(replayable);
  const countRef = useRef(steps.length);
  useEffect(() => {
    exitRef.current = onExit;
    countRef.current = steps.length;
    replayRef.current = replay;
  });

  useEffect(() => {
    const opener = document.activeElement;
    rootRef.current?.focus();
    const overflow = document.body.style.overflow;
    document.body.style.overflow = "hidden";
    // Capture phase: Escape leaves presenting before the page's own Escape (Stop) can see it.
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || document.querySelector("dialog[open]")) return;
      const target = event.target;
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        exitRef.current();
      } else if (isTypingTarget(target) || target instanceof HTMLMediaElement) {
        return;
      } else if (NEXT_KEYS.has(event.key)) {
        event.preventDefault();
        setStep((s) => clampStep(s + 1, countRef.current));
      } else if (PREVIOUS_KEYS.has(event.key)) {
        event.preventDefault();
        setStep((s) => clampStep(s - 1, countRef.current));
      } else if (event.key.toLowerCase() === "r" && replayableRef.current) {
        event.preventDefault();
        const now = replayRef.current;
        if (now.phase === "playing") now.pause();
        else if (now.phase === "paused") now.play();
        else replayFromStart();
      } else if (event.key === "Home" || event.key === "End") {
        event.preventDefault();
        setStep(event.key === "Home" ? 0 : countRef.current - 1);
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => {
      window.removeEventListener("keydown", onKey, true);
      document.body.style.overflow = overflow;
      if (opener instanceof HTMLElement) opener.focus();
    };
  }, []);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [step]);

  const progress = steps.length > 0 ? `${step + 1} / ${steps.length}` : "0 / 0";
  return (
    <div
      ref={rootRef}
      tabIndex={-1}
      role="dialog"
      aria-modal="true"
      aria-label={`Presentation: ${title}`}
      data-testid="presentation"
      className="fixed inset-0 z-50 flex flex-col bg-white outline-none dark:bg-zinc-950"
    >
      {/* On a phone the title takes a row of its own, so it is never cut to a word. */}
      <header className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-1 border-b border-line px-4 py-2 sm:h-14 sm:flex-nowrap sm:py-0">
        <LogoMark className="size-7 shrink-0" />
        <h2
          data-testid="presentation-title"
          className="min-w-0 flex-1 text-[15px] font-semibold tracking-tight max-sm:order-last max-sm:basis-full sm:truncate"
        >
          {title}
        </h2>
        {replayable && (
          <div className="hidden sm:block">
            <ReplayControls replay={{ ...replay, play: () => (replay.phase === "paused" ? replay.play() : replayFromStart()) }} compact />
          </div>
        )}
        <Button
          variant="ghost"
          size="icon"
          aria-label="Previous exchange"
          title="Previous (←)"
          className="max-sm:ml-auto"
          disabled={step === 0}
          onClick={() => setStep(step - 1)}
        >
          <ArrowLeftIcon className="size-4" />
        </Button>
        <span
          data-testid="presentation-progress"
          aria-live="polite"
          className="min-w-14 text-center font-mono text-sm text-fg-secondary tabular-nums"
        >
          {progress}
        </span>
        <Button
          variant="ghost"
          size="icon"
          aria-label="Next exchange"
          title="Next (→)"
          disabled={step >= steps.length - 1}
          onClick={() => setStep(step + 1)}
        >
          <ArrowRightIcon className="size-4" />
        </Button>
        <Button variant="secondary" size="sm" data-testid="presentation-exit" onClick={onExit} className="ml-1">
          <XIcon className="size-3.5" />
          Exit <kbd className="hidden font-sans text-[10px] text-fg-muted sm:inline">Esc</kbd>
        </Button>
      </header>
      <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto">
        <div
          key={step}
          data-testid="presentation-step"
          // The payoff stays above the fold: the overlay (which shows the question's image) fits the
          // screen, and the question's own copy of that image is left out.
          className="mx-auto flex w-full max-w-4xl flex-col gap-6 px-5 py-6 [--stage-max-height:34dvh] has-[[data-testid=annotation-overlay]]:[&_[data-testid=user-turn-media]]:hidden md:py-8 md:[zoom:1.3] xl:[zoom:1.45]"
        >
          {current ? (
            <>
              {current.user && <UserTurn turn={current.user} />}
              {current.replies.map((reply) => (
                <AssistantTurn key={reply.id} turn={reply} payoffFirst />
              ))}
            </>
          ) : (
            <p className="py-20 text-center text-fg-muted">Nothing to present yet: send a message first.</p>
          )}
        </div>
      </div>
      <div aria-hidden="true" className="h-1 shrink-0 bg-zinc-100 dark:bg-zinc-900">
        <div
          className="h-full bg-brand-500 transition-[width] duration-300"
          style={{ width: `${steps.length ? ((step + 1) / steps.length) * 100 : 0}%` }}
        />
      </div>
    </div>
  );
}
