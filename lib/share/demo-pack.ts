import { unzipSync, zipSync, type Unzipped } from "fflate";
import { z } from "zod";

import {
  SESSION_MAX_BYTES,
  sessionTitleSchema,
  snapshotDataSchema,
  type SnapshotData,
  type SnapshotResult,
} from "@/lib/conversations/schema";
import { PlaygroundError } from "@/lib/core/errors";
import { mediaIdSchema } from "@/lib/media/media-api";

// A demo pack (.nimdemo): a zip holding `nimdemo.json` (the session and a list of its media) and
// each stored image or video under `media/`. Recorded on one playground, imported on another.
// Everything in a pack is checked before anything is inflated or stored.

export const PACK_MANIFEST = "nimdemo.json";
export const PACK_EXTENSION = ".nimdemo";
export const PACK_MIME = "application/zip";
/** The largest pack the import takes, zipped and unzipped. */
export const PACK_MAX_BYTES = 256 * 1024 * 1024;
export const PACK_MAX_MEDIA = 200;
const MEDIA_PATH = /^media\/[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

const mediaEntrySchema = z.object({
  id: mediaIdSchema,
  path: z.string().regex(MEDIA_PATH, "a media path is media/<name> with letters, digits, dots, dashes or underscores"),
  kind: z.enum(["image", "video"]),
  mime: z.string().regex(/^(image|video)\/[a-z0-9.+-]{1,60}$/, "a media type is image/… or video/…"),
});

export const packManifestSchema = z.object({
  format: z.literal("nimdemo"),
  version: z.literal(1),
  title: sessionTitleSchema,
  exportedAt: z.iso.datetime({ offset: true }),
  session: snapshotDataSchema,
  media: z.array(mediaEntrySchema).max(PACK_MAX_MEDIA),
});
export type PackManifest = z.infer<typeof packManifestSchema>;
export type PackMedia = PackManifest["media"][number];

const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
  "video/mp4": "mp4",
  "video/webm": "webm",
  "video/quicktime": "mov",
};

export const packMediaPath = (index: number, mime: string) => `media/${index + 1}.${EXTENSIONS[mime] ?? "bin"}`;

/** The zip bytes of a pack: the manifest first, then each media file as it is (already compressed). */
export function buildPack(manifest: PackManifest, files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const entries: Record<string, [Uint8Array, { level: 0 | 6 }]> = {
    [PACK_MANIFEST]: [new TextEncoder().encode(JSON.stringify(manifest)), { level: 6 }],
  };
  for (const media of manifest.media) {
    const bytes = files.get(media.id);
    if (bytes) entries[media.path] = [bytes, { level: 0 }];
  }
  return zipSync(entries);
}

const bad = (message: string) => new PlaygroundError("bad_request", `This is not a demo pack the playground can import: ${message}`);

/** Unzips and checks a pack: caps on size and entries before inflating, then the manifest's schema. */
export function readPack(bytes: Uint8Array): { manifest: PackManifest; files: Map<string, Uint8Array> } {
  if (bytes.length > PACK_MAX_BYTES) throw bad(`it is over ${PACK_MAX_BYTES / 1024 / 1024} MB.`);
  let entries = 0;
  let total = 0;
  let unzipped: Unzipped;
  try {
    unzipped = unzipSync(bytes, {
      filter: (file) => {
        entries += 1;
        total += file.originalSize;
        if (entries > PACK_MAX_MEDIA + 1) throw bad(`it holds more than ${PACK_MAX_MEDIA} media files.`);
        if (total > PACK_MAX_BYTES) throw bad(`it unpacks to more than ${PACK_MAX_BYTES / 1024 / 1024} MB.`);
        if (file.name === PACK_MANIFEST) {
          if (file.originalSize > SESSION_MAX_BYTES + 64 * 1024) throw bad("its session file is too large.");
          return true;
        }
        if (!MEDIA_PATH.test(file.name))
          throw bad(`it holds "${file.name.slice(0, 100)}", which is neither ${PACK_MANIFEST} nor a file under media/.`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof PlaygroundError) throw error;
    throw bad("it is not a readable zip file (export it again with Download → Demo pack).");
  }
  const raw = unzipped[PACK_MANIFEST];
  if (!raw) throw bad(`it has no ${PACK_MANIFEST}.`);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    throw bad(`its ${PACK_MANIFEST} is not JSON.`);
  }
  const parsed = packManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw bad(`${PACK_MANIFEST} has ${issue ? `${issue.path.join(".") || "its top level"}: ${issue.message}` : "an unexpected shape"}.`);
  }
  const manifest = parsed.data;
  const files = new Map<string, Uint8Array>();
  for (const media of manifest.media) {
    const file = unzipped[media.path];
    if (!file) throw bad(`${PACK_MANIFEST} lists ${media.path}, which the pack does not hold.`);
    files.set(media.id, file);
  }
  return { manifest, files };
}

/** The session with every stored media id replaced by the id it has here; unknown ids are refused. */
export function remapMedia(session: SnapshotData, ids: ReadonlyMap<string, string>): SnapshotData {
  const next = (id: string) => {
    const found = ids.get(id);
    if (!found) throw bad(`the session shows media ${id}, which the pack does not hold.`);
    return found;
  };
  return {
    ...session,
    turns: session.turns.map((turn) => ({
      ...turn,
      ...(turn.attachments ? { attachments: turn.attachments.map((a) => (a.mediaId ? { ...a, mediaId: next(a.mediaId) } : a)) } : {}),
      ...(turn.result ? { result: remapResult(turn.result, next) } : {}),
    })),
  };
}

function remapResult(result: SnapshotResult, next: (id: string) => string): SnapshotResult {
  return {
    ...result,
    ...(result.mediaId ? { mediaId: next(result.mediaId) } : {}),
    ...(result.control ? { control: { ...result.control, mediaId: next(result.control.mediaId) } } : {}),
  };
}
