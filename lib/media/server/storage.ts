import "server-only";

import { createHash } from "node:crypto";
import path from "node:path";

import { processMemo } from "@/lib/core/process-memo";
import type { MediaCatalog } from "@/lib/media/schema";
import { FolderBlobStore, type BlobStore } from "@/lib/media/server/blob-store";
import { mediaDir } from "@/lib/media/server/config";
import { S3BlobStore, s3ConfigFromEnv } from "@/lib/media/server/s3-blob-store";
import { databaseMediaCatalog } from "@/lib/server/db/store";

// The media blob store (the data folder, or an S3-compatible bucket when PLAYGROUND_S3_BUCKET is
// set), made once per configuration, and the catalog in the playground's database.

export interface MediaStorage {
  blobs: BlobStore;
  catalog: MediaCatalog;
}

export function mediaStorage(): MediaStorage {
  const dir = mediaDir();
  const s3 = s3ConfigFromEnv();
  // Hashed so the cache key never holds the credentials in clear.
  const id = s3
    ? createHash("sha256")
        .update(JSON.stringify([dir, s3]))
        .digest("hex")
    : dir;
  return processMemo("media-storage", id, () => {
    // Uploads to S3 are spooled in the data folder's tmp/ too, the same place as the folder store's.
    const blobs = s3 ? new S3BlobStore(s3, path.join(dir, "tmp")) : new FolderBlobStore(dir);
    return { blobs, catalog: databaseMediaCatalog() };
  });
}
