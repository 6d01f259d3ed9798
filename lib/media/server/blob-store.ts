import "server-only";

import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, rename, rm, stat, type FileHandle } from "node:fs/promises";
import path from "node:path";

import { PlaygroundError } from "@/lib/core/errors";
import type { ByteReader } from "@/lib/media/mp4-probe";

// Media bytes, stored once per content (the key is the sha256 of the bytes): in a folder here, or
// in an S3-compatible bucket (s3-blob-store.ts).

export interface ByteRange {
  start: number;
  /** Inclusive, as in HTTP Range. */
  end: number;
}

export interface StoredBlob {
  key: string;
  sha256: string;
  bytes: number;
}

export interface PutOptions {
  maxBytes: number;
  /** The 413 sentence when the stream grows past maxBytes. */
  tooLargeMessage: string;
}

export interface RandomAccess {
  size: number;
  read: ByteReader;
  close(): Promise<void>;
}

export interface BlobStore {
  /** Streams into storage while hashing; cuts the stream as soon as it passes maxBytes. */
  put(source: ReadableStream<Uint8Array>, options: PutOptions): Promise<StoredBlob>;
  /** The bytes (or one range of them) as a stream, or null when the key is unknown. */
  open(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null>;
  /** Random access for probing, or null when the key is unknown. */
  openReader(key: string): Promise<RandomAccess | null>;
  stat(key: string): Promise<{ bytes: number } | null>;
  delete(key: string): Promise<void>;
}

export const BLOB_KEY = /^[0-9a-f]{64}$/;
const CHUNK = 256 * 1024;

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  for (let written = 0; written < chunk.length;) {
    const { bytesWritten } = await handle.write(chunk, written, chunk.length - written);
    written += bytesWritten;
  }
}

export interface SpooledFile {
  path: string;
  sha256: string;
  bytes: number;
}

/**
 * Streams an upload into a fresh file under tempDir while hashing it, cutting the stream as soon
 * as it passes maxBytes. On failure the file is gone; on success the caller owns (and removes) it.
 */
export async function spoolToTempFile(
  source: ReadableStream<Uint8Array>,
  tempDir: string,
  { maxBytes, tooLargeMessage }: PutOptions,
): Promise<SpooledFile> {
  await mkdir(tempDir, { recursive: true });
  const tempPath = path.join(tempDir, `${randomBytes(12).toString("hex")}.part`);
  const handle = await open(tempPath, "wx");
  const reader = source.getReader();
  const hash = createHash("sha256");
  let bytes = 0;
  let closed = false;
  try {
    for (;;) {
      const { done, value } = await reader.read().catch((error: unknown) => {
        if (error instanceof PlaygroundError) throw error;
        throw new PlaygroundError("bad_request", "The upload was interrupted before it finished; try again.");
      });
      if (done) break;
      bytes += value.length;
      // Stop reading at once; the caller answers 413 and closes the connection.
      if (bytes > maxBytes) throw new PlaygroundError("payload_too_large", tooLargeMessage);
      hash.update(value);
      await writeAll(handle, value);
    }
    await handle.close();
    closed = true;
    return { path: tempPath, sha256: hash.digest("hex"), bytes };
  } catch (error) {
    if (!closed) await handle.close().catch(() => undefined);
    await rm(tempPath, { force: true });
    throw error;
  } finally {
    reader.releaseLock();
  }
}

export class FolderBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  /** Where a key lives; null for anything that is not a key (no path tricks). */
  private pathOf(key: string): string | null {
    return BLOB_KEY.test(key) ? path.join(this.root, "blobs", key.slice(0, 2), key) : null;
  }

  get tempDir(): string {
    return path.join(this.root, "tmp");
  }

  async put(source: ReadableStream<Uint8Array>, options: PutOptions): Promise<StoredBlob> {
    const spooled = await spoolToTempFile(source, this.tempDir, options);
    try {
      const finalPath = this.pathOf(spooled.sha256)!;
      await mkdir(path.dirname(finalPath), { recursive: true });
      const existing = await stat(finalPath).catch(() => null);
      // Identical bytes are stored once.
      if (existing) await rm(spooled.path, { force: true });
      else await rename(spooled.path, finalPath);
      return { key: spooled.sha256, sha256: spooled.sha256, bytes: spooled.bytes };
    } catch (error) {
      await rm(spooled.path, { force: true });
      throw error;
    }
  }

  private async openIfStored(key: string): Promise<FileHandle | null> {
    const file = this.pathOf(key);
    if (!file) return null;
    return open(file, "r").catch((error: unknown) => {
      if (isMissing(error)) return null;
      throw error;
    });
  }

  async open(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null> {
    const handle = await this.openIfStored(key);
    if (!handle) return null;
    let position = range?.start ?? 0;
    const end = range ? range.end + 1 : (await handle.stat()).size;
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await handle.close();
    };
    return new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          try {
            const length = Math.min(CHUNK, end - position);
            const chunk = length > 0 ? new Uint8Array(length) : null;
            const bytesRead = chunk ? (await handle.read(chunk, 0, length, position)).bytesRead : 0;
            if (!chunk || bytesRead === 0) {
              await close();
              controller.close();
              return;
            }
            position += bytesRead;
            controller.enqueue(chunk.subarray(0, bytesRead));
          } catch (error) {
            await close().catch(() => undefined);
            controller.error(error);
          }
        },
        cancel: close,
      },
      { highWaterMark: 0 },
    );
  }

  async openReader(key: string): Promise<RandomAccess | null> {
    const handle = await this.openIfStored(key);
    if (!handle) return null;
    const size = (await handle.stat()).size;
    return {
      size,
      async read(offset, length) {
        const wanted = Math.max(0, Math.min(length, size - offset));
        if (offset < 0 || wanted === 0) return new Uint8Array(0);
        const buffer = new Uint8Array(wanted);
        let filled = 0;
        // One read may return less than asked for; loop until full or at the end of the file.
        while (filled < wanted) {
          const { bytesRead } = await handle.read(buffer, filled, wanted - filled, offset + filled);
          if (bytesRead === 0) break;
          filled += bytesRead;
        }
        return buffer.subarray(0, filled);
      },
      close: () => handle.close(),
    };
  }

  async stat(key: string): Promise<{ bytes: number } | null> {
    const file = this.pathOf(key);
    if (!file) return null;
    const info = await stat(file).catch((error: unknown) => {
      if (isMissing(error)) return null;
      throw error;
    });
    return info ? { bytes: info.size } : null;
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    if (file) await rm(file, { force: true });
  }
}
