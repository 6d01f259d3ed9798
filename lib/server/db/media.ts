import "server-only";

import { PlaygroundError } from "@/lib/core/errors";
import type { MediaCatalog, MediaRecord } from "@/lib/media/schema";
import { first, type SqlDatabase } from "@/lib/server/db/sql";

// Media metadata in the database. One row per content (sha256 is unique), so two uploads of the
// same bytes at once keep one record; rows a shared session pins cannot be deleted.

interface Row {
  id: string;
  sha256: string;
  blob_key: string;
  kind: MediaRecord["kind"];
  mime: string;
  format: MediaRecord["format"];
  bytes: number;
  width: number | null;
  height: number | null;
  duration_s: number | null;
  fps: number | null;
  codec: string | null;
  created_at: string;
}

const COLUMNS = "id, sha256, blob_key, kind, mime, format, bytes, width, height, duration_s, fps, codec, created_at";

function toRecord(row: Row): MediaRecord {
  const optional = { width: row.width, height: row.height, durationS: row.duration_s, fps: row.fps, codec: row.codec };
  const known = Object.entries(optional).filter(([, value]) => value !== null);
  return {
    id: row.id,
    blobKey: row.blob_key,
    sha256: row.sha256,
    kind: row.kind,
    mime: row.mime,
    format: row.format,
    bytes: Number(row.bytes),
    ...(Object.fromEntries(known) as Partial<MediaRecord>),
    createdAt: row.created_at,
  };
}

export class SqlMediaCatalog implements MediaCatalog {
  constructor(private readonly db: SqlDatabase) {}

  async get(id: string): Promise<MediaRecord | null> {
    const row = await first<Row>(this.db, `SELECT ${COLUMNS} FROM media WHERE id = ?`, [id]);
    return row ? toRecord(row) : null;
  }

  async findBySha256(sha256: string): Promise<MediaRecord | null> {
    const row = await first<Row>(this.db, `SELECT ${COLUMNS} FROM media WHERE sha256 = ?`, [sha256]);
    return row ? toRecord(row) : null;
  }

  async add(record: MediaRecord): Promise<MediaRecord> {
    const { id, sha256, blobKey, kind, mime, format, bytes, width, height, durationS, fps, codec, createdAt } = record;
    const inserted = await this.db.run(
      `INSERT INTO media (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      [
        id,
        sha256,
        blobKey,
        kind,
        mime,
        format,
        bytes,
        width ?? null,
        height ?? null,
        durationS ?? null,
        fps ?? null,
        codec ?? null,
        createdAt,
      ],
    );
    if (inserted > 0) return record;
    const winner = await this.findBySha256(sha256);
    if (!winner) throw new Error(`Media ${id} was neither stored nor found by its content.`);
    return winner;
  }

  async delete(id: string): Promise<void> {
    const removed = await this.db.run("DELETE FROM media WHERE id = ? AND NOT EXISTS (SELECT 1 FROM media_pins WHERE media_id = ?)", [
      id,
      id,
    ]);
    if (removed === 0 && (await this.isPinned(id))) {
      throw new PlaygroundError("conflict", `Media '${id}' is shown by a shared session, so it is kept until that share is removed.`);
    }
  }

  async isPinned(id: string): Promise<boolean> {
    return (await first(this.db, "SELECT 1 AS pinned FROM media_pins WHERE media_id = ?", [id])) !== null;
  }
}
