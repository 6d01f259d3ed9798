import "server-only";

import { first, type SqlDatabase } from "@/lib/server/db/sql";

// Logins with the password, kept on the server so that each has an end and logout ends it at once,
// on every instance. Rows are keyed by a hash of the cookie's nonce: the table opens no session.

export class SqlAccessSessions {
  constructor(private readonly db: SqlDatabase) {}

  /** Records a login; expired ones are swept on the way. */
  async create(nonceHash: string, now: number, expiresAt: number): Promise<void> {
    await this.db.run("DELETE FROM access_sessions WHERE expires_at <= ?", [now]);
    await this.db.run("INSERT INTO access_sessions (nonce_hash, created_at, expires_at) VALUES (?, ?, ?)", [nonceHash, now, expiresAt]);
  }

  async isLive(nonceHash: string, now: number): Promise<boolean> {
    return (
      (await first(this.db, "SELECT 1 AS live FROM access_sessions WHERE nonce_hash = ? AND expires_at > ?", [nonceHash, now])) !== null
    );
  }

  async revoke(nonceHash: string): Promise<void> {
    await this.db.run("DELETE FROM access_sessions WHERE nonce_hash = ?", [nonceHash]);
  }
}
