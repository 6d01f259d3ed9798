import "server-only";

import { placeholders, type SqlDatabase, type SqlExecutor, type SqlValue } from "@/lib/server/db/sql";

// The line of generation jobs lives in the database, so every instance sees one line and one cap.
// A job waits unclaimed (no runner); an instance claims the oldest waiting one of a backend only
// while fewer than the backend's cap are claimed, in one statement that no other instance interleaves.

/** Who claims a job and when (epoch ms). */
export interface QueueLease {
  runnerId: string;
  at: number;
}

export interface QueueCaps {
  /** Jobs waiting for the backend, over all clients. */
  backend: number;
  /** Jobs waiting of one client (owner), over all backends. */
  owner: number;
}

/** Why a job was not queued: which line is full, how long it is, and when a running job should end. */
export interface QueueFull {
  full: "backend" | "owner";
  waiting: number;
  /** Epoch ms of the soonest expected end of a job that would make room; null when unknown. */
  soonestEndAt: number | null;
}

const WAITING = "status = 'queued' AND runner_id IS NULL";
const CLAIMED = "status IN ('queued', 'running') AND runner_id IS NOT NULL";
/** Any fixed number: the key of the PostgreSQL advisory lock that serializes queue changes. */
const QUEUE_LOCK = 7_316_001;

/**
 * Runs `work`, whose writes are single statements, so that no two instances change the line at once:
 * SQLite runs each statement alone under its write lock; PostgreSQL adds a lock every instance takes.
 */
function withQueueLock<T>(db: SqlDatabase, work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  if (db.dialect === "sqlite") return work(db);
  return db.transaction(async (tx) => {
    await tx.all("SELECT pg_advisory_xact_lock(?)", [QUEUE_LOCK]);
    return work(tx);
  });
}

const count = async (db: SqlExecutor, sql: string, params: string[]) =>
  Number((await db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM generation_jobs WHERE ${sql}`, params))[0]?.n ?? 0);

/** Claims the backend's oldest waiting job unless `cap` of its jobs are claimed already; answers its id. */
export function claimNext(db: SqlDatabase, backendId: string, cap: number, lease: QueueLease): Promise<string | null> {
  return withQueueLock(db, async (tx) => {
    const rows = await tx.all<{ id: string }>(
      `UPDATE generation_jobs SET runner_id = ?, heartbeat_at = ?
       WHERE id = (SELECT id FROM generation_jobs WHERE backend_id = ? AND ${WAITING} ORDER BY created_at, id LIMIT 1)
         AND (SELECT COUNT(*) FROM generation_jobs WHERE backend_id = ? AND ${CLAIMED}) < ?
       RETURNING id`,
      [lease.runnerId, lease.at, backendId, backendId, cap],
    );
    return rows[0]?.id ?? null;
  });
}

/** Inserts the row (`columns` = `values`) unless the backend's or the owner's line is full; then says which. */
export async function enqueueWithin(
  db: SqlDatabase,
  job: { backendId: string; ownerId: string },
  caps: QueueCaps,
  row: { columns: string; values: SqlValue[] },
): Promise<QueueFull | null> {
  const inserted = await withQueueLock(db, (tx) =>
    tx.run(
      `INSERT INTO generation_jobs (${row.columns}) SELECT ${placeholders(row.values.length)}
       WHERE (SELECT COUNT(*) FROM generation_jobs WHERE backend_id = ? AND ${WAITING}) < ?
         AND (SELECT COUNT(*) FROM generation_jobs WHERE owner_id = ? AND ${WAITING}) < ?`,
      [...row.values, job.backendId, caps.backend, job.ownerId, caps.owner],
    ),
  );
  if (inserted > 0) return null;
  // Refused: what follows only words the answer, so it need not be read under the lock.
  const forBackend = await count(db, `backend_id = ? AND ${WAITING}`, [job.backendId]);
  if (forBackend >= caps.backend) {
    return { full: "backend", waiting: forBackend, soonestEndAt: await soonestEnd(db, "backend_id = ?", [job.backendId]) };
  }
  const ownerBackends = `backend_id IN (SELECT backend_id FROM generation_jobs WHERE owner_id = ? AND ${WAITING})`;
  const forOwner = await count(db, `owner_id = ? AND ${WAITING}`, [job.ownerId]);
  return { full: "owner", waiting: forOwner, soonestEndAt: await soonestEnd(db, ownerBackends, [job.ownerId]) };
}

async function soonestEnd(tx: SqlExecutor, where: string, params: string[]): Promise<number | null> {
  const rows = await tx.all<{ at: number | null }>(
    `SELECT MIN(started_at + expected_s * 1000) AS at FROM generation_jobs
     WHERE status = 'running' AND started_at IS NOT NULL AND expected_s IS NOT NULL AND ${where}`,
    params,
  );
  const at = rows[0]?.at;
  return at === null || at === undefined ? null : Number(at);
}

/** Each waiting job's place in its backend's line, 1 for the next to start. */
export async function waitingPositions(db: SqlExecutor, backendId?: string): Promise<Map<string, number>> {
  const rows = await db.all<{ id: string; backend_id: string }>(
    `SELECT id, backend_id FROM generation_jobs WHERE ${WAITING}${backendId ? " AND backend_id = ?" : ""} ORDER BY created_at, id`,
    backendId ? [backendId] : [],
  );
  const seen = new Map<string, number>();
  const positions = new Map<string, number>();
  for (const row of rows) {
    const place = (seen.get(row.backend_id) ?? 0) + 1;
    seen.set(row.backend_id, place);
    positions.set(row.id, place);
  }
  return positions;
}

/** The backends that have jobs waiting. */
export async function waitingBackends(db: SqlExecutor): Promise<string[]> {
  return (await db.all<{ backend_id: string }>(`SELECT DISTINCT backend_id FROM generation_jobs WHERE ${WAITING}`)).map(
    (row) => row.backend_id,
  );
}
