import "server-only";

import pg from "pg";

import { storableParams, type SqlDatabase, type SqlExecutor, type SqlValue } from "@/lib/server/db/sql";

// PostgreSQL when DATABASE_URL is set: a pool, `?` placeholders numbered for pg, and BIGINT
// (our epoch-ms timestamps and counts) read back as numbers rather than strings.

const INT8_OID = 20;
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

/** `a = ? AND b = ?` → `a = $1 AND b = $2`. Our statements never hold a literal `?`. */
function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function executorOf(client: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    all: async <Row>(sql: string, params: readonly SqlValue[] = []) =>
      (await client.query(numberPlaceholders(sql), storableParams(params))).rows as Row[],
    run: async (sql: string, params: readonly SqlValue[] = []) =>
      (await client.query(numberPlaceholders(sql), storableParams(params))).rowCount ?? 0,
  };
}

export function openPostgres(connectionString: string): SqlDatabase {
  const pool = new pg.Pool({ connectionString, types, max: 10, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection must not crash the server; the next query reconnects.
  pool.on("error", (error) => console.error("[playground] PostgreSQL connection lost:", error.message));
  const executor = executorOf(pool);
  return {
    dialect: "postgres",
    all: executor.all,
    run: executor.run,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(executorOf(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    withNative: (work) => work({ dialect: "postgres", pool }),
    close: () => pool.end(),
  };
}
