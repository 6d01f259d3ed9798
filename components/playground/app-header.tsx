import Link from "next/link";
import type { ReactNode } from "react";

import { HelpButton } from "@/components/help/help-button";
import { AppNav } from "@/components/nav/app-nav";
import { Button } from "@/components/ui/button";
import { RefreshIcon, SlidersIcon } from "@/components/ui/icons";
import { LogoMark } from "@/components/ui/logo";
import { ThemeMenu } from "@/components/ui/theme-menu";

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
    <header className="relative z-20 flex shrink-0 flex-wrap items-center gap-x-3 gap-y-2 border-b py-2 sm:h-14 sm:flex-nowrap sm:py-0 border-zinc-200 bg-white/85 px-3 backdrop-blur sm:px-4 dark:border-zinc-800 dark:bg-zinc-950/85">
      {leading}
      {/* With the saved-chats toggle (and its New chat) in front, the home link gives up room first. */}
      <Link
        href="/"
        className={`${leading ? "hidden sm:flex" : "flex"} shrink-0 items-center gap-2 rounded-md outline-none focus-visible:ring-2 focus-visible:ring-brand-500`}
        aria-label="NIM Playground home"
      >
        <LogoMark className="size-7" />
        <span className={`hidden text-[15px] font-semibold tracking-tight ${leading ? "xl:inline" : "md:inline"}`}>NIM Playground</span>
      </Link>
      <AppNav />
      <span aria-hidden="true" className="hidden h-6 w-px bg-zinc-200 md:block dark:bg-zinc-800" />
      {/* On a phone the backend gets a row of its own, so its name is never squeezed to a dot. */}
      <div className="flex min-w-0 flex-1 items-center gap-3 max-sm:order-last max-sm:basis-full">{children}</div>
      <div className="ml-auto flex shrink-0 items-center gap-1">
        {sessionActions}
        {actions}
        <ThemeMenu />
        <HelpButton className="max-sm:hidden" />
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
      </div>
    </header>
  );
}
