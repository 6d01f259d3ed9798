import "server-only";

import { getBackend, type Backend } from "@/lib/backends/server/backends";
import type { MediaResolver } from "@/lib/chat/request";
import type { ChatRequest } from "@/lib/chat/schema";
import { PlaygroundError } from "@/lib/core/errors";
import { mediaNotFound } from "@/lib/media/server/download";
import { signedMediaUrl } from "@/lib/media/server/media-signature";
import { mediaStorage, type MediaStorage } from "@/lib/media/server/storage";

// Stored media go to the model server inline, as base64 data URIs, read before the request is
// built (the builder is synchronous), each id once, into one base64 string. A backend with
// mediaTransport "url" gets signed, expiring links to the media route instead, and reads no bytes.

/** Reads every stored media of a chat request and returns the resolver that hands them out. */
export type MediaInliner = (request: ChatRequest) => Promise<MediaResolver>;

/** Base64 grows bytes by 4/3 and a JavaScript string tops out near 512 M characters. */
export const MAX_INLINE_BYTES = 256 * 1024 * 1024;

function mediaIdsOf(request: ChatRequest): Map<string, "image" | "video"> {
  const ids = new Map<string, "image" | "video">();
  for (const message of request.messages) {
    // Earlier assistant turns are text only; the request builder refuses media there.
    if (typeof message.content === "string" || message.role === "assistant") continue;
    for (const part of message.content) {
      if ((part.type === "image" || part.type === "video") && !ids.has(part.mediaId)) ids.set(part.mediaId, part.type);
    }
  }
  return ids;
}

type TransportOf = (backendId: string) => Promise<Pick<Backend, "mediaTransport" | "publicBaseUrl">>;

export function createMediaResolver(storage: () => MediaStorage = mediaStorage, transportOf: TransportOf = getBackend): MediaInliner {
  return async (request) => {
    const { catalog, blobs } = storage();
    const { mediaTransport, publicBaseUrl } = await transportOf(request.backend);
    const linkBase = mediaTransport === "url" ? publicBaseUrl : undefined;
    const inlined = new Map<string, string>();
    let total = 0;
    for (const [mediaId, type] of mediaIdsOf(request)) {
      const record = await catalog.get(mediaId);
      if (!record) throw mediaNotFound(mediaId);
      if (record.kind !== type) {
        throw new PlaygroundError(
          "bad_request",
          `Media '${mediaId}' is ${record.kind === "image" ? "an image" : "a video"}; attach it as a part of type "${record.kind}", not "${type}".`,
        );
      }
      if (linkBase !== undefined) {
        inlined.set(mediaId, signedMediaUrl(linkBase, mediaId));
        continue;
      }
      total += record.bytes;
      if (total > MAX_INLINE_BYTES) {
        throw new PlaygroundError(
          "payload_too_large",
          `The media of this message add up to more than ${MAX_INLINE_BYTES / 1024 / 1024} MB, more than can be sent inline; trim or downscale the video.`,
        );
      }
      const file = await blobs.openReader(record.blobKey);
      if (!file) throw mediaNotFound(mediaId);
      try {
        const bytes = await file.read(0, file.size);
        inlined.set(
          mediaId,
          `data:${record.mime};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64")}`,
        );
      } finally {
        await file.close();
      }
    }
    return (part) => {
      const url = inlined.get(part.mediaId);
      if (url === undefined) throw mediaNotFound(part.mediaId);
      return url;
    };
  };
}
