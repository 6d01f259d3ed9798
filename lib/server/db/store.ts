import "server-only";

import path from "node:path";

import { PlaygroundError } from "@/lib/core/errors";
import { forgetProcessMemo, processMemo } from "@/lib/core/process-memo";
import type { MediaCatalog } from "@/lib/media/schema";
import type { Env } from "@/lib/server/client-address";
import { SqlAccessSessions } from "@/lib/server/db/access-sessions";
import { SqlConversationRepository, type ConversationRepository } from "@/lib/server/db/conversations";
import { SqlJobRepository, type JobRepository } from "@/lib/server/db/jobs";
import { SqlMediaCatalog } from "@/lib/server/db/media";
import { migrate } from "@/lib/server/db/migrations";
import { SqlOwnerRegistry } from "@/lib/server/db/owners";
import { openPostgres } from "@/lib/server/db/postgres";
import { SqlSnapshotRepository, type SnapshotRepository } from "@/lib/server/db/snapshots";
import type { SqlDatabase } from "@/lib/server/db/sql";
import { openSqlite } from "@/lib/server/db/sqlite";
import { readEnv } from "@/lib/server/env";

// The playground's database: SQLite in the data folder by default, PostgreSQL when DATABASE_URL
// is set. Opened once per process (and per location, so tests can point elsewhere), migrated
// before the first query.

export interface PlaygroundStore {
  readonly db: SqlDatabase;
  readonly conversations: ConversationRepository;
  readonly snapshots: SnapshotRepository;
  readonly media: SqlMediaCatalog;
  readonly jobs: JobRepository;
  readonly accessSessions: SqlAccessSessions;
  readonly owners: SqlOwnerRegistry;
  close(): Promise<void>;
}

export type DatabaseLocation = { driver: "sqlite"; file: string } | { driver: "postgres"; url: string };

/** Where the database is, from DATABASE_URL or PLAYGROUND_DATA_DIR (default ./data). */
export function databaseLocation(source: Env = process.env): DatabaseLocation {
  const env = readEnv(source);
  if (env.DATABASE_URL) return { driver: "postgres", url: env.DATABASE_URL };
  return { driver: "sqlite", file: path.resolve(env.PLAYGROUND_DATA_DIR, "playground.db") };
}

/** Opens and migrates; the caller closes. */
export async function openStore(location: DatabaseLocation): Promise<PlaygroundStore> {
  let db: SqlDatabase | null = null;
  try {
    db = location.driver === "postgres" ? openPostgres(location.url) : openSqlite(location.file);
    await migrate(db);
  } catch (error) {
    await db?.close().catch(() => undefined);
    throw unavailable(location, error);
  }
  return {
    db,
    conversations: new SqlConversationRepository(db),
    snapshots: new SqlSnapshotRepository(db),
    media: new SqlMediaCatalog(db),
    jobs: new SqlJobRepository(db),
    accessSessions: new SqlAccessSessions(db),
    owners: new SqlOwnerRegistry(db),
    close: () => db.close(),
  };
}

/** The URL may hold a password: the sentence names the variable, the log has the details. */
function unavailable(location: DatabaseLocation, error: unknown): PlaygroundError {
  console.error("[playground] cannot open the database:", error);
  return new PlaygroundError(
    "database_unavailable",
    location.driver === "postgres"
      ? "The playground cannot reach its PostgreSQL database (DATABASE_URL); is it running and reachable? The details are in the server log."
      : `The playground cannot open its SQLite database at ${location.file}; check that the data folder is writable. The details are in the server log.`,
  );
}

const locationKey = (location: DatabaseLocation) => (location.driver === "postgres" ? `pg:${location.url}` : `sqlite:${location.file}`);
/** The process's store for the configured location. */
export function playgroundStore(): Promise<PlaygroundStore> {
  const location = databaseLocation();
  const key = locationKey(location);
  const open = () => {
    const store = openStore(location);
    // A failed open (database down) is retried by the next request rather than remembered.
    store.catch(() => forgetProcessMemo("store", store));
    return store;
  };
  const closeOld = (old: Promise<PlaygroundStore>) => void old.then((store) => store.close()).catch(() => undefined);
  return processMemo("store", key, open, closeOld);
}

/** The media catalog of the configured database, usable before it is open. */
export function databaseMediaCatalog(): MediaCatalog {
  const catalog = async () => (await playgroundStore()).media;
  return {
    get: async (id) => (await catalog()).get(id),
    findBySha256: async (sha256) => (await catalog()).findBySha256(sha256),
    add: async (record) => (await catalog()).add(record),
    delete: async (id) => (await catalog()).delete(id),
  };
}
