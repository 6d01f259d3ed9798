import "server-only";
import { createHash } from "node:crypto";
import path from "node:path";
import { FolderBlobStore, type BlobStore } from "@/lib/media/server/blob-store";
import { databaseMediaCatalog } from "@/lib/server/db/store";
import type { MediaCatalog } from "@/lib/media/schema";
import { mediaDir } from "@/lib/media/server/config";
import { S3BlobStore, s3ConfigFromEnv } from "@/lib/media/server/s3-blob-store";

// The media blob store (the data folder, or an S3-compatible bucket when PLAYGROUND_S3_BUCKET is
// set), made once per configuration, and the catalog in the playground's database.

export interface MediaStorage {
  blobs: BlobStore;
  catalog: MediaCatalog;
}

const cache = globalThis as typeof globalThis & { __mediaStorage?: { id: string; storage: MediaStorage } };

export function mediaStorage(): MediaStorage {
  const dir = mediaDir();
  const s3 = s3ConfigFromEnv();
  // Hashed so the cache key never holds the credentials in clear.
  const id = s3 ? createHash("sha256").update(JSON.stringify([dir, s3])).digest("hex") : dir;
  if (cache.__mediaStorage?.id !== id) {
    // Uploads to S3 are spooled in the data folder's tmp/ too, the same place as the folder store's.
    const blobs = s3 ? new S3BlobStore(s3, path.join(dir, "tmp")) : new FolderBlobStore(dir);
    cache.__mediaStorage = { id, storage: { blobs, catalog: databaseMediaCatalog() } };
  }
  return cache.__mediaStorage.storage;
}
