import "server-only";
import { FolderBlobStore, type BlobStore } from "@/lib/server/blob-store";
import { databaseMediaCatalog } from "@/lib/server/db/store";
import type { MediaCatalog } from "@/lib/server/media-catalog";
import { mediaDir } from "@/lib/server/media-config";

// The media blob store for the configured data folder, made once per folder, and the catalog in
// the playground's database.

export interface MediaStorage {
  blobs: BlobStore;
  catalog: MediaCatalog;
}

const cache = globalThis as typeof globalThis & { __mediaStorage?: { dir: string; storage: MediaStorage } };

export function mediaStorage(): MediaStorage {
  const dir = mediaDir();
  if (cache.__mediaStorage?.dir !== dir) {
    cache.__mediaStorage = { dir, storage: { blobs: new FolderBlobStore(dir), catalog: databaseMediaCatalog() } };
  }
  return cache.__mediaStorage.storage;
}
