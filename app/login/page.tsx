import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { LogoMark } from "@/components/ui/logo";
import { accessConfig, safeNextPath } from "@/lib/server/access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Log in · NIM Playground", robots: { index: false, follow: false } };

interface Props {
  searchParams: Promise<{ next?: string | string[]; error?: string | string[] }>;
}

// A plain form posting to /api/login: it works before any JavaScript has loaded.
export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === "string" ? params.next : null);
  if (accessConfig().password === null) redirect(next);
  const failed = params.error !== undefined;
  return (
    <main className="flex min-h-full flex-col items-center justify-center gap-5 px-6">
      <LogoMark className="size-12" />
      <form method="post" action="/api/login" className="flex w-full max-w-sm flex-col gap-3">
        <h1 className="text-center text-2xl font-semibold tracking-tight">Log in to NIM Playground</h1>
        <input type="hidden" name="next" value={next} />
        <label htmlFor="password" className="text-sm font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          required
          autoFocus
          autoComplete="current-password"
          aria-invalid={failed || undefined}
          aria-describedby={failed ? "login-error" : undefined}
          className="rounded-lg border border-zinc-300 bg-surface px-3 py-2 focus-ring-flush dark:border-zinc-700"
        />
        {failed && (
          <p id="login-error" role="alert" className="text-sm text-fg-danger">
            That password is not right; try again.
          </p>
        )}
        <button
          type="submit"
          className="rounded-lg bg-zinc-900 px-4 py-2 text-sm font-medium text-white outline-none hover:bg-zinc-700 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2 dark:bg-white dark:text-zinc-900 dark:hover:bg-zinc-200"
        >
          Log in
        </button>
      </form>
    </main>
  );
}
