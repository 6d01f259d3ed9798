"use client";

import { useState } from "react";

import { starterFile, STARTERS, type Starter } from "@/components/chat/starters";
import { EmptyStateShell } from "@/components/ui/empty-state";
import { FilmIcon, ImageIcon } from "@/components/ui/icons";
import { LogoMark } from "@/components/ui/logo";
import { Skeleton } from "@/components/ui/skeleton";
import { focusRing } from "@/components/ui/styles";
import type { BackendSummary } from "@/lib/backends/types";

interface EmptyStateProps {
  backend: BackendSummary;
  reasoning: boolean;
  /** The starter's prompt, with its sample media as files to attach (none for a text-only one). */
  onPick: (prompt: string, files: File[]) => void;
}

export function EmptyState({ backend, reasoning, onPick }: EmptyStateProps) {
  return (
    <EmptyStateShell
      testId="empty-state"
      icon={<LogoMark className="size-12 drop-shadow-sm" />}
      title={<>What should {backend.label} reason about?</>}
      description={
        reasoning
          ? "Ask a question and watch the model think in the Think pane before it answers."
          : "Ask a question. Turn on Reasoning in the settings to watch the model think first."
      }
      simulatedNote={
        backend.simulated && (
          <>
            <strong className="font-semibold">{backend.label} is simulated.</strong> The built-in simulator speaks the real NIM protocol and
            streams replies that say they are simulated, so you can try everything without a GPU. Add your NIM to the playground
            configuration to talk to a real model.
          </>
        )
      }
    >
      <StarterCards onPick={onPick} />
    </EmptyStateShell>
  );
}

function StarterCards({ onPick }: Pick<EmptyStateProps, "onPick">) {
  const [loading, setLoading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function pick(starter: Starter) {
    setError(null);
    if (!starter.media) return onPick(starter.prompt, []);
    setLoading(starter.id);
    try {
      onPick(starter.prompt, [await starterFile(starter.media)]);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setLoading(null);
    }
  }

  return (
    <div className="w-full space-y-2">
      <ul className="grid w-full gap-3 sm:grid-cols-2" aria-label="Example prompts">
        {STARTERS.map((starter) => (
          <li key={starter.id}>
            <button
              type="button"
              data-testid="example-prompt"
              data-starter={starter.id}
              title={starter.prompt}
              aria-busy={loading === starter.id}
              disabled={loading !== null}
              onClick={() => void pick(starter)}
              className={`group flex h-full w-full gap-3 rounded-xl border border-line bg-surface p-3 text-left shadow-xs transition hover:-translate-y-px hover:border-brand-500/60 hover:shadow-md disabled:cursor-wait dark:hover:border-brand-500/50 ${focusRing}`}
            >
              {starter.media && <StarterThumb media={starter.media} />}
              <span className="min-w-0 flex-1 py-0.5">
                <span className="block text-sm font-semibold text-fg-strong group-hover:text-brand-700 dark:group-hover:text-brand-300">
                  {starter.title}
                </span>
                <span className="mt-1 block text-sm leading-snug text-fg-muted">{starter.summary}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="text-sm text-fg-danger">
          {error}
        </p>
      )}
    </div>
  );
}

function StarterThumb({ media }: { media: NonNullable<Starter["media"]> }) {
  const Icon = media.as === "video" ? FilmIcon : ImageIcon;
  return (
    <span className="relative h-16 w-24 shrink-0 overflow-hidden rounded-lg bg-surface-muted">
      {media.src.endsWith(".png") ? (
        <img src={media.src} alt="" aria-hidden="true" className="size-full object-cover" />
      ) : (
        <video src={`${media.src}#t=${media.at ?? 0.5}`} muted preload="metadata" aria-hidden="true" className="size-full object-cover" />
      )}
      <span className="absolute bottom-1 left-1 inline-flex items-center gap-1 rounded bg-zinc-950/70 px-1 py-0.5 text-[10px] font-medium text-white">
        <Icon className="size-3" />
        {media.as === "video" ? "Video" : "Image"}
      </span>
    </span>
  );
}

export function EmptyStateSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading backends" className="flex flex-col items-center gap-8 pt-[6vh]">
      <Skeleton className="size-12 rounded-lg" />
      <div className="flex w-full flex-col items-center gap-3">
        <Skeleton className="h-8 w-3/4 max-w-md" />
        <Skeleton className="h-4 w-2/3 max-w-sm" />
      </div>
      <div className="grid w-full gap-3 sm:grid-cols-2">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-24 rounded-xl" />
        ))}
      </div>
    </div>
  );
}
