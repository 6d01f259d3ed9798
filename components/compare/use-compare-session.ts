"use client";

import { useCallback, useEffect, useReducer, useRef } from "react";

import { mediaContext } from "@/components/media/use-composer-media";
import { reasoningUnavailableReason } from "@/lib/backends/families";
import type { BackendSummary } from "@/lib/backends/types";
import { runChatTurn } from "@/lib/chat/client/stream";
import { compareReducer, initialColumns, type CompareColumn } from "@/lib/chat/compare";
import { buildChatMessages, createTurnId, historyMedia, isStreaming, regenerateContext, type Turn } from "@/lib/chat/conversation";
import { parseParams } from "@/lib/chat/params";
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
  const active = useRef(new Map<string, { turnId: string; controller: AbortController }>());
  useEffect(() => {
    latest.current = { columns, backends };
  }, [columns, backends]);

  // Leaving the page aborts every stream, which aborts the upstream generations too.
  useEffect(() => {
    const streams = active.current;
    return () => streams.forEach(({ controller }) => controller.abort());
  }, []);

  const start = useCallback((column: CompareColumn, history: Turn[], user: { text: string; media: TurnMedia[] }, fresh: boolean) => {
    const backend = latest.current.backends.find((b) => b.id === column.backendId);
    if (!backend) return;
    const sentMedia = [...historyMedia(history), ...user.media];
    const reasoning =
      column.reasoning &&
      reasoningUnavailableReason(
        column.family,
        sentMedia.some((m) => m.kind === "video"),
      ) === null;
    const body = {
      backend: backend.id,
      messages: buildChatMessages("", history, user.text, user.media),
      reasoning,
      params: parseParams(column.params.draft).params,
      media: parseMediaParams(column.family, EMPTY_MEDIA_DRAFT, mediaContext(sentMedia)).media,
    };
    const turnId = createTurnId();
    const assistant = {
      id: turnId,
      backendId: backend.id,
      backendLabel: backend.label,
      model: backend.model,
      reasoningRequested: reasoning,
      at: Date.now(),
      request: { body, family: column.family, media: sentMedia },
    };
    const columnId = column.id;
    dispatch({
      type: "conversation",
      columnId,
      action: fresh ? { type: "send", user: { id: createTurnId(), ...user }, assistant } : { type: "regenerate", assistant },
    });
    const controller = new AbortController();
    active.current.set(columnId, { turnId, controller });
    void runChatTurn({
      body,
      signal: controller.signal,
      onEvent: (event) => dispatch({ type: "conversation", columnId, action: { type: "event", turnId, event, at: Date.now() } }),
    }).then((outcome) => {
      if (outcome === "stopped") dispatch({ type: "conversation", columnId, action: { type: "stop", turnId, at: Date.now() } });
      if (active.current.get(columnId)?.controller === controller) active.current.delete(columnId);
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
    for (const [columnId, { turnId, controller }] of active.current) {
      controller.abort();
      dispatch({ type: "conversation", columnId, action: { type: "stop", turnId, at: Date.now() } });
    }
    active.current.clear();
  }, []);

  const clear = useCallback(() => {
    stop();
    dispatch({ type: "clear" });
  }, [stop]);

  const streaming = columns.some((column) => isStreaming(column.turns));
  return { columns, dispatch, send, regenerate, stop, clear, streaming };
}
