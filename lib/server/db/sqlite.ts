import "server-only";

import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

import { storableParams, type SqlDatabase, type SqlExecutor, type SqlValue } from "@/lib/server/db/sql";

// The embedded default: one connection per process, WAL so readers never wait for the writer,
// and a busy timeout so a second process (or a worker) waits for the write lock instead of failing.

const BUSY_TIMEOUT_MS = 5_000;

export function openSqlite(file: string): SqlDatabase {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");

  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const executor: SqlExecutor = {
    all: async <Row>(sql: string, params: readonly SqlValue[] = []) => prepare(sql).all(...storableParams(params)) as Row[],
    run: async (sql: string, params: readonly SqlValue[] = []) => prepare(sql).run(...storableParams(params)).changes,
  };

  // One connection is shared by every request: a transaction spans awaits, so statements from
  // other requests must wait for it rather than slip into it.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  };

  return {
    dialect: "sqlite",
    all: (sql, params) => exclusive(() => executor.all(sql, params)),
    run: (sql, params) => exclusive(() => executor.run(sql, params)),
    transaction: (work) =>
      exclusive(async () => {
        // IMMEDIATE takes the write lock at once, so two writers never deadlock upgrading a read.
        prepare("BEGIN IMMEDIATE").run();
        try {
          const result = await work(executor);
          prepare("COMMIT").run();
          return result;
        } catch (error) {
          if (db.inTransaction) prepare("ROLLBACK").run();
          throw error;
        }
      }),
    withNative: (work) => exclusive(() => work({ dialect: "sqlite", database: db })),
    close: () => exclusive(async () => void db.close()),
  };
}
