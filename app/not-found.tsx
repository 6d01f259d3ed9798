import Link from "next/link";

import { LogoMark } from "@/components/ui/logo";

export default function NotFound() {
  return (
    <main className="flex min-h-full flex-col items-center justify-center gap-5 px-6 text-center">
      <LogoMark className="size-12" />
      <div className="space-y-2">
        <p className="font-mono text-sm text-brand-700 dark:text-brand-300">404</p>
        <h1 className="text-2xl font-semibold tracking-tight">This page does not exist</h1>
        <p className="max-w-sm text-fg-soft">The link may be mistyped, or the session it pointed to was deleted.</p>
      </div>
      <Link
        href="/"
        className="rounded-lg bg-zinc-900 px-4 py-2 text-sm font-medium text-white focus-ring hover:bg-zinc-700 dark:bg-white dark:text-zinc-900 dark:hover:bg-zinc-200"
      >
        Back to the playground
      </Link>
    </main>
  );
}
