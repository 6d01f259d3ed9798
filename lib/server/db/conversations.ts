import "server-only";

import type { ConversationData, ConversationSummary, SavedConversation } from "@/lib/conversations/schema";
import { PlaygroundError } from "@/lib/core/errors";
import { checkSessionSize } from "@/lib/server/db/limits";
import { first, type SqlDatabase } from "@/lib/server/db/sql";
import { newId } from "@/lib/server/ids";

// Saved sessions, editable and private to the browser that made them (its owner id). Every change
// bumps `revision`; a save based on an older revision is refused so two tabs never silently
// overwrite each other.

export interface ConversationInput {
  title: string;
  backendId?: string | null;
  data: ConversationData;
}

export interface ConversationRepository {
  create(ownerId: string, input: ConversationInput): Promise<SavedConversation>;
  /** Null when it does not exist or belongs to another owner. */
  get(ownerId: string, id: string): Promise<SavedConversation | null>;
  /** Newest first; `query` matches a part of the title, ignoring case. */
  list(
    ownerId: string,
    options: { query?: string; limit: number; offset: number },
  ): Promise<{ conversations: ConversationSummary[]; total: number }>;
  save(
    ownerId: string,
    id: string,
    input: Partial<ConversationInput> & { data: ConversationData; revision: number },
  ): Promise<SavedConversation>;
  rename(ownerId: string, id: string, title: string, revision?: number): Promise<ConversationSummary>;
  /** False when there was nothing of this owner's to delete. */
  delete(ownerId: string, id: string): Promise<boolean>;
}

interface Row {
  id: string;
  title: string;
  backend_id: string | null;
  revision: number;
  created_at: number;
  updated_at: number;
  data?: string;
}

const SUMMARY_COLUMNS = "id, title, backend_id, revision, created_at, updated_at";

const toSummary = (row: Row): ConversationSummary => ({
  id: row.id,
  title: row.title,
  backendId: row.backend_id,
  revision: Number(row.revision),
  createdAt: new Date(Number(row.created_at)).toISOString(),
  updatedAt: new Date(Number(row.updated_at)).toISOString(),
});

const toConversation = (row: Row): SavedConversation => ({ ...toSummary(row), data: JSON.parse(row.data ?? "{}") as ConversationData });

/** LIKE pattern for "contains", with the wildcard characters of the text taken literally. */
const containsPattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

let lastStamp = 0;
/** Epoch ms that never repeat in this process, so "newest first" has no ties between quick saves. */
function nextStamp(): number {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return lastStamp;
}

export const conversationNotFound = () =>
  new PlaygroundError("not_found", "This saved session does not exist, or it was saved from another browser.");

export class SqlConversationRepository implements ConversationRepository {
  constructor(private readonly db: SqlDatabase) {}

  async create(ownerId: string, input: ConversationInput): Promise<SavedConversation> {
    const data = checkSessionSize(input.data);
    const now = nextStamp();
    const row = await first<Row>(
      this.db,
      `INSERT INTO conversations (id, owner_id, title, title_search, backend_id, revision, created_at, updated_at, data)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?) RETURNING ${SUMMARY_COLUMNS}, data`,
      [newId(), ownerId, input.title, input.title.toLowerCase(), input.backendId ?? null, now, now, data],
    );
    return toConversation(row!);
  }

  async get(ownerId: string, id: string): Promise<SavedConversation | null> {
    const row = await first<Row>(this.db, `SELECT ${SUMMARY_COLUMNS}, data FROM conversations WHERE id = ? AND owner_id = ?`, [
      id,
      ownerId,
    ]);
    return row ? toConversation(row) : null;
  }

  async list(ownerId: string, { query = "", limit, offset }: { query?: string; limit: number; offset: number }) {
    const where = `owner_id = ?${query ? " AND title_search LIKE ? ESCAPE '\\'" : ""}`;
    const params = query ? [ownerId, containsPattern(query)] : [ownerId];
    const rows = await this.db.all<Row>(
      `SELECT ${SUMMARY_COLUMNS} FROM conversations WHERE ${where} ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    const count = await first<{ total: number }>(this.db, `SELECT COUNT(*) AS total FROM conversations WHERE ${where}`, params);
    return { conversations: rows.map(toSummary), total: Number(count?.total ?? 0) };
  }

  async save(
    ownerId: string,
    id: string,
    input: Partial<ConversationInput> & { data: ConversationData; revision: number },
  ): Promise<SavedConversation> {
    const data = checkSessionSize(input.data);
    const title = input.title ?? null;
    const backendChanged = input.backendId !== undefined ? 1 : 0;
    // One conditional UPDATE: the revision check and the write cannot be split by another save.
    const row = await first<Row>(
      this.db,
      `UPDATE conversations SET data = ?, revision = revision + 1, updated_at = ?,
         title = COALESCE(?, title), title_search = COALESCE(?, title_search),
         backend_id = CASE WHEN ? = 1 THEN ? ELSE backend_id END
       WHERE id = ? AND owner_id = ? AND revision = ? RETURNING ${SUMMARY_COLUMNS}, data`,
      [data, nextStamp(), title, title?.toLowerCase() ?? null, backendChanged, input.backendId ?? null, id, ownerId, input.revision],
    );
    if (row) return toConversation(row);
    throw await this.whyNotWritten(ownerId, id, input.revision);
  }

  async rename(ownerId: string, id: string, title: string, revision?: number): Promise<ConversationSummary> {
    const row = await first<Row>(
      this.db,
      `UPDATE conversations SET title = ?, title_search = ?, revision = revision + 1, updated_at = ?
       WHERE id = ? AND owner_id = ? AND (? = 0 OR revision = ?) RETURNING ${SUMMARY_COLUMNS}`,
      [title, title.toLowerCase(), nextStamp(), id, ownerId, revision === undefined ? 0 : 1, revision ?? 0],
    );
    if (row) return toSummary(row);
    throw await this.whyNotWritten(ownerId, id, revision ?? 0);
  }

  async delete(ownerId: string, id: string): Promise<boolean> {
    return (await this.db.run("DELETE FROM conversations WHERE id = ? AND owner_id = ?", [id, ownerId])) > 0;
  }

  private async whyNotWritten(ownerId: string, id: string, revision: number): Promise<PlaygroundError> {
    const current = await first<{ revision: number }>(this.db, "SELECT revision FROM conversations WHERE id = ? AND owner_id = ?", [
      id,
      ownerId,
    ]);
    if (!current) return conversationNotFound();
    return new PlaygroundError(
      "conflict",
      `This session was changed elsewhere since you opened it (revision ${Number(current.revision)} is newer than your ${revision}); reload it, then make your change again.`,
    );
  }
}
