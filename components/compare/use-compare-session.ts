"use client";

import { useCallback, useEffect, useReducer, useRef } from "react";

import { mediaContext } from "@/components/media/use-composer-media";
import type { BackendSummary } from "@/lib/backends/types";
import { startChatTurn, type ChatTurnHandle } from "@/lib/chat/client/turn";
import { compareReducer, initialColumns, type CompareColumn } from "@/lib/chat/compare";
import { createTurnId, isStreaming, regenerateContext, type ConversationAction, type Turn } from "@/lib/chat/conversation";
import { parseParams } from "@/lib/chat/params";
import { buildTurnRequest } from "@/lib/chat/turn-request";
import type { TurnMedia } from "@/lib/media/attachments";
import { EMPTY_MEDIA_DRAFT, parseMediaParams } from "@/lib/media/params";

/** Backend ids in the address (`/compare?backends=a,b`), so a comparison can be linked to. */
function backendsFromUrl(): string[] {
  if (typeof window === "undefined") return [];
  return (new URLSearchParams(window.location.search).get("backends") ?? "").split(",").filter(Boolean);
}

/** Why Send cannot run for these columns, or null. */
export function columnsBlockReason(columns: readonly CompareColumn[], backends: readonly BackendSummary[]): string | null {
  for (const [index, column] of columns.entries()) {
    if (!backends.some((b) => b.id === column.backendId)) return `Column ${index + 1}'s backend is gone; pick another.`;
    if (!parseParams(column.params.draft).valid) return `Fix the sampling parameters of column ${index + 1} to send.`;
  }
  return null;
}

/**
 * The columns of a compare run and their streams: one prompt starts one /api/chat stream per
 * column, all at once; each column keeps its own conversation, so follow-ups work too.
 */
export function useCompareSession(backends: BackendSummary[]) {
  const [columns, dispatch] = useReducer(compareReducer, backends, (list) => initialColumns(list, backendsFromUrl(), createTurnId));
  const latest = useRef({ columns, backends });
  const active = useRef(new Map<string, ChatTurnHandle>());
  useEffect(() => {
    latest.current = { columns, backends };
  }, [columns, backends]);

  // Leaving the page aborts every stream, which aborts the upstream generations too.
  useEffect(() => {
    const streams = active.current;
    return () => streams.forEach((turn) => turn.abandon());
  }, []);

  const start = useCallback((column: CompareColumn, history: Turn[], user: { text: string; media: TurnMedia[] }, fresh: boolean) => {
    const backend = latest.current.backends.find((b) => b.id === column.backendId);
    if (!backend) return;
    const request = buildTurnRequest(history, user, {
      // The column's family, the one its presets and media rules come from.
      backend: { ...backend, family: column.family },
      systemPrompt: "",
      reasoning: column.reasoning,
      params: parseParams(column.params.draft).params,
      mediaParams: (media) => parseMediaParams(column.family, EMPTY_MEDIA_DRAFT, mediaContext(media)).media,
    });
    const turnId = createTurnId();
    const assistant = {
      id: turnId,
      backendId: backend.id,
      backendLabel: backend.label,
      model: backend.model,
      reasoningRequested: request.body.reasoning ?? false,
      at: Date.now(),
      request,
    };
    const columnId = column.id;
    const conversation = (action: ConversationAction) => dispatch({ type: "conversation", columnId, action });
    conversation(fresh ? { type: "send", user: { id: createTurnId(), ...user }, assistant } : { type: "regenerate", assistant });
    const turn = startChatTurn({
      body: request.body,
      onEvent: (event, at) => conversation({ type: "event", turnId, event, at }),
      onStopped: (at) => conversation({ type: "stop", turnId, at }),
    });
    active.current.set(columnId, turn);
    void turn.done.then(() => {
      if (active.current.get(columnId) === turn) active.current.delete(columnId);
    });
  }, []);

  const send = useCallback(
    (text: string, media: TurnMedia[]) => latest.current.columns.forEach((column) => start(column, column.turns, { text, media }, true)),
    [start],
  );

  /** Asks again in every column, or in one (its Retry button). */
  const regenerate = useCallback(
    (columnId?: string) => {
      for (const column of latest.current.columns) {
        if (columnId && column.id !== columnId) continue;
        const context = regenerateContext(column.turns);
        if (context) start(column, context.history, { text: context.user.text, media: context.user.media }, false);
      }
    },
    [start],
  );

  const stop = useCallback(() => {
    for (const turn of active.current.values()) turn.stop();
    active.current.clear();
  }, []);

  const clear = useCallback(() => {
    stop();
    dispatch({ type: "clear" });
  }, [stop]);

  const streaming = columns.some((column) => isStreaming(column.turns));
  return { columns, dispatch, send, regenerate, stop, clear, streaming };
}
