import Link from "next/link";
import type { ReactNode } from "react";

import { HelpButton } from "@/components/help/help-button";
import { AppNav } from "@/components/nav/app-nav";
import { LogoMark } from "@/components/ui/logo";
import { focusRing } from "@/components/ui/styles";
import { ThemeMenu } from "@/components/ui/theme-menu";

/** The Compare page's header: the same logo, pages and help as the playground's, plus page actions. */
export function CompareHeader({ children, actions }: { children?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="relative z-20 flex h-14 shrink-0 items-center gap-3 border-b border-zinc-200 bg-white/85 px-3 backdrop-blur sm:px-4 dark:border-zinc-800 dark:bg-zinc-950/85">
      <Link href="/" className={`flex shrink-0 items-center gap-2 rounded-md ${focusRing}`} aria-label="NIM Playground home">
        <LogoMark className="size-7" />
        <span className="hidden text-[15px] font-semibold tracking-tight md:inline">NIM Playground</span>
      </Link>
      <AppNav />
      <div className="flex min-w-0 flex-1 items-center gap-3">{children}</div>
      <div className="flex shrink-0 items-center gap-1">
        {actions}
        <ThemeMenu className="max-sm:hidden" />
        <HelpButton className="max-sm:hidden" />
      </div>
    </header>
  );
}
