"use client";

import { useCallback, useEffect, useReducer, useRef } from "react";

import { startChatTurn, type ChatTurnHandle } from "@/lib/chat/client/turn";
import { createTurnId, isStreaming, regenerateContext, type AssistantTurn, type ToolResult, type Turn } from "@/lib/chat/conversation";
import { buildTurnRequest, type TurnSettings } from "@/lib/chat/turn-request";
import type { TurnTask } from "@/lib/chat/turn-task";
import { chatReducer } from "@/lib/chat/versions";
import type { TurnMedia } from "@/lib/media/attachments";

/** What one request is: a new question, the same question again, or a tool round's follow-up. */
type TurnStart =
  | { kind: "send"; history: Turn[]; user: { id: string; text: string; media: TurnMedia[]; task?: TurnTask } }
  | { kind: "regenerate"; history: Turn[]; user: { text: string; media: TurnMedia[] } }
  | { kind: "edit"; history: Turn[]; user: { text: string; media: TurnMedia[] } }
  | { kind: "follow-up"; history: Turn[]; turnId: string; results: ToolResult[] };

export function useChatSession() {
  const [turns, dispatch] = useReducer(chatReducer, []);
  const turnsRef = useRef<Turn[]>(turns);
  const active = useRef<ChatTurnHandle | null>(null);

  useEffect(() => {
    turnsRef.current = turns;
  }, [turns]);

  // Leaving the page aborts the request, which aborts the upstream generation too.
  useEffect(() => () => active.current?.abandon(), []);

  const start = useCallback((start: TurnStart, settings: TurnSettings) => {
    const request = buildTurnRequest(start.history, start.kind === "follow-up" ? null : start.user, settings);
    if (!request) return;
    const turnId = createTurnId();
    const assistant = {
      id: turnId,
      backendId: settings.backend.id,
      backendLabel: settings.backend.label,
      model: settings.backend.model,
      reasoningRequested: request.body.reasoning ?? false,
      at: Date.now(),
      request,
      simulated: settings.backend.simulated,
    };
    if (start.kind === "send") dispatch({ type: "send", user: start.user, assistant });
    else if (start.kind === "regenerate") dispatch({ type: "regenerate", assistant });
    else if (start.kind === "edit") dispatch({ type: "edit", text: start.user.text, assistant });
    else dispatch({ type: "follow-up", turnId: start.turnId, results: start.results, assistant });
    const turn = startChatTurn({
      body: request.body,
      startedAt: assistant.at,
      onEvent: (event, at) => dispatch({ type: "event", turnId, event, at }),
      onStopped: (at) => dispatch({ type: "stop", turnId, at }),
      onTimings: (timings) => dispatch({ type: "timings", turnId, timings }),
    });
    active.current = turn;
    void turn.done.then(() => {
      if (active.current === turn) active.current = null;
    });
  }, []);

  const send = useCallback(
    (text: string, media: TurnMedia[], settings: TurnSettings, task?: TurnTask) =>
      start({ kind: "send", history: turnsRef.current, user: { id: createTurnId(), text, media, ...(task ? { task } : {}) } }, settings),
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
    // Keeps the text that arrived before Stop and marks the turn stopped at once.
    active.current?.stop();
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
