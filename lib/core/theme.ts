// The colour theme the person picked: kept in a cookie so the server renders the page in it and
// nothing flashes before the first paint. "system" follows the device (prefers-color-scheme).

export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "theme";
export const THEME_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

/** The stored theme, or "system" for a missing or unknown value. */
export function parseTheme(value: string | null | undefined): Theme {
  return THEMES.find((theme) => theme === value) ?? "system";
}
