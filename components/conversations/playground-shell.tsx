"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";

import { ConversationSidebar } from "@/components/conversations/conversation-sidebar";
import { SessionShellContext, type SessionShell } from "@/components/conversations/shell-context";
import { ToastProvider } from "@/components/conversations/toast";
import { useSidebarState } from "@/components/conversations/use-sidebar-state";
import { Playground } from "@/components/playground/playground";
import { isSessionId } from "@/lib/conversations/constants";

let mounts = 0;
const nextMountKey = () => `m${++mounts}`;

const conversationParam = (value: string | null) => (value !== null && isSessionId(value) ? value : null);

/**
 * The playground with its conversation sidebar. `?c=<id>` names the saved chat; each chat gets a
 * fresh Playground (a new key), except when the playground itself just saved to a new id or was
 * cleared, which only updates the URL so a streaming reply is not cut off.
 */
export function PlaygroundShell() {
  const router = useRouter();
  const urlId = conversationParam(useSearchParams().get("c"));
  const [mount, setMount] = useState(() => ({ key: nextMountKey(), id: urlId }));
  const [seenUrlId, setSeenUrlId] = useState(urlId);
  const sidebar = useSidebarState();

  // React to the URL changing (a link, back/forward), not to ids the playground adopted.
  if (urlId !== seenUrlId) {
    setSeenUrlId(urlId);
    if (urlId !== mount.id) setMount({ key: nextMountKey(), id: urlId });
  }

  const adopt = useCallback((id: string | null) => {
    setMount((current) => ({ ...current, id }));
    if (id !== null) window.history.replaceState(null, "", `/?c=${encodeURIComponent(id)}`);
    // A chat cleared to start anew: Back returns to the saved one.
    else if (window.location.search !== "") window.history.pushState(null, "", "/");
  }, []);

  const reload = useCallback(() => setMount((current) => ({ ...current, key: nextMountKey() })), []);

  const newChat = useCallback(() => {
    setMount({ key: nextMountKey(), id: null });
    if (urlId !== null) router.push("/");
  }, [router, urlId]);

  const shell = useMemo<SessionShell>(
    () => ({
      conversationId: mount.id,
      adopt,
      reload,
      newChat,
      sidebarOpen: sidebar.open,
      sidebarColumn: sidebar.wideOpen,
      toggleSidebar: sidebar.toggle,
    }),
    [mount.id, adopt, reload, newChat, sidebar.open, sidebar.wideOpen, sidebar.toggle],
  );

  return (
    <ToastProvider>
      <SessionShellContext value={shell}>
        <div className="flex h-dvh overflow-hidden">
          <ConversationSidebar
            activeId={mount.id}
            wideOpen={sidebar.wideOpen}
            drawerOpen={sidebar.drawerOpen}
            onCloseDrawer={sidebar.closeDrawer}
            onNewChat={newChat}
          />
          <Playground key={mount.key} />
        </div>
      </SessionShellContext>
    </ToastProvider>
  );
}
