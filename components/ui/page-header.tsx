import Link from "next/link";
import type { ReactNode } from "react";

import { HelpButton } from "@/components/help/help-button";
import { AppNav } from "@/components/nav/app-nav";
import { LogoMark } from "@/components/ui/logo";
import { focusRing } from "@/components/ui/styles";
import { ThemeMenu } from "@/components/ui/theme-menu";

interface PageHeaderProps {
  /** The page's own controls, e.g. the backend picker and status. */
  children?: ReactNode;
  /** Before the logo, e.g. the saved-chats toggle; the home link then gives up room first. */
  leading?: ReactNode;
  /** Page actions before the help button. */
  actions?: ReactNode;
  /** Controls after the help button. */
  trailing?: ReactNode;
}

/** The header every page shares: home link, pages, the page's controls, its actions and help. */
export function PageHeader({ children, leading, actions, trailing }: PageHeaderProps) {
  return (
    <header className="relative z-20 flex shrink-0 flex-wrap items-center gap-x-3 gap-y-2 border-b py-2 sm:h-14 sm:flex-nowrap sm:py-0 border-line bg-white/95 px-3 sm:px-4 dark:bg-zinc-950/95">
      {leading}
      <Link
        href="/"
        className={`${leading ? "hidden sm:flex" : "flex"} shrink-0 items-center gap-2 rounded-md ${focusRing}`}
        aria-label="NIM Playground home"
      >
        <LogoMark className="size-7" />
        <span className={`hidden text-[15px] font-semibold tracking-tight ${leading ? "xl:inline" : "md:inline"}`}>NIM Playground</span>
      </Link>
      <AppNav />
      <span aria-hidden="true" className="hidden h-6 w-px bg-zinc-200 md:block dark:bg-zinc-800" />
      {/* On a phone the page's controls get a row of their own, so a backend name is never squeezed to a dot. */}
      <div className="flex min-w-0 flex-1 items-center gap-3 max-sm:order-last max-sm:basis-full">{children}</div>
      <div className="ml-auto flex shrink-0 items-center gap-1">
        {actions}
        <ThemeMenu />
        <HelpButton className="max-sm:hidden" />
        {trailing}
      </div>
    </header>
  );
}
