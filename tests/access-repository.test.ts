import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { SqlAccessSessions } from "@/lib/server/db/access-sessions";
import { SqlConversationRepository } from "@/lib/server/db/conversations";
import { migrate, MIGRATIONS } from "@/lib/server/db/migrations";
import { SqlOwnerRegistry } from "@/lib/server/db/owners";
import { openPostgres } from "@/lib/server/db/postgres";
import type { SqlDatabase } from "@/lib/server/db/sql";
import { openSqlite } from "@/lib/server/db/sqlite";
import type { DatabaseLocation } from "@/lib/server/db/store";
import { newOwnerId } from "@/lib/server/owner";

import { postgresCase, sqliteCase } from "./support/database-drivers";

// Logins and owner ids kept by the server, on both drivers.

const open = (location: DatabaseLocation): SqlDatabase =>
  location.driver === "postgres" ? openPostgres(location.url) : openSqlite(location.file);

describe.each([sqliteCase, postgresCase])("$name logins and owners", (driver) => {
  let db: SqlDatabase;

  beforeAll(async () => {
    await driver.start();
    db = open(await driver.freshLocation());
    await migrate(db);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await driver.stop();
  });

  it("a login lives until its expiry or its logout", async () => {
    const sessions = new SqlAccessSessions(db);
    await sessions.create("hash-a", 1_000, 5_000);
    await sessions.create("hash-b", 1_000, 5_000);
    expect(await sessions.isLive("hash-a", 4_999)).toBe(true);
    expect(await sessions.isLive("hash-a", 5_000)).toBe(false);
    expect(await sessions.isLive("hash-unknown", 2_000)).toBe(false);
    await sessions.revoke("hash-b");
    expect(await sessions.isLive("hash-b", 2_000)).toBe(false);
    // Expired logins are swept when the next one is made.
    await sessions.create("hash-c", 6_000, 9_000);
    expect(await db.all("SELECT nonce_hash FROM access_sessions ORDER BY nonce_hash")).toEqual([{ nonce_hash: "hash-c" }]);
  });

  it("knows the owner ids it issued, and those that owned saved chats before it kept a list", async () => {
    const before = open(await driver.freshLocation());
    try {
      await migrate(
        before,
        MIGRATIONS.filter((migration) => migration.version <= 3),
      );
      const earlier = newOwnerId();
      await new SqlConversationRepository(before).create(earlier, { title: "From before", data: {} });
      await migrate(before);
      const owners = new SqlOwnerRegistry(before);
      expect(await owners.exists(earlier)).toBe(true);
      const issued = newOwnerId();
      expect(await owners.exists(issued)).toBe(false);
      await owners.add(issued, Date.now());
      expect(await owners.exists(issued)).toBe(true);
    } finally {
      await before.close();
    }
  });
});
