import "server-only";

import { RATE_HISTORY, runRate } from "@/lib/generation/estimate";
import { applyJobEvent, recoverAfterRestart, type GenerationJob, type JobEvent } from "@/lib/generation/job-state";
import type { ActionResult, GenerationRequest, JobStatus, ProgressSource, ResultMediaFacts } from "@/lib/generation/schema";
import {
  claimNext,
  enqueueWithin,
  waitingBackends,
  waitingPositions,
  type QueueCaps,
  type QueueFull,
  type QueueLease,
} from "@/lib/server/db/job-queue";
import { first, placeholders, type SqlDatabase, type SqlExecutor } from "@/lib/server/db/sql";

// Generation jobs in the database. Every change goes through the state machine (lib/generation/job-state.ts)
// and is written only if nobody changed the row since it was read (its revision), so a cancel and
// a finishing run cannot both win. A job is leased to the instance running it, which renews the
// lease while it runs; only jobs whose lease ran out are failed as interrupted.

/** Who runs a job and when it last said so (epoch ms). */
export type JobLease = QueueLease;

export interface JobRepository {
  /** Without a lease the job counts as abandoned, like the rows from before leases. */
  create(job: GenerationJob, lease?: JobLease): Promise<GenerationJob>;
  /** Stores a waiting job, unclaimed, unless the backend's or the owner's line is full: then says which. */
  enqueue(job: GenerationJob, caps: QueueCaps): Promise<QueueFull | null>;
  /** Claims the backend's oldest waiting job for the runner while fewer than `cap` are claimed: atomic across instances. */
  claimNext(backendId: string, cap: number, lease: JobLease): Promise<GenerationJob | null>;
  /** Each waiting job's place in its backend's line (1 = next). */
  waitingPositions(backendId?: string): Promise<Map<string, number>>;
  /** The backends with jobs waiting. */
  waitingBackends(): Promise<string[]>;
  get(id: string): Promise<GenerationJob | null>;
  /** Newest first. */
  list(ownerId: string, options: { backendId?: string; limit: number }): Promise<GenerationJob[]>;
  /** The job after the event; null when there is no such job. Throws JobTransitionError when illegal. */
  apply(id: string, event: JobEvent): Promise<GenerationJob | null>;
  /** Fails the claimed or running jobs last renewed before `staleBefore` (or never). Returns them. */
  recoverInterrupted(at: number, staleBefore: number): Promise<GenerationJob[]>;
  /** Renews the runner's unfinished jobs among `ids`; answers those renewed (the others have ended). */
  renewLeases(runnerId: string, ids: readonly string[], at: number): Promise<string[]>;
  /** Seconds per work unit of the backend's latest successful runs, newest first. */
  recentRates(backendId: string, limit?: number): Promise<number[]>;
}

interface Row {
  id: string;
  owner_id: string;
  backend_id: string;
  mode: GenerationJob["mode"];
  request: string;
  status: JobStatus;
  progress: number | null;
  progress_source: ProgressSource | null;
  error_code: string | null;
  error: string | null;
  result_media_id: string | null;
  result_kind: GenerationJob["resultKind"];
  result_details: string | null;
  upstream_job_id: string | null;
  upsampled_prompt: string | null;
  seed: number | null;
  note: string | null;
  work_units: number;
  expected_s: number | null;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  revision: number;
}

const COLUMNS =
  "id, owner_id, backend_id, mode, request, status, progress, progress_source, error_code, error, result_media_id, result_kind, result_details, " +
  "upstream_job_id, upsampled_prompt, seed, note, work_units, expected_s, created_at, started_at, finished_at, revision";

const num = (value: number | null) => (value === null ? null : Number(value));

/** The result's actions and probed facts share one JSON column. */
function details(json: string | null): Pick<GenerationJob, "resultAction" | "resultMedia"> {
  const parsed = json === null ? {} : (JSON.parse(json) as { action?: ActionResult; media?: ResultMediaFacts });
  return { resultAction: parsed.action ?? null, resultMedia: parsed.media ?? null };
}

