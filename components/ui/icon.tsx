import type { SVGProps } from "react";

// The stroke icon frame every icon of the app is drawn in: 24×24, inline, so the page ships no
// icon font and loads nothing remote. The icons are grouped by where they are used (icons-*.tsx).
export type IconProps = SVGProps<SVGSVGElement>;

/** The stroke icon frame, for a set of icons kept elsewhere (the video player's). */
export function Icon({ children, ...props }: IconProps) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {children}
    </svg>
  );
}
