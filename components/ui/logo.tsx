// The same mark as app/icon.svg, inline so it follows the page's colour scheme.
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" className="fill-zinc-900 dark:fill-zinc-800" />
      <path
        d="M6 16c2.8-4.6 6.2-7 10-7s7.2 2.4 10 7c-2.8 4.6-6.2 7-10 7s-7.2-2.4-10-7z"
        fill="none"
        stroke="#76b900"
        strokeWidth="2.4"
        strokeLinejoin="round"
      />
      <circle cx="16" cy="16" r="3.4" fill="#76b900" />
    </svg>
  );
}
