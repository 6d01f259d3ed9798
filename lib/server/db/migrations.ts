import "server-only";

import type { SqlDatabase, SqlExecutor } from "@/lib/server/db/sql";

// Numbered schema migrations, applied in order at first use and recorded in schema_migrations.
// The same DDL serves both dialects: TEXT for ids and JSON, BIGINT epoch milliseconds for times.
// Append new migrations; never edit one that has shipped.

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "conversations, snapshots, media, media_pins",
    statements: [
      `CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        owner_id TEXT NOT NULL,
        title TEXT NOT NULL,
        title_search TEXT NOT NULL,
        backend_id TEXT,
        revision INTEGER NOT NULL,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        data TEXT NOT NULL
      )`,
      `CREATE INDEX conversations_owner_updated ON conversations (owner_id, updated_at DESC)`,
      `CREATE TABLE snapshots (
        id TEXT PRIMARY KEY,
        delete_token_hash TEXT NOT NULL,
        title TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        revoked_at BIGINT,
        media_ids TEXT NOT NULL,
        data TEXT
      )`,
      `CREATE TABLE media (
        id TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        blob_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        mime TEXT NOT NULL,
        format TEXT NOT NULL,
        bytes BIGINT NOT NULL,
        width INTEGER,
        height INTEGER,
        duration_s DOUBLE PRECISION,
        fps DOUBLE PRECISION,
        codec TEXT,
        created_at TEXT NOT NULL
      )`,
      // RESTRICT: the database itself refuses to drop media that a shared session shows.
      `CREATE TABLE media_pins (
        snapshot_id TEXT NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
        media_id TEXT NOT NULL REFERENCES media (id) ON DELETE RESTRICT,
        PRIMARY KEY (snapshot_id, media_id)
      )`,
      `CREATE INDEX media_pins_media ON media_pins (media_id)`,
    ],
  },
  {
    version: 2,
    name: "generation_jobs",
    statements: [
      // request holds the resolved request as JSON; error_code/error the failure, if any.
      `CREATE TABLE generation_jobs (
        id TEXT PRIMARY KEY,
        owner_id TEXT NOT NULL,
        backend_id TEXT NOT NULL,
        mode TEXT NOT NULL,
        request TEXT NOT NULL,
        status TEXT NOT NULL,
        progress DOUBLE PRECISION,
        progress_source TEXT,
        error_code TEXT,
        error TEXT,
        result_media_id TEXT,
        result_kind TEXT,
        upstream_job_id TEXT,
        upsampled_prompt TEXT,
        seed BIGINT,
        note TEXT,
        work_units DOUBLE PRECISION NOT NULL,
        expected_s DOUBLE PRECISION,
        created_at BIGINT NOT NULL,
        started_at BIGINT,
        finished_at BIGINT,
        revision INTEGER NOT NULL
      )`,
      `CREATE INDEX generation_jobs_owner_created ON generation_jobs (owner_id, created_at DESC)`,
      `CREATE INDEX generation_jobs_backend_finished ON generation_jobs (backend_id, status, finished_at DESC)`,
      `CREATE INDEX generation_jobs_status ON generation_jobs (status)`,
    ],
  },
  {
    version: 3,
    name: "generation_jobs lease",
    statements: [
      // The instance running the job and when it last said so; NULL on rows from before.
      `ALTER TABLE generation_jobs ADD COLUMN runner_id TEXT`,
      `ALTER TABLE generation_jobs ADD COLUMN heartbeat_at BIGINT`,
    ],
  },
  {
    version: 4,
    name: "rate_limits, access_sessions, owners",
    statements: [
      // rate-limiter-flexible's own layout (its SQLite and PostgreSQL stores write it): key, points, expire.
      `CREATE TABLE rate_limits (key TEXT PRIMARY KEY, points INTEGER NOT NULL DEFAULT 0, expire BIGINT)`,
      `CREATE INDEX rate_limits_expire ON rate_limits (expire)`,
      // A login: the SHA-256 of its cookie's nonce, never the cookie itself.
      `CREATE TABLE access_sessions (nonce_hash TEXT PRIMARY KEY, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)`,
      `CREATE INDEX access_sessions_expires ON access_sessions (expires_at)`,
      // Owner ids the server issued; those already owning something were issued before this table.
      `CREATE TABLE owners (id TEXT PRIMARY KEY, created_at BIGINT NOT NULL)`,
      `INSERT INTO owners (id, created_at)
        SELECT owner_id, MIN(created_at) FROM (
          SELECT owner_id, created_at FROM conversations UNION ALL SELECT owner_id, created_at FROM generation_jobs
        ) known GROUP BY owner_id`,
    ],
  },
  {
    version: 5,
    name: "generation_jobs result_details",
    // JSON {action?, media?}: the actions a policy or inverse-dynamics job returned, and the result file's probed facts.
    statements: [`ALTER TABLE generation_jobs ADD COLUMN result_details TEXT`],
  },
];

const MIGRATION_LOCK = 7_215_001;

async function appliedVersions(tx: SqlExecutor): Promise<Set<number>> {
  const rows = await tx.all<{ version: number }>("SELECT version FROM schema_migrations");
  return new Set(rows.map((row) => Number(row.version)));
}

/** Applies what is missing, in one transaction; safe to run again and from two processes at once. */
export async function migrate(db: SqlDatabase, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return db.transaction(async (tx) => {
    // SQLite's BEGIN IMMEDIATE already serialises writers; PostgreSQL needs an explicit lock.
    if (db.dialect === "postgres") await tx.all("SELECT pg_advisory_xact_lock(?)", [MIGRATION_LOCK]);
    await tx.run(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
    );
    const applied = await appliedVersions(tx);
    const done: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements) await tx.run(statement);
      await tx.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", [
        migration.version,
        migration.name,
        Date.now(),
      ]);
      done.push(migration.version);
    }
    return done;
  });
}
