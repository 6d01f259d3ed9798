import "server-only";

import { PlaygroundError } from "@/lib/core/errors";
import { MEDIA_CONTENT_SECURITY_POLICY } from "@/lib/core/security-headers";
import { etagMatches, parseByteRange } from "@/lib/media/server/byte-range";
import { checkMediaSignature } from "@/lib/media/server/media-signature";
import { mediaStorage, type MediaStorage } from "@/lib/media/server/storage";

// GET / HEAD /api/media/{id}: the stored bytes, streamed, with one byte range for video seeking.
// Content never changes under an id, so it is cached for a year.

export const mediaNotFound = (id: string) => new PlaygroundError("not_found", `Media '${id}' was not found; upload it again.`);

export async function mediaResponse(request: Request, id: string, storage: MediaStorage = mediaStorage()): Promise<Response> {
  // A signed link (for a model server) that is expired or altered is refused before anything is read.
  checkMediaSignature(request.url, id);
  const record = await storage.catalog.get(id);
  const stored = record ? await storage.blobs.stat(record.blobKey) : null;
  if (!record || !stored) throw mediaNotFound(id);
  const size = stored.bytes;
  const etag = `"${record.sha256}"`;
  const headers = new Headers({
    "Content-Type": record.mime,
    "Accept-Ranges": "bytes",
    "Cache-Control": "public, max-age=31536000, immutable",
    ETag: etag,
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": "inline",
    "Content-Security-Policy": MEDIA_CONTENT_SECURITY_POLICY,
  });
  if (etagMatches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });

  // If-Range: serve a range only of the version the client already has part of.
  const ifRange = request.headers.get("if-range");
  const range = ifRange && !etagMatches(ifRange, etag) ? null : parseByteRange(request.headers.get("range"), size);
  if (range === "unsatisfiable") {
    throw new PlaygroundError("range_not_satisfiable", `The requested range is outside the file, which is ${size} bytes long.`, undefined, {
      "Content-Range": `bytes */${size}`,
    });
  }
  const status = range ? 206 : 200;
  headers.set("Content-Length", String(range ? range.end - range.start + 1 : size));
  if (range) headers.set("Content-Range", `bytes ${range.start}-${range.end}/${size}`);
  if (request.method === "HEAD") return new Response(null, { status, headers });
  const body = await storage.blobs.open(record.blobKey, range ?? undefined);
  if (!body) throw mediaNotFound(id);
  return new Response(body, { status, headers });
}
