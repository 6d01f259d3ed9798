"use client";

import dynamic from "next/dynamic";
import { useMemo, useRef, useState } from "react";

import { AnnotationsProvider, usePromptInsert } from "@/components/annotations/annotations-context";
import { BackendNotice } from "@/components/backends/backend-notice";
import { useBackendsQuery } from "@/components/backends/use-backends-query";
import { Conversation } from "@/components/chat/conversation";
import { TurnActionsProvider } from "@/components/chat/turn-actions-context";
import { useEscapeToStop } from "@/components/chat/use-escape-to-stop";
import { draftCodeSource } from "@/components/code-view/code-source";
import { usePromotedTurns } from "@/components/compare/use-promoted-turns";
import { applyRestoredSession } from "@/components/conversations/restore-session";
import { SessionActions } from "@/components/conversations/session-actions";
import { SidebarToggle } from "@/components/conversations/sidebar-toggle";
import { usePlaygroundSession } from "@/components/conversations/use-playground-session";
import { useSavedTitle } from "@/components/conversations/use-saved-title";
import { DropOverlay } from "@/components/media/drop-overlay";
import { useComposerMedia } from "@/components/media/use-composer-media";
import { useFileDrop } from "@/components/media/use-file-drop";
import { MetricsToggle } from "@/components/metrics/metrics-toggle";
import { AppHeader } from "@/components/playground/app-header";
import { ChatEmpty } from "@/components/playground/chat-empty";
import { HeaderBackend } from "@/components/playground/header-backend";
import { PlaygroundComposer } from "@/components/playground/playground-composer";
import { PlaygroundSettings } from "@/components/playground/playground-settings";
import { useChatSession } from "@/components/playground/use-chat-session";
import { useReasoningChoice } from "@/components/playground/use-reasoning-choice";
import { useSamplingParams } from "@/components/playground/use-sampling-params";
import { useSettingsRail } from "@/components/playground/use-settings-rail";
import { useTurnContexts } from "@/components/playground/use-turn-contexts";
import { usePresentation } from "@/components/presentation/use-presentation";
import { usePromptPresets } from "@/components/presets/use-prompt-presets";
import { useSubjectMarks } from "@/components/presets/use-subject-marks";
import { RecordingLabel } from "@/components/share/recording-label";
import { ToolAnswerProvider } from "@/components/tools/tool-answer-context";
import { useToolsDraft } from "@/components/tools/use-tools-draft";
import { chatBackends, pickBackend } from "@/lib/backends/client/backends";
import { FAMILY_INFO, reasoningUnavailableReason } from "@/lib/backends/families";
import { sessionSeries } from "@/lib/chat/metrics-series";
import type { TurnSettings } from "@/lib/chat/turn-request";
import { sessionTitle } from "@/lib/conversations/data";

// Presentation mode is entered on demand: its view loads then, not with the page.
const PresentationView = dynamic(() => import("@/components/presentation/presentation-view").then((module) => module.PresentationView), {
  ssr: false,
});

