"use client";

import { useSessionShell } from "@/components/conversations/shell-context";
import { Button } from "@/components/ui/button";
import { PanelLeftIcon } from "@/components/ui/icons";

/** Shows or hides the saved chats; nothing outside the shell. */
export function SidebarToggle() {
  const shell = useSessionShell();
  if (!shell) return null;
  return (
    <Button
      variant="ghost"
      size="icon"
      data-testid="sidebar-toggle"
      aria-label={shell.sidebarOpen ? "Hide saved chats" : "Show saved chats"}
      aria-expanded={shell.sidebarOpen}
      aria-controls="conversations"
      title={shell.sidebarOpen ? "Hide saved chats" : "Show saved chats"}
      onClick={shell.toggleSidebar}
      className="-ml-1 shrink-0"
    >
      <PanelLeftIcon className="size-4" />
    </Button>
  );
}
