import "server-only";

import { PlaygroundError } from "@/lib/core/errors";
import { readImageSize } from "@/lib/media/image-size";
import type { UploadedMedia } from "@/lib/media/media-api";
import { probeMp4 } from "@/lib/media/mp4-probe";
import type { MediaRecord } from "@/lib/media/schema";
import type { BlobStore, StoredBlob } from "@/lib/media/server/blob-store";
import { formatMegabytes, mediaLimits, type MediaLimits } from "@/lib/media/server/config";
import { imageEnd, isRunnableTrailer } from "@/lib/media/server/image-structure";
import { multipartBoundary, openMultipartFile } from "@/lib/media/server/multipart";
import { mediaStorage, type MediaStorage } from "@/lib/media/server/storage";
import { ACCEPTED_TYPES_SENTENCE, SNIFF_BYTES, sniffMediaType, type MediaKind, type SniffedType } from "@/lib/media/sniff";
import { probeWebm } from "@/lib/media/webm-probe";
import { newId as newMediaId } from "@/lib/server/ids";

// POST /api/media: stream one file to the blob store, decide its type from its bytes, apply the
// limit of that type, probe what can be known (size, duration, fps, codec), and record it.

/** Room for the multipart framing around a file that is exactly at the limit. */
const MULTIPART_OVERHEAD = 64 * 1024;
const PROBE_HEAD_BYTES = 1024 * 1024;

export interface UploadResult {
  media: UploadedMedia;
  /** False when the same bytes were uploaded before: the earlier id is returned. */
  created: boolean;
}

type MediaFacts = Pick<MediaRecord, "width" | "height" | "durationS" | "fps" | "codec">;

export async function uploadMedia(request: Request, storage: MediaStorage = mediaStorage()): Promise<UploadResult> {
  const limits = mediaLimits();
  const contentType = request.headers.get("content-type");
  const boundary = multipartBoundary(contentType);
  refuseDeclaredSize(request.headers.get("content-length"), limits, boundary !== null);
  if (/^multipart\//i.test(contentType ?? "") && !boundary) {
    throw new PlaygroundError(
      "bad_request",
      "The upload says multipart but names no boundary; send it as multipart/form-data with a 'file' field.",
    );
  }
  if (!request.body) throw emptyUpload();
  const file = boundary ? (await openMultipartFile(request.body, boundary)).body : request.body;
  return storeMediaStream(file, storage, limits);
}

/** Stores bytes that did not come from an upload (a generated result) the way an upload is stored. */
export function storeMediaBytes(bytes: Uint8Array, storage: MediaStorage = mediaStorage()): Promise<UploadResult> {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (bytes.length > 0) controller.enqueue(bytes);
      controller.close();
    },
  });
  return storeMediaStream(stream, storage, mediaLimits());
}

/** Stores a stream that did not come from an upload (a generated result) as it arrives, within the same limits. */
export function storeMediaFrom(file: ReadableStream<Uint8Array>, storage: MediaStorage = mediaStorage()): Promise<UploadResult> {
  return storeMediaStream(file, storage, mediaLimits());
}

/** Sniffs, stores within the limit of its type, probes and records one file. */
async function storeMediaStream(file: ReadableStream<Uint8Array>, storage: MediaStorage, limits: MediaLimits): Promise<UploadResult> {
  const { head, stream } = await peek(file, SNIFF_BYTES);
  if (head.length === 0) throw emptyUpload();
  const type = sniffMediaType(head);
  if (!type) {
    throw new PlaygroundError(
      "unsupported_media",
      `This file is not an image or video the playground takes: it accepts ${ACCEPTED_TYPES_SENTENCE}, recognised by their content, not by their name.`,
    );
  }
  const maxBytes = type.kind === "image" ? limits.imageBytes : limits.videoBytes;
  const blob = await storage.blobs.put(stream, { maxBytes, tooLargeMessage: tooLargeMessage(type.kind, limits) });
  const existing = await storage.catalog.findBySha256(blob.sha256);
  if (existing) return { media: toUploadedMedia(existing), created: false };

  const facts = await probe(storage.blobs, blob, type).catch(async (error: unknown) => {
    await storage.blobs.delete(blob.key);
    throw error;
  });
  const id = newMediaId();
  const { kind, mime, format } = type;
  const record = await storage.catalog.add({
    id,
    blobKey: blob.key,
    sha256: blob.sha256,
    kind,
    mime,
    format,
    bytes: blob.bytes,
    ...facts,
    createdAt: new Date().toISOString(),
  });
  return { media: toUploadedMedia(record), created: record.id === id };
}

function toUploadedMedia(record: MediaRecord): UploadedMedia {
  const { id, kind, mime, bytes, width, height, durationS, fps, codec } = record;
  const known = Object.entries({ width, height, durationS, fps, codec }).filter(([, value]) => value !== undefined);
  return { id, kind, mime, bytes, ...Object.fromEntries(known) };
}

