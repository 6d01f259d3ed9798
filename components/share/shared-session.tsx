"use client";

import Link from "next/link";
import { useMemo } from "react";

import { AnnotationsProvider } from "@/components/annotations/annotations-context";
import { AssistantTurn } from "@/components/chat/assistant-turn";
import { UserTurn } from "@/components/chat/user-turn";
import { SharedResult } from "@/components/generation/shared-result";
import { PresentButton } from "@/components/presentation/present-button";
import { PresentationView } from "@/components/presentation/presentation-view";
import { usePresentation } from "@/components/presentation/use-presentation";
import { ExportActions } from "@/components/share/export-actions";
import { ForkButton } from "@/components/share/fork-button";
import { RecordingLabel } from "@/components/share/recording-label";
import { ReplayControls } from "@/components/share/replay-controls";
import { SessionParamsCard } from "@/components/share/session-params-card";
import { TurnBackendsCard } from "@/components/share/turn-backends-card";
import { useReplay } from "@/components/share/use-replay";
import { LogoMark } from "@/components/ui/logo";
import { focusRing } from "@/components/ui/styles";
import { usePageKey } from "@/components/ui/use-page-key";
import type { BackendSummary } from "@/lib/backends/types";
import type { Turn } from "@/lib/chat/conversation";
import type { SnapshotData } from "@/lib/conversations/schema";
import { sharePackUrl } from "@/lib/share/client/demo-pack-api";
import { describeModel, recordedModels } from "@/lib/share/settings";

interface SharedSessionProps {
  id: string;
  title: string;
  createdAt: string;
  data: SnapshotData;
  /** The snapshot's turns as the chat components take them (converted on the server). */
  turns: Turn[];
}

/** The annotation overlays read a reply's model family by backend id; a share knows it per turn. */
function knownFamilies(data: SnapshotData): BackendSummary[] {
  const seen = new Map<string, BackendSummary["family"]>();
  for (const backend of [data.backend, ...data.turns.map((t) => t.backend)]) {
    if (backend?.id && backend.family && !seen.has(backend.id)) seen.set(backend.id, backend.family);
  }
  return [...seen].map(([id, family]) => ({
    id,
    family,
    label: id,
    kind: "chat",
    model: null,
    simulated: false,
    status: "ready",
    capabilities: { chat: true, reasoningSwitch: "none", reasoningWithVideo: true, maxImages: 0, maxVideos: 0, maxInlineImageBytes: null },
  }));
}

export function SharedSession({ id, title, createdAt, data, turns }: SharedSessionProps) {
  const presentation = usePresentation(turns.length > 0);
  const replay = useReplay(turns);
  usePageKey("r", replay.phase === "playing" ? replay.pause : replay.play, turns.length > 0 && !presentation.open);
  const backends = useMemo(() => knownFamilies(data), [data]);
  const prompts = turns.filter((t) => t.kind === "user").length;
  const model = describeModel(data);
  const date = new Date(createdAt).toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });

  return (
    <AnnotationsProvider turns={replay.turns} backends={backends}>
      <div className="flex min-h-dvh flex-col">
        <header className="sticky top-0 z-20 flex h-14 shrink-0 items-center gap-3 border-b border-line bg-white/95 px-3 sm:px-4 dark:bg-zinc-950/95">
          <Link href="/" aria-label="NIM Playground home" className={`flex shrink-0 items-center gap-2 rounded-md ${focusRing}`}>
            <LogoMark className="size-7" />
            <span className="hidden text-[15px] font-semibold tracking-tight sm:inline">NIM Playground</span>
          </Link>
          <span className="hidden rounded-full bg-surface-muted px-2 py-0.5 text-xs font-medium text-fg-secondary md:inline">
            Shared · read-only
          </span>
          <span className="flex-1" />
          <PresentButton onClick={presentation.toggle} disabled={turns.length === 0} />
          {/* Generation results have no chat to continue. */}
          {!data.turns.some((turn) => turn.result) && <ForkButton title={title} data={data} />}
        </header>

        <div className="mx-auto grid w-full max-w-6xl flex-1 gap-8 px-4 pt-8 pb-16 sm:px-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
          <main className="min-w-0">
            <div className="mx-auto max-w-3xl">
              <h1 data-testid="shared-title" className="text-2xl font-semibold tracking-tight text-balance sm:text-3xl">
                {title}
              </h1>
              <p className="mt-2 text-sm text-fg-muted">
                Shared {date}
                {model && <> · {model}</>} · {prompts} {prompts === 1 ? "prompt" : "prompts"}
              </p>
              <div className="mt-4 flex flex-col gap-3">
                <RecordingLabel models={recordedModels(data)} recordedAt={data.recording?.recordedAt ?? createdAt} />
                {turns.length > 0 && (
                  <div className="sticky top-16 z-10 rounded-xl border border-line bg-white/95 px-3 py-2 shadow-xs dark:bg-zinc-900/95">
                    <ReplayControls replay={replay} />
                  </div>
                )}
              </div>
              <div data-testid="shared-conversation" className="mt-8 flex flex-col gap-7">
                {replay.turns.map((turn, index) => {
                  const stored = data.turns[index];
                  if (turn.kind === "user") return <UserTurn key={turn.id} turn={turn} />;
                  // A generation result plays in the same players as /generate.
                  if (stored?.result)
                    return (
                      <SharedResult key={turn.id} turn={{ ...stored, result: stored.result }} prompt={data.turns[index - 1]?.text ?? ""} />
                    );
                  return <AssistantTurn key={turn.id} turn={turn} />;
                })}
              </div>
            </div>
          </main>
          <aside className="space-y-4 lg:sticky lg:top-20 lg:self-start" aria-label="About this session">
            <SessionParamsCard data={data} />
            <TurnBackendsCard data={data} />
            <section aria-labelledby="shared-download" className="rounded-xl border border-line bg-white p-4 shadow-xs dark:bg-zinc-900/60">
              <h2 id="shared-download" className="mb-3 text-xs font-semibold tracking-wide text-fg-muted uppercase">
                Download
              </h2>
              <ExportActions title={title} createdAt={createdAt} data={() => data} packUrl={sharePackUrl(id)} />
            </section>
          </aside>
        </div>
        <footer className="border-t border-line py-5 text-center text-xs text-fg-muted">
          A read-only copy shared from NIM Playground. Press <kbd className="font-sans font-semibold">R</kbd> to replay it,{" "}
          <kbd className="font-sans font-semibold">P</kbd> to present it.
        </footer>
      </div>
      {presentation.open && <PresentationView turns={turns} title={title} startAt="first" onExit={presentation.close} replayable />}
    </AnnotationsProvider>
  );
}
