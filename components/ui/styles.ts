// Shared class strings: one focus ring and one set of button looks for the whole page.

export const focusRing = "focus-ring";

const buttonBase = `inline-flex items-center justify-center gap-1.5 rounded-lg font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-45 ${focusRing}`;

export const buttonStyles = {
  primary: `${buttonBase} bg-brand-500 text-zinc-950 shadow-sm hover:bg-brand-400 disabled:hover:bg-brand-500`,
  secondary: `${buttonBase} border border-line-strong bg-surface text-zinc-800 shadow-xs hover:bg-zinc-50 disabled:hover:bg-white dark:text-zinc-100 dark:hover:bg-zinc-800 dark:disabled:hover:bg-zinc-900`,
  ghost: `${buttonBase} text-fg-soft hover:bg-zinc-100 hover:text-fg-strong disabled:hover:bg-transparent dark:hover:bg-zinc-800`,
  danger: `${buttonBase} bg-zinc-900 text-white shadow-sm hover:bg-zinc-700 dark:bg-white dark:text-zinc-900 dark:hover:bg-zinc-200`,
} as const;

export const buttonSizes = {
  sm: "h-8 px-2.5 text-xs",
  md: "h-9 px-3.5 text-sm",
  icon: "size-9",
  iconSm: "size-7",
} as const;

export const inputBase = `rounded-lg border border-zinc-200 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs placeholder:text-zinc-400 transition-colors hover:border-zinc-300 focus:border-brand-500 ${focusRing} focus-visible:ring-offset-0 focus-visible:ring-brand-500/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-500 dark:hover:border-zinc-600`;
export const inputStyles = `w-full ${inputBase}`;
