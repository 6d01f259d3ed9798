// Which code converts videos in this browser. "auto" uses the browser's own codecs (WebCodecs)
// when they can decode the input and encode H.264, else ffmpeg.wasm; the other two force one path,
// for tests and benchmarks: `?mediaEngine=ffmpeg`, or localStorage "playground.mediaEngine".

export type MediaEngine = "auto" | "webcodecs" | "ffmpeg";

const MEDIA_ENGINE_KEY = "playground.mediaEngine";

export function parseMediaEngine(value: string | null | undefined): MediaEngine | null {
  return value === "auto" || value === "webcodecs" || value === "ffmpeg" ? value : null;
}

/** The query parameter first, then the stored choice, then the build's default, then "auto". */
export function mediaEngine(): MediaEngine {
  if (typeof window === "undefined") return "auto";
  const fromQuery = parseMediaEngine(new URLSearchParams(window.location.search).get("mediaEngine"));
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(MEDIA_ENGINE_KEY);
  } catch {
    // Storage can be off (privacy settings); the default applies.
  }
  return fromQuery ?? parseMediaEngine(stored) ?? parseMediaEngine(process.env.NEXT_PUBLIC_MEDIA_ENGINE) ?? "auto";
}