const emptyUpload = () =>
  new PlaygroundError("bad_request", "The upload is empty; send the file as the multipart field 'file' or as the request body.");

function tooLargeMessage(kind: MediaKind, limits: MediaLimits): string {
  return kind === "image"
    ? `The image is too large: the limit for images is ${formatMegabytes(limits.imageBytes)}. Downscale it or save it as JPEG, then upload it again.`
    : `The video is too large: the limit for videos is ${formatMegabytes(limits.videoBytes)}. Trim or downscale it, then upload it again.`;
}

/** Refuses before reading a byte when the declared length is over even the video limit. */
function refuseDeclaredSize(contentLength: string | null, limits: MediaLimits, multipart: boolean): void {
  const declared = Number(contentLength ?? NaN);
  if (!Number.isFinite(declared) || declared <= limits.videoBytes + (multipart ? MULTIPART_OVERHEAD : 0)) return;
  throw new PlaygroundError(
    "payload_too_large",
    `The upload is ${formatMegabytes(declared)}: the limit for videos is ${formatMegabytes(limits.videoBytes)} and for images ${formatMegabytes(limits.imageBytes)}. Trim or downscale it, then upload it again.`,
  );
}

/** Reads the first `wanted` bytes and returns them with a stream that still yields everything. */
async function peek(source: ReadableStream<Uint8Array>, wanted: number): Promise<{ head: Uint8Array; stream: ReadableStream<Uint8Array> }> {
  const reader = source.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let ended = false;
  while (length < wanted) {
    const { done, value } = await reader.read().catch((error: unknown) => {
      if (error instanceof PlaygroundError) throw error;
      throw new PlaygroundError("bad_request", "The upload was interrupted before it finished; try again.");
    });
    if (done) {
      ended = true;
      break;
    }
    chunks.push(value);
    length += value.length;
  }
  const head = Buffer.concat(chunks);
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (head.length > 0) controller.enqueue(head);
        if (ended) controller.close();
      },
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
    },
    { highWaterMark: 0 },
  );
  return { head, stream };
}

async function probe(blobs: BlobStore, blob: StoredBlob, type: SniffedType): Promise<MediaFacts> {
  const file = await blobs.openReader(blob.key);
  if (!file) throw new Error(`Blob ${blob.key} vanished right after it was stored.`);
  try {
    const name = type.format.toUpperCase();
    // Images are small enough to read whole: the frame header can sit behind large EXIF data.
    if (type.kind === "image") return checkedImage(await file.read(0, file.size), type);
    const noVideo = () =>
      new PlaygroundError("unsupported_media", `The ${name} file has no video track (is it audio only?); upload a video.`);
    if (type.format === "webm" || type.format === "mkv") {
      const info = probeWebm(await file.read(0, PROBE_HEAD_BYTES));
      if (info.codec === undefined) throw noVideo();
      return finite(info);
    }
    const info = await probeMp4(file.read, file.size);
    if (!info.moovFound) {
      throw new PlaygroundError(
        "unsupported_media",
        `The ${name} file has no movie header (moov box), so no player can open it; it may be cut short or not a video.`,
      );
    }
    if (!info.hasVideoTrack) throw noVideo();
    if (info.samplesEnd !== undefined && info.samplesEnd > file.size) {
      throw new PlaygroundError(
        "unsupported_media",
        `The ${name} file is cut short: its samples run to byte ${info.samplesEnd} but it has ${file.size} bytes; upload the whole file.`,
      );
    }
    const { width, height, durationS, fps, codec } = info;
    return finite({ width, height, durationS, fps, codec });
  } finally {
    await file.close();
  }
}

/** An image's size, once its structure is whole and nothing runnable rides after its end. */
function checkedImage(bytes: Uint8Array, type: SniffedType): MediaFacts {
  const name = type.format.toUpperCase();
  const size = readImageSize(bytes);
  const end = size ? imageEnd(bytes, type.format) : null;
  if (!size || end === null) {
    throw new PlaygroundError(
      "unsupported_media",
      `The file starts like a ${name} image but is not a whole one; it may be damaged, cut short, or another kind of file named as an image.`,
    );
  }
  if (isRunnableTrailer(bytes.subarray(end))) {
    throw new PlaygroundError(
      "unsupported_media",
      `The ${name} image has another file (markup or an archive) appended after its end; upload the image alone.`,
    );
  }
  return size;
}

/** Keeps only the facts that are real, positive numbers (or a codec name). */
function finite({ width, height, durationS, fps, codec }: MediaFacts): MediaFacts {
  const ok = (n: number | undefined): n is number => n !== undefined && Number.isFinite(n) && n > 0;
  return {
    ...(ok(width) && ok(height) ? { width: Math.round(width), height: Math.round(height) } : {}),
    ...(ok(durationS) ? { durationS } : {}),
    ...(ok(fps) ? { fps } : {}),
    ...(codec ? { codec } : {}),
  };
}
