"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";

import { useToast } from "@/components/conversations/toast";
import { deleteConversation, listConversations, renameConversation } from "@/lib/conversations/client/api";
import type { ConversationSummary } from "@/lib/conversations/schema";
import { queryKeys } from "@/lib/core/query-keys";

const PAGE_SIZE = 40;
const UNDO_MS = 6000;

/** The saved chats, newest first, filtered by title; pages load on demand. */
export function useConversationList(query: string) {
  const list = useInfiniteQuery({
    queryKey: queryKeys.conversationList(query),
    queryFn: ({ pageParam, signal }) => listConversations({ q: query, limit: PAGE_SIZE, offset: pageParam }, signal),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((sum, page) => sum + page.conversations.length, 0);
      return loaded < last.total ? loaded : undefined;
    },
  });
  const conversations = list.data?.pages.flatMap((page) => page.conversations) ?? [];
  return { list, conversations };
}

export function useRenameConversation() {
  const client = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: ({ id, title }: { id: string; title: string }) => renameConversation(id, title),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.conversationLists }),
    onError: (error) => toast.show({ message: `Could not rename the chat: ${error.message}`, tone: "error" }),
  });
}

/**
 * Deleting hides the chat at once and offers Undo; the request goes out when the toast ends, or
 * when the page is left, so an undone delete never touches the server.
 */
export function useDeleteWithUndo(onDeleted: (id: string) => void) {
  const client = useQueryClient();
  const toast = useToast();
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const pending = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const unhide = useCallback((id: string) => {
    setHidden((current) => {
      const next = new Set(current);
      next.delete(id);
      return next;
    });
  }, []);

  const commit = useCallback(
    (id: string, keepalive = false) => {
      clearTimeout(pending.current.get(id));
      pending.current.delete(id);
      void deleteConversation(id, keepalive).then(
        () => client.invalidateQueries({ queryKey: queryKeys.conversationLists }).then(() => unhide(id)),
        (error: Error) => {
          unhide(id);
          toast.show({ message: `Could not delete the chat: ${error.message}`, tone: "error" });
        },
      );
    },
    [client, toast, unhide],
  );

  useEffect(() => {
    const timers = pending.current;
    const flush = () => timers.forEach((_timer, id) => commit(id, true));
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [commit]);

  const remove = useCallback(
    (conversation: ConversationSummary) => {
      setHidden((current) => new Set(current).add(conversation.id));
      onDeleted(conversation.id);
      pending.current.set(
        conversation.id,
        setTimeout(() => commit(conversation.id), UNDO_MS),
      );
      toast.show({
        message: `Deleted “${conversation.title}”.`,
        durationMs: UNDO_MS,
        action: {
          label: "Undo",
          onClick: () => {
            clearTimeout(pending.current.get(conversation.id));
            pending.current.delete(conversation.id);
            unhide(conversation.id);
          },
        },
      });
    },
    [commit, onDeleted, toast, unhide],
  );

  return { hidden, remove };
}
