import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import pg from "pg";

import type { DatabaseLocation } from "@/lib/server/db/store";

import { startTestPostgres, type TestPostgres } from "./postgres";

// The two database drivers as the repository suite sees them: a fresh, empty database per call,
// and a way to hold the write lock from elsewhere (another process would) for a while.

export interface DriverCase {
  name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  freshLocation(): Promise<DatabaseLocation>;
  /** Resolves once another connection holds the write lock; `released` settles when it lets go. */
  holdWriteLock(location: DatabaseLocation, ms: number): Promise<{ released: Promise<void> }>;
}

const betterSqlite = createRequire(import.meta.url).resolve("better-sqlite3");

// A worker thread is a second connection that can block while this thread waits in SQLite's busy handler.
const LOCK_HOLDER = `
const { workerData, parentPort } = require("node:worker_threads");
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.exec("BEGIN IMMEDIATE");
parentPort.postMessage("locked");
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.ms);
db.exec("COMMIT");
db.close();
`;

export const sqliteCase: DriverCase = {
  name: "SQLite",
  start: async () => undefined,
  stop: async () => undefined,
  freshLocation: async () => ({ driver: "sqlite", file: path.join(mkdtempSync(path.join(tmpdir(), "playground-db-")), "playground.db") }),
  async holdWriteLock(location, ms) {
    if (location.driver !== "sqlite") throw new Error("not a SQLite location");
    const worker = new Worker(LOCK_HOLDER, { eval: true, workerData: { module: betterSqlite, file: location.file, ms } });
    const released = new Promise<void>((resolve, reject) => {
      worker.once("error", reject);
      worker.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`lock holder exited with ${code}`))));
    });
    await new Promise<void>((resolve, reject) => {
      worker.once("message", () => resolve());
      released.catch(reject);
    });
    return { released };
  },
};

let postgres: TestPostgres | null = null;

export const postgresCase: DriverCase = {
  name: "PostgreSQL",
  async start() {
    postgres = await startTestPostgres();
  },
  async stop() {
    await postgres?.stop();
    postgres = null;
  },
  async freshLocation() {
    if (!postgres) throw new Error("PostgreSQL did not start; see the error of the first test.");
    return { driver: "postgres", url: await postgres.newDatabase() };
  },
  async holdWriteLock(location, ms) {
    if (location.driver !== "postgres") throw new Error("not a PostgreSQL location");
    const client = new pg.Client({ connectionString: location.url });
    await client.connect();
    await client.query("BEGIN");
    await client.query("LOCK TABLE conversations, snapshots IN EXCLUSIVE MODE");
    const released = new Promise<void>((resolve) => setTimeout(resolve, ms)).then(async () => {
      await client.query("COMMIT");
      await client.end();
    });
    return { released };
  },
};
