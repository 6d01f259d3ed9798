import "server-only";

import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

import type { SnapshotData } from "@/lib/conversations/schema";
import { checkSessionSize } from "@/lib/server/db/limits";
import { first, placeholders, type SqlDatabase } from "@/lib/server/db/sql";
import { newId } from "@/lib/server/ids";

// Shared sessions: immutable copies behind an unguessable id, never listed. Only the sha256 of
// the delete token is stored; the token itself is handed out once. Revoking erases the data and
// keeps a tombstone, so the link answers "removed" rather than "never existed".

export interface Snapshot {
  id: string;
  title: string;
  createdAt: string;
  mediaIds: string[];
  data: SnapshotData;
}

export type SnapshotLookup = { status: "found"; snapshot: Snapshot } | { status: "removed" } | { status: "missing" };
export type RevokeResult = "revoked" | "wrong_token" | "missing";

export interface SnapshotRepository {
  /** Stores the snapshot and pins the media it shows; returns it with its one-time delete token. */
  create(input: { title: string; data: SnapshotData; mediaIds: string[] }): Promise<{ snapshot: Snapshot; deleteToken: string }>;
  get(id: string): Promise<SnapshotLookup>;
  revoke(id: string, deleteToken: string): Promise<RevokeResult>;
}

interface Row {
  id: string;
  title: string;
  created_at: number;
  revoked_at: number | null;
  media_ids: string;
  data: string | null;
  delete_token_hash: string;
}

const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest();

/** Compares digests of equal length in constant time, whatever the caller sent. */
function tokenMatches(token: string, storedHashHex: string): boolean {
  const stored = Buffer.from(storedHashHex, "hex");
  const given = hashToken(token);
  return stored.length === given.length && timingSafeEqual(stored, given);
}

export class SqlSnapshotRepository implements SnapshotRepository {
  constructor(private readonly db: SqlDatabase) {}

  async create({ title, data, mediaIds }: { title: string; data: SnapshotData; mediaIds: string[] }) {
    const json = checkSessionSize(data);
    const id = newId();
    const deleteToken = randomBytes(32).toString("base64url");
    const createdAt = Date.now();
    const ids = [...new Set(mediaIds)];
    await this.db.transaction(async (tx) => {
      await tx.run(
        "INSERT INTO snapshots (id, delete_token_hash, title, created_at, revoked_at, media_ids, data) VALUES (?, ?, ?, ?, NULL, ?, ?)",
        [id, hashToken(deleteToken).toString("hex"), title, createdAt, JSON.stringify(ids), json],
      );
      // Only media the catalog knows can be pinned; an id it has never seen shows as missing anyway.
      if (ids.length > 0) {
        await tx.run(
          `INSERT INTO media_pins (snapshot_id, media_id) SELECT CAST(? AS TEXT), id FROM media WHERE id IN (${placeholders(ids.length)})`,
          [id, ...ids],
        );
      }
    });
    const snapshot: Snapshot = {
      id,
      title,
      createdAt: new Date(createdAt).toISOString(),
      mediaIds: ids,
      data: JSON.parse(json) as SnapshotData,
    };
    return { snapshot, deleteToken };
  }

  async get(id: string): Promise<SnapshotLookup> {
    const row = await first<Row>(
      this.db,
      "SELECT id, title, created_at, revoked_at, media_ids, data, delete_token_hash FROM snapshots WHERE id = ?",
      [id],
    );
    if (!row) return { status: "missing" };
    if (row.revoked_at !== null || row.data === null) return { status: "removed" };
    return {
      status: "found",
      snapshot: {
        id: row.id,
        title: row.title,
        createdAt: new Date(Number(row.created_at)).toISOString(),
        mediaIds: JSON.parse(row.media_ids) as string[],
        data: JSON.parse(row.data) as SnapshotData,
      },
    };
  }

  async revoke(id: string, deleteToken: string): Promise<RevokeResult> {
    return this.db.transaction(async (tx) => {
      const row = await first<Pick<Row, "delete_token_hash" | "revoked_at">>(
        tx,
        "SELECT delete_token_hash, revoked_at FROM snapshots WHERE id = ?",
        [id],
      );
      if (!row) return "missing";
      if (!tokenMatches(deleteToken, row.delete_token_hash)) return "wrong_token";
      if (row.revoked_at === null) {
        await tx.run("UPDATE snapshots SET revoked_at = ?, data = NULL, media_ids = '[]' WHERE id = ?", [Date.now(), id]);
        await tx.run("DELETE FROM media_pins WHERE snapshot_id = ?", [id]);
      }
      return "revoked";
    });
  }
}
