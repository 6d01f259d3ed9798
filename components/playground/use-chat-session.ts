"use client";

import { useCallback, useEffect, useReducer, useRef } from "react";

import type { BackendSummary } from "@/lib/backends/types";
import { runChatTurn } from "@/lib/chat/client/stream";
import { batchTextEvents, type ChatEventBatcher } from "@/lib/chat/client/text-batcher";
import {
  buildChatMessages,
  buildFollowUpMessages,
  createTurnId,
  followUpMedia,
  historyMedia,
  isStreaming,
  regenerateContext,
  type AssistantTurn,
  type ToolResult,
  type Turn,
} from "@/lib/chat/conversation";
import { fitEarlierMedia } from "@/lib/chat/prompt-media";
import type { ChatMessage, MediaParams, SamplingParamsInput } from "@/lib/chat/schema";
import type { ToolRequestFields } from "@/lib/chat/tools-draft";
import { chatReducer } from "@/lib/chat/versions";
import type { MediaFacts, TurnMedia } from "@/lib/media/attachments";

/** What a turn is sent with: read when it is sent, so later edits apply to the next turn only. */
export interface TurnSettings {
  backend: BackendSummary;
  systemPrompt: string;
  reasoning: boolean;
  params: SamplingParamsInput;
  /** The `media` body for a request carrying these images and videos (all of them, earlier turns' too). */
  mediaParams: (media: readonly MediaFacts[]) => MediaParams;
  /** The Tools panel's fields; empty when tools are off. */
  tools: ToolRequestFields;
}

/** What one request is: a new question, the same question again, or a tool round's follow-up. */
type TurnStart =
  | { kind: "send"; history: Turn[]; user: { id: string; text: string; media: TurnMedia[] } }
  | { kind: "regenerate"; history: Turn[]; user: { text: string; media: TurnMedia[] } }
  | { kind: "edit"; history: Turn[]; user: { text: string; media: TurnMedia[] } }
  | { kind: "follow-up"; history: Turn[]; turnId: string; results: ToolResult[] };

function requestOf(
  start: TurnStart,
  settings: TurnSettings,
): { messages: ChatMessage[]; earlier: TurnMedia[]; current: TurnMedia[] } | null {
  if (start.kind !== "follow-up") {
    return {
      messages: buildChatMessages(settings.systemPrompt, start.history, start.user.text, start.user.media),
      earlier: historyMedia(start.history),
      current: start.user.media,
    };
  }
  const messages = buildFollowUpMessages(settings.systemPrompt, start.history);
  return messages && { messages, earlier: followUpMedia(start.history), current: [] };
}

export function useChatSession() {
  const [turns, dispatch] = useReducer(chatReducer, []);
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

  const start = useCallback((start: TurnStart, settings: TurnSettings) => {
    const turnId = createTurnId();
    const family = settings.backend.family ?? "generic";
    const request = requestOf(start, settings);
    if (!request) return;
    // The server leaves out earlier media over the per-prompt limits; the turn records the same.
    const sentMedia = [...fitEarlierMedia(family, request.earlier, request.current).kept, ...request.current];
    const body = {
      backend: settings.backend.id,
      messages: request.messages,
      reasoning: settings.reasoning,
      params: settings.params,
      media: settings.mediaParams(sentMedia),
      ...settings.tools,
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
    if (start.kind === "send") dispatch({ type: "send", user: start.user, assistant });
    else if (start.kind === "regenerate") dispatch({ type: "regenerate", assistant });
    else if (start.kind === "edit") dispatch({ type: "edit", text: start.user.text, assistant });
    else dispatch({ type: "follow-up", turnId: start.turnId, results: start.results, assistant });
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
    (text: string, media: TurnMedia[], settings: TurnSettings) =>
      start({ kind: "send", history: turnsRef.current, user: { id: createTurnId(), text, media } }, settings),
    [start],
  );

  /** Sends the person's results for a turn's tool calls and streams the model's follow-up. */
  const answerTools = useCallback(
    (turnId: string, results: ToolResult[], settings: TurnSettings) => {
      const turns = turnsRef.current;
      const index = turns.findIndex((turn) => turn.id === turnId);
      const turn = turns[index];
      if (!turn || turn.kind !== "assistant") return;
      start({ kind: "follow-up", history: [...turns.slice(0, index), { ...turn, toolResults: results }], turnId, results }, settings);
    },
    [start],
  );

  const regenerate = useCallback(
    (settings: TurnSettings) => {
      // A failed follow-up is tried again from its tool round, not from the question.
      const previous = turnsRef.current.at(-2);
      if (turnsRef.current.at(-1)?.kind === "assistant" && isAnsweredToolRound(previous)) {
        return answerTools(previous.id, previous.toolResults ?? [], settings);
      }
      const context = regenerateContext(turnsRef.current);
      if (context)
        start({ kind: "regenerate", history: context.history, user: { text: context.user.text, media: context.user.media } }, settings);
    },
    [start, answerTools],
  );

  /** Sends the person's last message again as they rewrote it; the reply it had stays as a version. */
  const editLast = useCallback(
    (text: string, settings: TurnSettings) => {
      const context = regenerateContext(turnsRef.current);
      if (context) start({ kind: "edit", history: context.history, user: { text, media: context.user.media } }, settings);
    },
    [start],
  );

  const selectVersion = useCallback((turnId: string, index: number) => dispatch({ type: "version", turnId, index }), []);

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

  return { turns, streaming: isStreaming(turns), send, answerTools, regenerate, editLast, selectVersion, stop, clear, append };
}

function isAnsweredToolRound(turn: Turn | undefined): turn is AssistantTurn {
  return turn?.kind === "assistant" && (turn.toolCalls?.length ?? 0) > 0 && (turn.toolResults?.length ?? 0) > 0;
}