export function Playground() {
  const backendsQuery = useBackendsQuery();
  const backends = useMemo(() => chatBackends(backendsQuery.data?.backends ?? []), [backendsQuery.data]);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const backend = pickBackend(backends, chosenId);
  const family = backend?.family ?? "generic";

  const chat = useChatSession();
  const { streaming, stop } = chat;
  usePromotedTurns(chat.append, setChosenId);
  const media = useComposerMedia({ family, backend, turns: chat.turns });
  const { attachments } = media;
  const drop = useFileDrop(attachments.addFiles, backend !== null);

  const [reasoningWanted, setReasoningWanted] = useReasoningChoice(family);
  // A video in this message or an earlier one is sent with the request, so it counts too.
  const unavailableReason = reasoningUnavailableReason(family, media.context.hasVideo);
  const reasoning = reasoningWanted && unavailableReason === null;
  const params = useSamplingParams(family, reasoning);
  const [systemPrompt, setSystemPrompt] = useState("");
  const [draft, setDraft] = useState("");
  const rail = useSettingsRail();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const insertIntoPrompt = usePromptInsert(setDraft, inputRef);
  const tools = useToolsDraft(family);
  const presets = usePromptPresets({
    family,
    params,
    setReasoning: setReasoningWanted,
    setMediaDraft: media.setDraft,
    setDraft,
    setSystemPrompt,
    inputRef,
  });
  const marks = useSubjectMarks(attachments, presets.active, presets.setValue);
  // Saves the chat as it goes and reopens it from ?c=<id>.
  const session = usePlaygroundSession({
    turns: chat.turns,
    streaming,
    backend,
    systemPrompt,
    reasoning,
    params: params.parsed.params,
    paramsEdited: params.state.edited,
    media: media.parsed.media,
    mediaDraft: media.draft,
    toolsDraft: tools.draft,
    restore: (saved) =>
      applyRestoredSession(saved, {
        append: chat.append,
        setChosenId,
        setSystemPrompt,
        setReasoningWanted,
        params,
        setMediaDraft: media.setDraft,
        setToolsDraft: tools.restore,
      }),
  });
  const presentation = usePresentation(chat.turns.length > 0);
  const savedTitle = useSavedTitle();

  useEscapeToStop(streaming, stop);

  const settings = (): TurnSettings | null =>
    backend
      ? { backend, systemPrompt, reasoning, params: params.parsed.params, mediaParams: media.mediaParamsFor, tools: tools.fields }
      : null;
  const blockedReason =
    media.blockedReason ??
    (params.parsed.valid ? null : "Fix the highlighted sampling parameters to send.") ??
    presets.blockedReason ??
    tools.blockedReason;
  const { toolAnswer, turnActions } = useTurnContexts({ chat, tools, settings, paramsValid: params.parsed.valid });

  function send() {
    const current = settings();
    const text = draft.trim();
    if (!current || text === "" || blockedReason) return;
    const sent = attachments.takeForSend();
    if (sent === null) return;
    chat.send(text, sent, current, presets.taskFor(text));
    presets.sent();
    setDraft("");
  }

  function regenerate() {
    const current = settings();
    if (current && !blockedReason) chat.regenerate(current);
  }

  function clear() {
    // The saved chat keeps its turns and title; what is sent next is saved as a new chat.
    session.startNew();
    chat.clear();
  }

  function pickExample(prompt: string, files: File[]) {
    setDraft(prompt);
    void attachments.addFiles(files);
    inputRef.current?.focus();
  }

  const lastTurn = chat.turns.at(-1);
  // Typing re-renders the page: what is read from every turn is worked out again only when they change.
  const series = useMemo(() => sessionSeries(chat.turns), [chat.turns]);

  return (
    <div className="flex h-dvh min-w-0 flex-1 flex-col overflow-hidden">
      <AppHeader
        leading={<SidebarToggle />}
        sessionActions={<SessionActions session={session} turns={chat.turns} streaming={chat.streaming} onPresent={presentation.toggle} />}
        refreshing={backendsQuery.isFetching}
        onRefresh={() => void backendsQuery.refetch()}
        settingsOpen={rail.drawerOpen}
        settingsCollapsed={rail.collapsed}
        onOpenSettings={rail.open}
        actions={<MetricsToggle series={series} scope="this session" />}
      >
        <HeaderBackend backends={backends} backend={backend} pending={backendsQuery.isPending} onSelect={setChosenId} />
      </AppHeader>
      <div className={`flex min-h-0 flex-1 ${session.sidebarInset}`}>
        <AnnotationsProvider turns={chat.turns} backends={backends} onInsertPrompt={insertIntoPrompt}>
          <main className="relative flex min-w-0 flex-1 flex-col" {...drop.handlers}>
            {drop.over && <DropOverlay maxImages={FAMILY_INFO[family].maxImages} maxVideos={FAMILY_INFO[family].maxVideos} />}
            {presentation.open && (
              <PresentationView
                turns={chat.turns}
                title={savedTitle ?? sessionTitle(chat.turns)}
                startAt="first"
                onExit={presentation.close}
              />
            )}
            <ToolAnswerProvider value={toolAnswer}>
              <TurnActionsProvider value={turnActions}>
                <Conversation
                  turns={chat.turns}
                  notice={
                    (session.recording || backend) && (
                      <div className="flex flex-col gap-2">
                        {session.recording && (
                          <RecordingLabel models={session.recording.models} recordedAt={session.recording.recordedAt} imported />
                        )}
                        {backend && <BackendNotice backend={backend} />}
                      </div>
                    )
                  }
                  empty={
                    <ChatEmpty
                      query={backendsQuery}
                      backend={backend}
                      reasoning={reasoning}
                      loading={session.loading}
                      onPick={pickExample}
                    />
                  }
                  streaming={chat.streaming}
                  onRetry={regenerate}
                />
              </TurnActionsProvider>
            </ToolAnswerProvider>
            <PlaygroundComposer
              value={draft}
              onDraft={setDraft}
              inputRef={inputRef}
              backend={backend}
              family={family}
              reasoning={reasoning}
              loading={session.loading}
              streaming={chat.streaming}
              blockedReason={blockedReason}
              canRegenerate={!chat.streaming && lastTurn?.kind === "assistant"}
              canClear={chat.turns.length > 0}
              onSend={send}
              onStop={chat.stop}
              onRegenerate={regenerate}
              onClear={clear}
              codeSource={() => draftCodeSource(settings(), chat.turns, draft.trim(), attachments.items)}
              media={media}
              presets={presets}
              marks={marks}
            />
          </main>
        </AnnotationsProvider>
        <PlaygroundSettings
          rail={rail}
          backend={backend}
          family={family}
          reasoning={reasoning}
          unavailableReason={unavailableReason}
          onReasoning={setReasoningWanted}
          tools={tools}
          systemPrompt={systemPrompt}
          onSystemPrompt={setSystemPrompt}
          media={media}
          params={params}
        />
      </div>
    </div>
  );
}
