import { FAMILY_INFO, type Family, type FamilyInfo } from "@/lib/backends/families";
import type { ChatMessage, ContentPart } from "@/lib/chat/schema";
import { PlaygroundError } from "@/lib/core/errors";

// vLLM counts every image and video of a request against its per-prompt limits, earlier turns
// included (docs/nim-protocols.md §1.2). The message being sent keeps all its media (or is
// refused); earlier media fill what room is left, newest first, and the rest become a short note.

export type MediaKind = "image" | "video";

export interface OmittedMedia {
  images: number;
  videos: number;
}

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? "" : "s"}`;

function mediaKind(part: ContentPart): MediaKind | null {
  if (part.type === "image" || part.type === "image_url") return "image";
  if (part.type === "video" || part.type === "video_url") return "video";
  return null;
}

/** "at most 4 images and 1 video per prompt", the limit a note or notice names. */
function limitPhrase(info: FamilyInfo, kinds: readonly MediaKind[]): string {
  const parts = kinds.map((kind) => (kind === "image" ? plural(info.maxImages, "image") : plural(info.maxVideos, "video")));
  return `at most ${parts.join(" and ")} per prompt`;
}

/** Refuses a message that alone carries more than the family takes: nothing could be sent for it. */
function checkMessageMedia(family: Family, counts: { images: number; videos: number }): void {
  const info = FAMILY_INFO[family];
  if (counts.images > info.maxImages) {
    throw new PlaygroundError(
      "unsupported_combination",
      `${info.label} takes at most ${plural(info.maxImages, "image")} per prompt; this message has ${counts.images}. Remove some images.`,
    );
  }
  if (counts.videos > info.maxVideos) {
    throw new PlaygroundError(
      "unsupported_combination",
      `${info.label} takes at most ${plural(info.maxVideos, "video")} per prompt; this message has ${counts.videos}. Remove some videos.`,
    );
  }
}

/**
 * Which earlier media are sent: `earlier` in conversation order, with the room the new message
 * leaves. True keeps an item; the newest are kept first.
 */
export function keepEarlierMedia(family: Family, earlier: readonly MediaKind[], current: { images: number; videos: number }): boolean[] {
  const info = FAMILY_INFO[family];
  const room = { image: Math.max(0, info.maxImages - current.images), video: Math.max(0, info.maxVideos - current.videos) };
  const keep = earlier.map(() => false);
  for (let index = earlier.length - 1; index >= 0; index -= 1) {
    const kind = earlier[index] as MediaKind;
    if (room[kind] > 0) {
      room[kind] -= 1;
      keep[index] = true;
    }
  }
  return keep;
}

/**
 * The sentence the person sees when earlier media were left out (`sent`), or will be from the
 * request being written (`next`); null when none are.
 */
export function omittedMediaNotice(family: Family, omitted: OmittedMedia, when: "sent" | "next" = "sent"): string | null {
  if (omitted.images === 0 && omitted.videos === 0) return null;
  const info = FAMILY_INFO[family];
  const kinds: MediaKind[] = [...(omitted.images > 0 ? ["image" as const] : []), ...(omitted.videos > 0 ? ["video" as const] : [])];
  const what = kinds
    .map((kind) => (kind === "image" ? plural(omitted.images, "earlier image") : plural(omitted.videos, "earlier video")))
    .join(" and ");
  const verb =
    when === "next"
      ? "will be left out of the next request"
      : `${omitted.images + omitted.videos === 1 ? "was" : "were"} left out of this request`;
  return `${what} ${verb}: ${info.label} takes ${limitPhrase(info, kinds)}, earlier turns included.`;
}

function lastUserIndex(messages: readonly ChatMessage[]): number {
  for (let index = messages.length - 1; index >= 0; index -= 1) if (messages[index]?.role === "user") return index;
  return -1;
}

function countParts(message: ChatMessage | undefined): { images: number; videos: number } {
  const counts = { images: 0, videos: 0 };
  if (!message || typeof message.content === "string") return counts;
  for (const part of message.content) {
    const kind = mediaKind(part);
    if (kind === "image") counts.images += 1;
    if (kind === "video") counts.videos += 1;
  }
  return counts;
}

/**
 * The messages with earlier media over the family's per-prompt limits replaced by a text note
 * ("[earlier video omitted: at most 1 video per prompt]"), and what was left out. Throws when
 * the last user message alone is over a limit.
 */
export function fitMediaToPrompt(
  family: Family,
  messages: readonly ChatMessage[],
): { messages: ChatMessage[]; omitted: OmittedMedia; notice: string | null } {
  const info = FAMILY_INFO[family];
  const last = lastUserIndex(messages);
  const current = countParts(messages[last]);
  checkMessageMedia(family, current);
  const earlier: { message: number; part: number; kind: MediaKind }[] = [];
  messages.forEach((message, m) => {
    if (m >= last || typeof message.content === "string") return;
    message.content.forEach((part, p) => {
      const kind = mediaKind(part);
      if (kind) earlier.push({ message: m, part: p, kind });
    });
  });
  const keep = keepEarlierMedia(
    family,
    earlier.map((item) => item.kind),
    current,
  );
  const dropped = new Set(earlier.filter((_, i) => !keep[i]).map((item) => `${item.message}:${item.part}`));
  const omitted: OmittedMedia = { images: 0, videos: 0 };
  if (dropped.size === 0) return { messages: [...messages], omitted, notice: null };
  const fitted = messages.map((message, m): ChatMessage => {
    if (typeof message.content === "string") return message;
    const content: ContentPart[] = [];
    for (const [p, part] of message.content.entries()) {
      const kind = mediaKind(part);
      if (!kind || !dropped.has(`${m}:${p}`)) {
        content.push(part);
        continue;
      }
      omitted[kind === "image" ? "images" : "videos"] += 1;
      content.push({ type: "text", text: `[earlier ${kind} omitted: ${limitPhrase(info, [kind])}]` });
    }
    return { ...message, content };
  });
  return { messages: fitted, omitted, notice: omittedMediaNotice(family, omitted) };
}

/** Of the earlier media a request would carry again, those it sends beside the new message's, and the notice for the rest. */
export function fitEarlierMedia<T extends { kind: MediaKind }>(
  family: Family,
  earlier: readonly T[],
  current: readonly { kind: MediaKind }[],
): { kept: T[]; omitted: OmittedMedia; notice: string | null } {
  const counts = { images: current.filter((m) => m.kind === "image").length, videos: current.filter((m) => m.kind === "video").length };
  const keep = keepEarlierMedia(
    family,
    earlier.map((m) => m.kind),
    counts,
  );
  const omitted: OmittedMedia = { images: 0, videos: 0 };
  earlier.forEach((m, i) => {
    if (!keep[i]) omitted[m.kind === "image" ? "images" : "videos"] += 1;
  });
  return { kept: earlier.filter((_, i) => keep[i]), omitted, notice: omittedMediaNotice(family, omitted, "next") };
}