function detailsJson(job: GenerationJob): string | null {
  if (!job.resultAction && !job.resultMedia) return null;
  return JSON.stringify({
    ...(job.resultAction ? { action: job.resultAction } : {}),
    ...(job.resultMedia ? { media: job.resultMedia } : {}),
  });
}

const DEFAULTED = "$defaulted";

/** The request column also marks the fields filled in from defaults; older rows hold the request alone. */
function requestOf(json: string): Pick<GenerationJob, "request" | "defaulted"> {
  const { [DEFAULTED]: defaulted, ...request } = JSON.parse(json) as GenerationRequest & { [DEFAULTED]?: GenerationJob["defaulted"] };
  return { request, ...(defaulted ? { defaulted } : {}) };
}

function toJob(row: Row): GenerationJob {
  return {
    id: row.id,
    ownerId: row.owner_id,
    backendId: row.backend_id,
    mode: row.mode,
    ...requestOf(row.request),
    status: row.status,
    progress: num(row.progress),
    progressSource: row.progress_source,
    error: row.error_code !== null ? { code: row.error_code, message: row.error ?? "" } : null,
    resultMediaId: row.result_media_id,
    resultKind: row.result_kind,
    ...details(row.result_details),
    upstreamJobId: row.upstream_job_id,
    upsampledPrompt: row.upsampled_prompt,
    seed: num(row.seed),
    note: row.note,
    workUnits: Number(row.work_units),
    expectedS: num(row.expected_s),
    createdAt: Number(row.created_at),
    startedAt: num(row.started_at),
    finishedAt: num(row.finished_at),
    revision: Number(row.revision),
  };
}

/** The values of COLUMNS, in order. */
function toValues(job: GenerationJob) {
  return [
    job.id,
    job.ownerId,
    job.backendId,
    job.mode,
    JSON.stringify(job.defaulted ? { ...job.request, [DEFAULTED]: job.defaulted } : job.request),
    job.status,
    job.progress,
    job.progressSource,
    job.error?.code ?? null,
    job.error?.message ?? null,
    job.resultMediaId,
    job.resultKind,
    detailsJson(job),
    job.upstreamJobId,
    job.upsampledPrompt,
    job.seed,
    job.note,
    job.workUnits,
    job.expectedS,
    job.createdAt,
    job.startedAt,
    job.finishedAt,
    job.revision,
  ];
}

const MAX_WRITE_ATTEMPTS = 8;
/** Ids per renewing UPDATE, well below either driver's limit on parameters. */
const RENEW_BATCH = 500;
// A waiting job (queued, no runner) is nobody's to renew: it waits for a claim, not a lease.
const LEASE_OUT = "(runner_id IS NOT NULL OR status = 'running') AND (heartbeat_at IS NULL OR heartbeat_at < ?)";

export class SqlJobRepository implements JobRepository {
  constructor(private readonly db: SqlDatabase) {}

  async create(job: GenerationJob, lease?: JobLease): Promise<GenerationJob> {
    await this.insert(this.db, job, lease);
    return job;
  }

  enqueue(job: GenerationJob, caps: QueueCaps): Promise<QueueFull | null> {
    return enqueueWithin(this.db, job, caps, { columns: `${COLUMNS}, runner_id, heartbeat_at`, values: [...toValues(job), null, null] });
  }

  async claimNext(backendId: string, cap: number, lease: JobLease): Promise<GenerationJob | null> {
    const id = await claimNext(this.db, backendId, cap, lease);
    return id === null ? null : this.get(id);
  }

  waitingPositions(backendId?: string): Promise<Map<string, number>> {
    return waitingPositions(this.db, backendId);
  }

  waitingBackends(): Promise<string[]> {
    return waitingBackends(this.db);
  }

  private async insert(db: SqlExecutor, job: GenerationJob, lease?: JobLease): Promise<void> {
    const values = [...toValues(job), lease?.runnerId ?? null, lease?.at ?? null];
    await db.run(`INSERT INTO generation_jobs (${COLUMNS}, runner_id, heartbeat_at) VALUES (${placeholders(values.length)})`, values);
  }

