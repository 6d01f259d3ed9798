import { FAMILY_INFO, type Family } from "@/lib/backends/families";
import type { UploadedMedia } from "@/lib/media/media-api";
import type { ContentPart } from "@/lib/media/parts";
import type { MediaKind } from "@/lib/media/sniff";

// The images and videos of the message being written, as a pure reducer, and what a sent user
// turn keeps of them. The browser work (probing, converting, uploading) lives in the component
// hook; this module only says what state an attachment is in and what may be sent.

/** What is known about one image or video; absent fields are unknown. */
export interface MediaFacts {
  kind: MediaKind;
  width?: number;
  height?: number;
  durationS?: number;
  fps?: number;
  codec?: string;
}

/** What a sent user turn keeps of each attachment: enough to send it again and to show it. */
export type TurnMedia = MediaFacts & { name: string } & ({ source: "upload"; mediaId: string } | { source: "url"; url: string });

export type AttachmentPhase = "probing" | "converting" | "uploading" | "ready" | "error";

/** How a video is prepared before upload: downscaled to a height, trimmed to a range. */
export interface PrepareOptions {
  maxHeight: number | null;
  startS: number | null;
  endS: number | null;
}

export const NO_PREPARE: PrepareOptions = { maxHeight: null, startS: null, endS: null };

export interface Attachment {
  id: string;
  kind: MediaKind;
  name: string;
  /** A URL the NIM downloads itself; null for files. */
  url: string | null;
  /** An object URL of the local file, for the thumbnail and the Prepare preview. */
  previewUrl: string | null;
  /** What is sent: the browser's probe until the upload, then the server's. */
  facts: MediaFacts;
  /** The file as picked, before any conversion (the Prepare panel trims on its timeline). */
  source: MediaFacts;
  phase: AttachmentPhase;
  /** 0…1 while converting or uploading, when the step reports it. */
  progress: number | null;
  error: string | null;
  /** What the conversion did, e.g. "Converted from WebM to H.264 MP4". */
  note: string | null;
  uploaded: UploadedMedia | null;
  prepare: PrepareOptions;
}

export type AttachmentAction =
  | { type: "add"; attachment: Attachment }
  | { type: "phase"; id: string; phase: "probing" | "converting" | "uploading"; progress?: number | null }
  | { type: "progress"; id: string; progress: number }
  | { type: "facts"; id: string; facts: Partial<MediaFacts> }
  | { type: "source"; id: string; facts: Partial<MediaFacts> }
  | { type: "note"; id: string; note: string | null }
  | { type: "rename"; id: string; name: string }
  | { type: "preview"; id: string; previewUrl: string | null }
  | { type: "prepare"; id: string; prepare: PrepareOptions }
  | { type: "uploaded"; id: string; media: UploadedMedia }
  | { type: "failed"; id: string; message: string }
  | { type: "remove"; id: string }
  | { type: "clear" };

let counter = 0;
export function createAttachmentId(): string {
  counter += 1;
  return `a${Date.now().toString(36)}-${counter}`;
}

export function newFileAttachment(id: string, kind: MediaKind, name: string): Attachment {
  return {
    id,
    kind,
    name,
    url: null,
    previewUrl: null,
    facts: { kind },
    source: { kind },
    phase: "probing",
    progress: null,
    error: null,
    note: null,
    uploaded: null,
    prepare: NO_PREPARE,
  };
}

/** A URL attachment is ready at once: the NIM downloads it when the message is sent. */
export function newUrlAttachment(id: string, kind: MediaKind, url: string): Attachment {
  return { ...newFileAttachment(id, kind, urlName(url)), url, phase: "ready" };
}

function urlName(url: string): string {
  try {
    const parsed = new URL(url);
    const last = parsed.pathname.split("/").filter(Boolean).at(-1);
    return last ? decodeURIComponent(last) : parsed.host;
  } catch {
    return url;
  }
}

function update(list: Attachment[], id: string, change: (a: Attachment) => Attachment): Attachment[] {
  return list.map((a) => (a.id === id ? change(a) : a));
}

export function attachmentsReducer(list: Attachment[], action: AttachmentAction): Attachment[] {
  switch (action.type) {
    case "add":
      return [...list, action.attachment];
    case "phase":
      return update(list, action.id, (a) => ({ ...a, phase: action.phase, progress: action.progress ?? null, error: null }));
    case "progress":
      return update(list, action.id, (a) => ({ ...a, progress: Math.min(1, Math.max(0, action.progress)) }));
    case "facts":
      return update(list, action.id, (a) => ({ ...a, facts: { ...a.facts, ...known(action.facts), kind: a.kind } }));
    case "source":
      return update(list, action.id, (a) => ({
        ...a,
        source: { ...a.source, ...known(action.facts), kind: a.kind },
        facts: { ...a.facts, ...known(action.facts), kind: a.kind },
      }));
    case "rename":
      return update(list, action.id, (a) => ({ ...a, name: action.name }));
    case "note":
      return update(list, action.id, (a) => ({ ...a, note: action.note }));
    case "preview":
      return update(list, action.id, (a) => ({ ...a, previewUrl: action.previewUrl }));
    case "prepare":
      return update(list, action.id, (a) => ({ ...a, prepare: action.prepare }));
    case "uploaded":
      return update(list, action.id, (a) => ({
        ...a,
        phase: "ready",
        progress: null,
        error: null,
        uploaded: action.media,
        facts: { ...a.facts, ...known(action.media), kind: a.kind },
      }));
    case "failed":
      return update(list, action.id, (a) => ({ ...a, phase: "error", progress: null, error: action.message }));
    case "remove":
      return list.filter((a) => a.id !== action.id);
    case "clear":
      return [];
  }
}

