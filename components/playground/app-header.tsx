import type { ReactNode } from "react";

import { Button } from "@/components/ui/button";
import { RefreshIcon, SlidersIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";

interface AppHeaderProps {
  /** The backend picker and status, or their loading / error stand-ins. */
  children: ReactNode;
  refreshing: boolean;
  onRefresh: () => void;
  settingsOpen: boolean;
  /** Desktop: the settings rail is collapsed, so the Settings button stays to bring it back. */
  settingsCollapsed?: boolean;
  onOpenSettings: () => void;
  /** Page actions beside the help button, e.g. the Metrics toggle. */
  actions?: ReactNode;
  /** Before the logo: the saved-chats toggle. */
  leading?: ReactNode;
  /** Save state, Present and Share, before the other actions. */
  sessionActions?: ReactNode;
}

export function AppHeader({
  children,
  refreshing,
  onRefresh,
  settingsOpen,
  settingsCollapsed = false,
  onOpenSettings,
  actions,
  leading,
  sessionActions,
}: AppHeaderProps) {
  return (
    <PageHeader
      leading={leading}
      actions={
        <>
          {sessionActions}
          {actions}
        </>
      }
      trailing={
        <>
          <span className="hidden sm:contents">
            <Button
              variant="ghost"
              size="icon"
              aria-label="Recheck backend status"
              title="Recheck backend status"
              onClick={onRefresh}
              disabled={refreshing}
            >
              <RefreshIcon className={`size-4 ${refreshing ? "animate-spin" : ""}`} />
            </Button>
          </span>
          <Button
            variant="secondary"
            size="md"
            className={settingsCollapsed ? "" : "lg:hidden"}
            data-testid="settings-open"
            aria-label="Open settings"
            aria-expanded={settingsOpen}
            aria-controls="settings"
            onClick={onOpenSettings}
          >
            <SlidersIcon className="size-4" />
            <span className="hidden sm:inline">Settings</span>
          </Button>
        </>
      }
    >
      {children}
    </PageHeader>
  );
}