  async get(id: string): Promise<GenerationJob | null> {
    const row = await first<Row>(this.db, `SELECT ${COLUMNS} FROM generation_jobs WHERE id = ?`, [id]);
    return row ? toJob(row) : null;
  }

  async list(ownerId: string, { backendId, limit }: { backendId?: string; limit: number }): Promise<GenerationJob[]> {
    const rows = await this.db.all<Row>(
      `SELECT ${COLUMNS} FROM generation_jobs WHERE owner_id = ?${backendId ? " AND backend_id = ?" : ""} ORDER BY created_at DESC, id DESC LIMIT ?`,
      backendId ? [ownerId, backendId, limit] : [ownerId, limit],
    );
    return rows.map(toJob);
  }

  async apply(id: string, event: JobEvent): Promise<GenerationJob | null> {
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
      const current = await this.get(id);
      if (!current) return null;
      const next = applyJobEvent(current, event);
      if (await this.write(next, current.revision)) return next;
    }
    throw new Error(`Job ${id} kept changing under ${MAX_WRITE_ATTEMPTS} attempts to write '${event.type}'.`);
  }

  async recoverInterrupted(at: number, staleBefore: number): Promise<GenerationJob[]> {
    const rows = await this.db.all<Row>(`SELECT ${COLUMNS} FROM generation_jobs WHERE status IN ('queued', 'running') AND ${LEASE_OUT}`, [
      staleBefore,
    ]);
    const failed: GenerationJob[] = [];
    for (const job of rows.map(toJob)) {
      const next = recoverAfterRestart(job, at);
      if (next && (await this.write(next, job.revision, staleBefore))) failed.push(next);
    }
    return failed;
  }

  async renewLeases(runnerId: string, ids: readonly string[], at: number): Promise<string[]> {
    const renewed: string[] = [];
    for (let start = 0; start < ids.length; start += RENEW_BATCH) {
      const batch = ids.slice(start, start + RENEW_BATCH);
      const rows = await this.db.all<{ id: string }>(
        `UPDATE generation_jobs SET heartbeat_at = ?
         WHERE runner_id = ? AND status IN ('queued', 'running') AND id IN (${placeholders(batch.length)}) RETURNING id`,
        [at, runnerId, ...batch],
      );
      renewed.push(...rows.map((row) => row.id));
    }
    return renewed;
  }

  async recentRates(backendId: string, limit = RATE_HISTORY): Promise<number[]> {
    const rows = await this.db.all<{ started_at: number; finished_at: number; work_units: number }>(
      `SELECT started_at, finished_at, work_units FROM generation_jobs
       WHERE backend_id = ? AND status = 'succeeded' AND started_at IS NOT NULL AND finished_at IS NOT NULL
       ORDER BY finished_at DESC LIMIT ?`,
      [backendId, limit],
    );
    return rows
      .map((row) => runRate((Number(row.finished_at) - Number(row.started_at)) / 1000, Number(row.work_units)))
      .filter((rate): rate is number => rate !== null);
  }

  /**
   * Writes the whole row if it is still at `revision`; false when someone else changed it first.
   * With `staleBefore`, only while the lease is still out: a heartbeat landing meanwhile wins.
   */
  private async write(job: GenerationJob, revision: number, staleBefore?: number): Promise<boolean> {
    const [, ...values] = toValues(job);
    const assignments = COLUMNS.split(", ")
      .slice(1)
      .map((column) => `${column} = ?`)
      .join(", ");
    const [lease, leaseParams] = staleBefore === undefined ? ["", []] : [` AND ${LEASE_OUT}`, [staleBefore]];
    const sql = `UPDATE generation_jobs SET ${assignments} WHERE id = ? AND revision = ?${lease}`;
    return (await this.db.run(sql, [...values, job.id, revision, ...leaseParams])) > 0;
  }
}
