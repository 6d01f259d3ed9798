"use client";

import { useCallback, useEffect, useReducer, useRef } from "react";
import type { MediaFacts, TurnMedia } from "@/lib/media/attachments";
import type { BackendSummary } from "@/lib/backends/types";
import type { MediaParams, SamplingParamsInput } from "@/lib/chat/schema";
import {
  buildChatMessages,
  conversationReducer,
  createTurnId,
  historyMedia,
  isStreaming,
  regenerateContext,
  type Turn,
} from "@/lib/chat/conversation";
import { runChatTurn } from "@/lib/chat/client/stream";
import { batchTextEvents, type ChatEventBatcher } from "@/lib/chat/client/text-batcher";
import { fitEarlierMedia } from "@/lib/chat/prompt-media";

/** What a turn is sent with: read when it is sent, so later edits apply to the next turn only. */
export interface TurnSettings {
  backend: BackendSummary;
  systemPrompt: string;
  reasoning: boolean;
  params: SamplingParamsInput;
  /** The `media` body for a request carrying these images and videos (all of them, earlier turns' too). */
  mediaParams: (media: readonly MediaFacts[]) => MediaParams;
}

export function useChatSession() {
  const [turns, dispatch] = useReducer(conversationReducer, []);
  const turnsRef = useRef<Turn[]>(turns);
  const active = useRef<{ turnId: string; controller: AbortController; events: ChatEventBatcher } | null>(null);

  useEffect(() => {
    turnsRef.current = turns;
  }, [turns]);

  // Leaving the page aborts the request, which aborts the upstream generation too.
  useEffect(
    () => () => {
      active.current?.events.cancel();
      active.current?.controller.abort();
    },
    [],
  );

  const start = useCallback((history: Turn[], user: { text: string; media: TurnMedia[] }, settings: TurnSettings, userId: string | null) => {
    const turnId = createTurnId();
    const family = settings.backend.family ?? "generic";
    // The server leaves out earlier media over the per-prompt limits; the turn records the same.
    const sentMedia = [...fitEarlierMedia(family, historyMedia(history), user.media).kept, ...user.media];
    const body = {
      backend: settings.backend.id,
      messages: buildChatMessages(settings.systemPrompt, history, user.text, user.media),
      reasoning: settings.reasoning,
      params: settings.params,
      media: settings.mediaParams(sentMedia),
    };
    const assistant = {
      id: turnId,
      backendId: settings.backend.id,
      backendLabel: settings.backend.label,
      model: settings.backend.model,
      reasoningRequested: settings.reasoning,
      at: Date.now(),
      request: { body, family, media: sentMedia },
    };
    dispatch(userId ? { type: "send", user: { id: userId, ...user }, assistant } : { type: "regenerate", assistant });
    const controller = new AbortController();
    // Text deltas reach the conversation once a frame, however fast they stream.
    const events = batchTextEvents((event, at) => dispatch({ type: "event", turnId, event, at }));
    active.current = { turnId, controller, events };
    void runChatTurn({
      body,
      signal: controller.signal,
      onEvent: (event) => events.push(event, Date.now()),
    }).then((outcome) => {
      events.flush();
      if (outcome === "stopped") dispatch({ type: "stop", turnId, at: Date.now() });
      if (active.current?.controller === controller) active.current = null;
    });
  }, []);

  const send = useCallback(
    (text: string, media: TurnMedia[], settings: TurnSettings) => start(turnsRef.current, { text, media }, settings, createTurnId()),
    [start],
  );

  const regenerate = useCallback(
    (settings: TurnSettings) => {
      const context = regenerateContext(turnsRef.current);
      if (context) start(context.history, { text: context.user.text, media: context.user.media }, settings, null);
    },
    [start],
  );

  const stop = useCallback(() => {
    const current = active.current;
    if (!current) return;
    current.controller.abort();
    // Keep the text that arrived before Stop; mark it stopped at once (the runner's own "stopped"
    // arrives later and is then a no-op).
    current.events.flush();
    dispatch({ type: "stop", turnId: current.turnId, at: Date.now() });
    active.current = null;
  }, []);

  /** Adds finished turns from elsewhere (a Compare column promoted to the conversation). */
  const append = useCallback((added: Turn[]) => dispatch({ type: "append", turns: added }), []);

  const clear = useCallback(() => {
    stop();
    dispatch({ type: "clear" });
  }, [stop]);

  return { turns, streaming: isStreaming(turns), send, regenerate, stop, clear, append };
}
