"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { ChatIcon, ColumnsIcon, FilmIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";

const PAGES = [
  { href: "/", label: "Chat", Icon: ChatIcon },
  { href: "/compare", label: "Compare", Icon: ColumnsIcon },
  { href: "/generate", label: "Generate", Icon: FilmIcon },
] as const;

/** Chat | Compare | Generate, with the current page marked for screen readers too. */
export function AppNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Pages" className="flex shrink-0 items-center gap-0.5 rounded-lg bg-zinc-100 p-0.5 dark:bg-zinc-800/70">
      {PAGES.map((page) => {
        const current = pathname === page.href;
        return (
          <Link
            key={page.href}
            href={page.href}
            aria-current={current ? "page" : undefined}
            data-testid={`nav-${page.label.toLowerCase()}`}
            title={page.label}
            className={`inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-sm font-medium sm:px-2.5 transition-colors ${
              current ? "bg-white text-fg-strong shadow-xs dark:bg-zinc-950" : "text-fg-soft hover:text-fg-strong"
            } ${focusRing}`}
          >
            <page.Icon className="size-4 sm:hidden" />
            <span className="sr-only sm:not-sr-only">{page.label}</span>
          </Link>
        );
      })}
    </nav>
  );
}
