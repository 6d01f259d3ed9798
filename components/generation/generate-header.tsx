import Link from "next/link";
import type { ReactNode } from "react";

import { HelpButton } from "@/components/help/help-button";
import { AppNav } from "@/components/nav/app-nav";
import { LogoMark } from "@/components/ui/logo";
import { focusRing } from "@/components/ui/styles";
import { ThemeMenu } from "@/components/ui/theme-menu";

/** The Generate page's header: the logo, pages and help of the other pages, plus the backend picker. */
export function GenerateHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="relative z-20 flex h-14 shrink-0 items-center gap-3 border-b border-zinc-200 bg-white/85 px-3 backdrop-blur sm:px-4 dark:border-zinc-800 dark:bg-zinc-950/85">
      <Link href="/" className={`flex shrink-0 items-center gap-2 rounded-md ${focusRing}`} aria-label="NIM Playground home">
        <LogoMark className="size-7" />
        <span className="hidden text-[15px] font-semibold tracking-tight md:inline">NIM Playground</span>
      </Link>
      <AppNav />
      <span aria-hidden="true" className="hidden h-6 w-px bg-zinc-200 md:block dark:bg-zinc-800" />
      <div className="flex min-w-0 flex-1 items-center gap-3">{children}</div>
      <span className="hidden shrink-0 sm:contents">
        <ThemeMenu />
        <HelpButton />
      </span>
    </header>
  );
}