/** Only real measurements: probes report unknown values as undefined, NaN or 0. */
function known(facts: Partial<MediaFacts>): Partial<MediaFacts> {
  const { width, height, durationS, fps, codec } = facts;
  const ok = (n: number | undefined) => n !== undefined && Number.isFinite(n) && n > 0;
  return {
    ...(ok(width) && ok(height) ? { width, height } : {}),
    ...(ok(durationS) ? { durationS } : {}),
    ...(ok(fps) ? { fps } : {}),
    ...(codec ? { codec } : {}),
  };
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

function limitSentence(family: Family, kind: MediaKind): string {
  const info = FAMILY_INFO[family];
  const max = kind === "image" ? info.maxImages : info.maxVideos;
  return `${info.label} takes at most ${plural(max, kind)} per message`;
}

/**
 * Which of the incoming files fit the family's per-message limits next to what is attached
 * already (failed attachments do not count), and the sentence for those left out.
 */
export function admitAttachments(
  family: Family,
  current: readonly Pick<Attachment, "kind" | "phase">[],
  incoming: readonly MediaKind[],
): { admitted: boolean[]; refusal: string | null } {
  const info = FAMILY_INFO[family];
  const room = {
    image: info.maxImages - current.filter((a) => a.kind === "image" && a.phase !== "error").length,
    video: info.maxVideos - current.filter((a) => a.kind === "video" && a.phase !== "error").length,
  };
  const left = { image: 0, video: 0 };
  const admitted = incoming.map((kind) => {
    if (room[kind] > 0) {
      room[kind] -= 1;
      return true;
    }
    left[kind] += 1;
    return false;
  });
  const refusals = (["image", "video"] as const)
    .filter((kind) => left[kind] > 0)
    .map((kind) => `${limitSentence(family, kind)}; ${plural(left[kind], kind)} ${left[kind] === 1 ? "was" : "were"} left out.`);
  return { admitted, refusal: refusals.length > 0 ? refusals.join(" ") : null };
}

/** Why the message cannot be sent because of its attachments, or null. */
export function attachmentsBlockReason(family: Family, list: readonly Attachment[]): string | null {
  if (list.some((a) => a.phase === "error")) return "Remove the attachment that failed before sending.";
  if (list.some((a) => a.phase !== "ready")) return "Wait for the attachments to finish preparing and uploading.";
  const info = FAMILY_INFO[family];
  for (const kind of ["image", "video"] as const) {
    const count = list.filter((a) => a.kind === kind).length;
    const max = kind === "image" ? info.maxImages : info.maxVideos;
    if (count > max) return `${limitSentence(family, kind)}; remove ${plural(count - max, kind)}.`;
  }
  return null;
}

/** The ready attachments as a user turn keeps them; null while any is not ready. */
export function toTurnMedia(list: readonly Attachment[]): TurnMedia[] | null {
  const media: TurnMedia[] = [];
  for (const a of list) {
    if (a.phase !== "ready") return null;
    if (a.url !== null) media.push({ ...a.facts, name: a.name, source: "url", url: a.url });
    else if (a.uploaded) media.push({ ...a.facts, name: a.name, source: "upload", mediaId: a.uploaded.id });
    else return null;
  }
  return media;
}

function mediaContentPart(media: TurnMedia): ContentPart {
  if (media.source === "url") return { type: media.kind === "image" ? "image_url" : "video_url", url: media.url };
  return { type: media.kind, mediaId: media.mediaId };
}

/** A user message's content: the media first, then the text; a plain string without media. */
export function userContent(text: string, media: readonly TurnMedia[]): string | ContentPart[] {
  if (media.length === 0) return text;
  return [...media.map(mediaContentPart), { type: "text", text }];
}

/** An http(s) URL a NIM can download, or the sentence that says what is wrong. */
export function parseMediaUrl(raw: string): { url: string; kind: MediaKind } | { error: string } {
  const text = raw.trim();
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return { error: "Enter a full URL starting with http:// or https://." };
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    return { error: "Only http:// and https:// URLs can be passed to the NIM." };
  return { url: parsed.href, kind: guessKindFromUrl(parsed) };
}

const VIDEO_EXTENSIONS = /\.(mp4|m4v|mov|webm|mkv|avi|flv|3gp)$/i;

function guessKindFromUrl(url: URL): MediaKind {
  return VIDEO_EXTENSIONS.test(url.pathname) ? "video" : "image";
}
