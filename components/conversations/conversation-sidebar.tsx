"use client";

import { useDeferredValue, useEffect, useRef, useState } from "react";

import { useNow } from "@/components/chat/use-now";
import { ConversationItem } from "@/components/conversations/conversation-item";
import { useConversationList, useDeleteWithUndo, useRenameConversation } from "@/components/conversations/use-conversation-list";
import { ImportPackButton } from "@/components/share/import-pack-button";
import { Button } from "@/components/ui/button";
import { PlusIcon, SearchIcon, XIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";
import { inputStyles } from "@/components/ui/styles";

interface ConversationSidebarProps {
  activeId: string | null;
  /** Wide screens (xl): a column, shown unless closed. Narrower ones: a drawer, shown while open. */
  wideOpen: boolean;
  drawerOpen: boolean;
  onCloseDrawer: () => void;
  onNewChat: () => void;
}

export function ConversationSidebar({ activeId, wideOpen, drawerOpen, onCloseDrawer, onNewChat }: ConversationSidebarProps) {
  const [search, setSearch] = useState("");
  const query = useDeferredValue(search.trim());
  const { list, conversations } = useConversationList(query);
  const rename = useRenameConversation();
  const { hidden, remove } = useDeleteWithUndo((id) => {
    if (id === activeId) onNewChat();
  });
  const now = useNow(true, 30_000);
  const shown = conversations.filter((c) => !hidden.has(c.id));
  const newChatRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (drawerOpen) newChatRef.current?.focus();
  }, [drawerOpen]);

  return (
    <>
      {drawerOpen && <div aria-hidden="true" onClick={onCloseDrawer} className="fixed inset-0 z-30 bg-zinc-950/40 xl:hidden" />}
      <nav
        id="conversations"
        aria-label="Saved chats"
        data-testid="conversation-sidebar"
        onKeyDown={(event) => {
          if (event.key === "Escape" && drawerOpen) {
            event.stopPropagation();
            onCloseDrawer();
          }
        }}
        // Wide screens: a column under the header (the header keeps the full width for its controls).
        className={`${drawerOpen ? "fixed inset-y-0 left-0 z-40 flex w-[min(18rem,88vw)] animate-fade-in shadow-2xl" : "hidden"} ${
          wideOpen ? "xl:fixed xl:top-14 xl:bottom-0 xl:left-0 xl:z-10 xl:flex xl:w-64 xl:animate-none xl:shadow-none" : "xl:hidden"
        } flex-col border-r border-line bg-zinc-50 dark:bg-zinc-950`}
      >
        <div className="flex shrink-0 items-center gap-2 px-3 pt-3">
          <Button
            ref={newChatRef}
            variant="secondary"
            size="md"
            data-testid="new-chat"
            onClick={() => {
              onNewChat();
              onCloseDrawer();
            }}
            className="flex-1 justify-start"
          >
            <PlusIcon className="size-4" />
            New chat
          </Button>
          <Button variant="ghost" size="icon" aria-label="Close the chat list" onClick={onCloseDrawer} className="xl:hidden">
            <XIcon className="size-4" />
          </Button>
        </div>
        <div className="relative shrink-0 px-3 pt-2 pb-2">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-5.5 mt-0.5 size-3.5 -translate-y-1/2 text-zinc-400" />
          <input
            type="search"
            data-testid="conversation-search"
            aria-label="Search chats by title"
            placeholder="Search chats"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            className={`${inputStyles} h-8 pl-8 text-[13px]`}
          />
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto px-2 pb-3">
          {list.isPending ? (
            <div aria-busy="true" aria-label="Loading chats" className="space-y-2 px-1 pt-1">
              {[0, 1, 2].map((i) => (
                <Skeleton key={i} className="h-11 rounded-lg" />
              ))}
            </div>
          ) : list.isError ? (
            <p role="alert" className="px-2 pt-2 text-sm text-fg-danger">
              The chats could not be loaded: {list.error.message}{" "}
              <button type="button" onClick={() => void list.refetch()} className="font-medium underline">
                Retry
              </button>
            </p>
          ) : shown.length === 0 ? (
            <p data-testid="conversation-empty" className="px-2 pt-2 text-sm text-fg-muted">
              {query ? `No chat titles contain “${query}”.` : "Your chats are saved here as you go."}
            </p>
          ) : (
            <ul className="space-y-0.5" aria-label={query ? `Chats matching “${query}”` : "Chats, newest first"}>
              {shown.map((conversation) => (
                <ConversationItem
                  key={conversation.id}
                  conversation={conversation}
                  active={conversation.id === activeId}
                  now={now}
                  onOpen={onCloseDrawer}
                  onRename={(title) => rename.mutate({ id: conversation.id, title })}
                  onDelete={() => remove(conversation)}
                />
              ))}
            </ul>
          )}
          {list.hasNextPage && (
            <Button
              variant="ghost"
              size="sm"
              className="mt-2 w-full"
              disabled={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {list.isFetchingNextPage ? "Loading…" : "Show older chats"}
            </Button>
          )}
        </div>
        <div className="shrink-0 border-t border-line px-2 py-2">
          <ImportPackButton onImported={onCloseDrawer} />
        </div>
      </nav>
    </>
  );
}
