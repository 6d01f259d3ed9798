import "server-only";

import { snapshotMediaIds, type SavedConversation, type SnapshotData } from "@/lib/conversations/schema";
import { PlaygroundError } from "@/lib/core/errors";
import { storeMediaBytes } from "@/lib/media/server/service";
import { mediaStorage } from "@/lib/media/server/storage";
import { playgroundStore } from "@/lib/server/db/store";
import {
  buildPack,
  PACK_EXTENSION,
  PACK_MAX_BYTES,
  PACK_MIME,
  packMediaPath,
  readPack,
  remapMedia,
  type PackMedia,
} from "@/lib/share/demo-pack";
import { exportSlug } from "@/lib/share/export/files";
import { forkData } from "@/lib/share/fork";
import { recordedModels } from "@/lib/share/settings";

// Demo packs on the server: a session and its stored media out as one zip, and a zip back in as
// a new saved chat, its media stored through the upload path (so the same bytes are kept once).

async function readAll(stream: ReadableStream<Uint8Array>, maxBytes: number, tooLarge: () => Error): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    if (bytes > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The pack of a session: media the store no longer has are left out, and named so in the log. */
export async function exportDemoPack(title: string, session: SnapshotData, recordedAt: string): Promise<Uint8Array> {
  const { blobs, catalog } = mediaStorage();
  const media: PackMedia[] = [];
  const files = new Map<string, Uint8Array>();
  let total = 0;
  for (const id of snapshotMediaIds(session)) {
    const record = await catalog.get(id);
    const stream = record && (await blobs.open(record.blobKey));
    if (!record || !stream) {
      console.warn(`[playground] demo pack: media ${id} is no longer stored and is left out`);
      continue;
    }
    total += record.bytes;
    if (total > PACK_MAX_BYTES) {
      throw new PlaygroundError(
        "payload_too_large",
        `This session's media add up to more than ${PACK_MAX_BYTES / 1024 / 1024} MB, the most a demo pack holds.`,
      );
    }
    files.set(
      id,
      await readAll(stream, record.bytes, () => new PlaygroundError("internal", "A stored media file changed while it was read.")),
    );
    media.push({ id, path: packMediaPath(media.length, record.mime), kind: record.kind, mime: record.mime });
  }
  const kept = new Set(media.map((m) => m.id));
  // A recording keeps the date it was first made, through any number of exports and imports.
  const stamped = { ...session, recording: session.recording ?? { recordedAt, models: recordedModels(session) } };
  const withoutMissing = dropMissing(stamped, kept);
  return buildPack({ format: "nimdemo", version: 1, title, exportedAt: new Date().toISOString(), session: withoutMissing, media }, files);
}

function dropMissing(session: SnapshotData, kept: ReadonlySet<string>): SnapshotData {
  return {
    ...session,
    turns: session.turns.map((turn) => ({
      ...turn,
      ...(turn.attachments ? { attachments: turn.attachments.filter((a) => a.mediaId === undefined || kept.has(a.mediaId)) } : {}),
      // A result whose file (or transfer control) did not arrive is dropped whole; actions alone need no file.
      ...(turn.result && [turn.result.mediaId, turn.result.control?.mediaId].some((id) => id !== undefined && !kept.has(id))
        ? { result: null }
        : {}),
    })),
  };
}

const a = (kind: "image" | "video") => (kind === "image" ? "an image" : "a video");

export async function readUpload(request: Request): Promise<Uint8Array> {
  const tooLarge = () => new PlaygroundError("payload_too_large", `A demo pack may be at most ${PACK_MAX_BYTES / 1024 / 1024} MB.`);
  if (Number(request.headers.get("content-length") ?? 0) > PACK_MAX_BYTES) throw tooLarge();
  if (!request.body) throw new PlaygroundError("bad_request", "Send the .nimdemo file as the request body.");
  return readAll(request.body, PACK_MAX_BYTES, tooLarge);
}

/** A pack becomes a new saved chat of `ownerId`, labelled as an imported recording. */
export async function importDemoPack(ownerId: string, bytes: Uint8Array): Promise<SavedConversation> {
  const { manifest, files } = readPack(bytes);
  const ids = new Map<string, string>();
  for (const entry of manifest.media) {
    const file = files.get(entry.id);
    if (!file) continue;
    const { media } = await storeMediaBytes(file).catch((error: unknown) => {
      if (error instanceof PlaygroundError) throw new PlaygroundError(error.code, `${entry.path} in the pack: ${error.message}`);
      throw error;
    });
    if (media.kind !== entry.kind) {
      throw new PlaygroundError("bad_request", `${entry.path} in the pack is listed as ${a(entry.kind)} but holds ${a(media.kind)}.`);
    }
    ids.set(entry.id, media.id);
  }
  const session = remapMedia(manifest.session, ids);
  const recording = {
    recordedAt: manifest.session.recording?.recordedAt ?? manifest.exportedAt,
    models: manifest.session.recording?.models ?? recordedModels(manifest.session),
    importedAt: new Date().toISOString(),
  };
  const { conversations } = await playgroundStore();
  return conversations.create(ownerId, {
    title: manifest.title,
    backendId: session.backend?.id ?? null,
    data: { ...forkData(session), recording },
  });
}

/** The download answer for a pack, named after the session. */
export async function packResponse(title: string, session: SnapshotData, recordedAt: string): Promise<Response> {
  const bytes = await exportDemoPack(title, session, recordedAt);
  const name = `${exportSlug(title)}${PACK_EXTENSION}`;
  return new Response(bytes as BodyInit, {
    headers: { "Content-Type": PACK_MIME, "Content-Disposition": `attachment; filename="${name}"`, "Content-Length": String(bytes.length) },
  });
}
