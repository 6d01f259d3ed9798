import Link from "next/link";

import { LogoMark } from "@/components/ui/logo";

const REMOVED_TITLE = "This shared session was removed by its owner.";

/** What a revoked link shows (the proxy serves the same words with a 410). */
export function SessionRemoved() {
  return (
    <main data-testid="session-removed" className="flex min-h-full flex-col items-center justify-center gap-5 px-6 text-center">
      <LogoMark className="size-12" />
      <div className="space-y-2">
        <p className="font-mono text-sm text-brand-700 dark:text-brand-300">410</p>
        <h1 className="text-2xl font-semibold tracking-tight text-balance">{REMOVED_TITLE}</h1>
        <p className="max-w-sm text-fg-soft">The link no longer shows anything. Ask whoever shared it for a new one.</p>
      </div>
      <Link
        href="/"
        className="rounded-lg bg-zinc-900 px-4 py-2 text-sm font-medium text-white focus-ring hover:bg-zinc-700 dark:bg-white dark:text-zinc-900 dark:hover:bg-zinc-200"
      >
        Open the playground
      </Link>
    </main>
  );
}
