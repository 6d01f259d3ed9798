import type { MediaResolver } from "@/lib/chat/request";

// Finds the inlined media (data: URIs) of an upstream body and swaps each for a MediaSlot, so no
// snippet ever pastes megabytes of base64; each language then writes a slot its own way.

export class MediaSlot {
  constructor(
    readonly kind: "image" | "video",
    /** 1-based, counted per kind: <BASE64_IMAGE_1>, <BASE64_VIDEO_1>. */
    readonly index: number,
    readonly mime: string,
    readonly fileName: string,
  ) {}

  get prefix(): string {
    return `data:${this.mime};base64,`;
  }

  get placeholder(): string {
    return `<BASE64_${this.kind.toUpperCase()}_${this.index}>`;
  }
}

export type SnippetValue = null | boolean | number | string | MediaSlot | SnippetValue[] | { [key: string]: SnippetValue };

/** The value as an object of fields, or null when it is anything else. */
export function asFields(value: SnippetValue | undefined): { [key: string]: SnippetValue } | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof MediaSlot) ? value : null;
}

const DATA_URI = /^data:([^;,]*)((?:;[^;,]*)*),/i;
const MIME = /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/;
// File names end up in comments too, where a line break would let text escape the comment.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
  "image/bmp": "bmp",
  "video/mp4": "mp4",
  "video/webm": "webm",
  "video/quicktime": "mov",
  "video/x-matroska": "mkv",
};

// `video_frames` holds still frames (JPEG data URIs), so its items count as images.
const CHILD_HINT: Record<string, "image" | "video"> = { image_url: "image", video_url: "video", video_frames: "image" };

/** The body with every data: URI replaced by a slot (the same URI twice is one slot), and the slots. */
export function extractMedia(body: unknown, mediaNames: Record<string, string> = {}): { value: SnippetValue; slots: MediaSlot[] } {
  const slots = new Map<string, MediaSlot>();
  const counts = { image: 0, video: 0 };

  const slotFor = (uri: string, match: RegExpExecArray, hint: "image" | "video" | null): MediaSlot => {
    const known = slots.get(uri);
    if (known) return known;
    const declared = match[1]?.toLowerCase() ?? "";
    const mime = MIME.test(declared) ? declared : hint === "video" ? "video/mp4" : "image/png";
    const kind = mime.startsWith("video/") ? "video" : mime.startsWith("image/") ? "image" : (hint ?? "image");
    counts[kind] += 1;
    const payload = uri.slice(match[0].length);
    const fallback = `${kind}_${counts[kind]}.${EXTENSIONS[mime] ?? "bin"}`;
    const name = (mediaNames[uri] ?? mediaNames[payload] ?? "").replace(UNPRINTABLE, "_").trim();
    const slot = new MediaSlot(kind, counts[kind], mime, name || fallback);
    slots.set(uri, slot);
    return slot;
  };

  // Only URL positions are media; a prompt that happens to start with "data:" stays text.
  const walk = (value: unknown, hint: "image" | "video" | null, isUrl: boolean): SnippetValue => {
    if (typeof value === "string") {
      const match = isUrl ? DATA_URI.exec(value) : null;
      return match ? slotFor(value, match, hint) : value;
    }
    if (value === null || typeof value === "boolean" || typeof value === "number") return value;
    if (Array.isArray(value)) return value.map((item) => walk(item, hint, isUrl));
    if (typeof value !== "object") return null;
    const out: { [key: string]: SnippetValue } = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      out[key] = walk(item, CHILD_HINT[key] ?? hint, key === "url" || key === "video_frames");
    }
    return out;
  };

  const value = walk(body, null, false);
  return { value, slots: [...slots.values()] };
}

/**
 * A resolver for buildChatRequest that stands each stored media in as a short data URI holding its
 * id, so snippets can be made without the bytes; `mediaNames` may then be keyed by media id.
 */
export function snippetMediaResolver(mimes: Record<string, string> = {}): MediaResolver {
  return ({ type, mediaId }) => `data:${mimes[mediaId] ?? (type === "video" ? "video/mp4" : "image/png")};base64,${mediaId}`;
}
