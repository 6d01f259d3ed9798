import "server-only";

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

export interface SqlDatabase extends SqlExecutor {
  readonly dialect: Dialect;
  /** Runs `work` in one transaction that holds the write lock; rolls back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function first<Row>(db: SqlExecutor, sql: string, params?: readonly SqlValue[]): Promise<Row | null> {
  return (await db.all<Row>(sql, params))[0] ?? null;
}

/** "?, ?, ?" for an IN list. */
export const placeholders = (count: number) => Array.from({ length: count }, () => "?").join(", ");
