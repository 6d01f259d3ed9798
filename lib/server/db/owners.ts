import "server-only";

import { first, type SqlDatabase } from "@/lib/server/db/sql";

// The owner ids the server handed out. A cookie naming any other id is not an owner: the request
// gets a new id instead, so nobody can pick the id their saved chats are filed under.

export class SqlOwnerRegistry {
  constructor(private readonly db: SqlDatabase) {}

  async add(id: string, now: number): Promise<void> {
    await this.db.run("INSERT INTO owners (id, created_at) VALUES (?, ?)", [id, now]);
  }

  async exists(id: string): Promise<boolean> {
    return (await first(this.db, "SELECT 1 AS known FROM owners WHERE id = ?", [id])) !== null;
  }
}
