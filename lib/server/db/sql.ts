import "server-only";

import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";

// The little SQL the repositories need, over either driver. Statements use `?` placeholders;
// the PostgreSQL driver numbers them. Values are strings, numbers or null (no booleans: SQLite has none).

export type SqlValue = string | number | null;
export type Dialect = "sqlite" | "postgres";

export interface SqlExecutor {
  /** The rows of a query (or of a statement with RETURNING). */
  all<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Runs a statement; answers how many rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

/** The driver's own client, for a library that speaks to it directly (rate-limiter-flexible). */
export type NativeClient = { dialect: "sqlite"; database: BetterSqlite3.Database } | { dialect: "postgres"; pool: pg.Pool };

export interface SqlDatabase extends SqlExecutor {
  readonly dialect: Dialect;
  /** Runs `work` in one transaction that holds the write lock; rolls back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Runs `work` with the driver's client; on SQLite in turn with every other statement, never inside a transaction. */
  withNative<T>(work: (client: NativeClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PostgreSQL text cannot hold NUL and no text the playground keeps needs it: both drivers drop it. */
export function storableParams(params: readonly SqlValue[]): SqlValue[] {
  return params.map((value) => (typeof value === "string" && value.includes("\u0000") ? value.replaceAll("\u0000", "") : value));
}

export async function first<Row>(db: SqlExecutor, sql: string, params?: readonly SqlValue[]): Promise<Row | null> {
  return (await db.all<Row>(sql, params))[0] ?? null;
}

/** "?, ?, ?" for an IN list. */
export const placeholders = (count: number) => Array.from({ length: count }, () => "?").join(", ");
