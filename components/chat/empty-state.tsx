"use client";

import { useState } from "react";

import { starterFile, STARTERS, type Starter } from "@/components/chat/starters";
import { FilmIcon, ImageIcon, InfoIcon } from "@/components/ui/icons";
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
    <div data-testid="empty-state" className="flex animate-fade-in flex-col items-center gap-8 pt-[6vh] text-center">
      <div className="flex flex-col items-center gap-4">
        <LogoMark className="size-12 drop-shadow-sm" />
        <div className="space-y-2">
          <h1 className="text-2xl font-semibold tracking-tight text-balance sm:text-3xl">What should {backend.label} reason about?</h1>
          <p className="mx-auto max-w-md text-[15px] text-zinc-600 text-balance dark:text-zinc-400">
            {reasoning
              ? "Ask a question and watch the model think in the Think pane before it answers."
              : "Ask a question. Turn on Reasoning in the settings to watch the model think first."}
          </p>
        </div>
      </div>
      <StarterCards onPick={onPick} />
      {backend.simulated && (
        <p
          data-testid="simulated-note"
          className="flex max-w-xl items-start gap-2 rounded-xl bg-sky-50 px-4 py-3 text-left text-sm text-sky-900 dark:bg-sky-950/50 dark:text-sky-200"
        >
          <InfoIcon className="mt-0.5 size-4 shrink-0" />
          <span>
            <strong className="font-semibold">{backend.label} is simulated.</strong> The built-in simulator speaks the real NIM protocol and
            streams replies that say they are simulated, so you can try everything without a GPU. Add your NIM to the playground
            configuration to talk to a real model.
          </span>
        </p>
      )}
    </div>
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
              aria-busy={loading === starter.id}
              disabled={loading !== null}
              onClick={() => void pick(starter)}
              className={`group flex h-full w-full gap-3 rounded-xl border border-zinc-200 bg-white p-3 text-left shadow-xs transition hover:-translate-y-px hover:border-brand-500/60 hover:shadow-md disabled:cursor-wait dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-brand-500/50 ${focusRing}`}
            >
              {starter.media && <StarterThumb media={starter.media} />}
              <span className="min-w-0 flex-1 py-0.5">
                <span className="block text-sm font-semibold text-zinc-900 group-hover:text-brand-700 dark:text-zinc-100 dark:group-hover:text-brand-300">
                  {starter.title}
                </span>
                <span className="mt-1 line-clamp-2 text-sm leading-snug text-zinc-500 sm:line-clamp-3 dark:text-zinc-400">
                  {starter.prompt}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

function StarterThumb({ media }: { media: NonNullable<Starter["media"]> }) {
  const Icon = media.as === "video" ? FilmIcon : ImageIcon;
  return (
    <span className="relative h-16 w-24 shrink-0 overflow-hidden rounded-lg bg-zinc-100 dark:bg-zinc-800">
      <video src={`${media.src}#t=${media.at ?? 0.5}`} muted preload="metadata" aria-hidden="true" className="size-full object-cover" />
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
