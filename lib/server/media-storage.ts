import "server-only";
import path from "node:path";
import { FolderBlobStore, type BlobStore } from "@/lib/server/blob-store";
import { JsonFileMediaCatalog, type MediaCatalog } from "@/lib/server/media-catalog";
import { mediaDir } from "@/lib/server/media-config";

// The media blob store and catalog for the configured data folder, made once per folder.

export interface MediaStorage {
  blobs: BlobStore;
  catalog: MediaCatalog;
}

const cache = globalThis as typeof globalThis & { __mediaStorage?: { dir: string; storage: MediaStorage } };

export function mediaStorage(): MediaStorage {
  const dir = mediaDir();
  if (cache.__mediaStorage?.dir !== dir) {
    cache.__mediaStorage = { dir, storage: { blobs: new FolderBlobStore(dir), catalog: new JsonFileMediaCatalog(path.join(dir, "meta")) } };
  }
  return cache.__mediaStorage.storage;
}
