import { errorFromResponse } from "@/lib/core/errors";
import type { GenerationJobList, GenerationJobView, GenerationRequest, JobStatus } from "@/lib/generation/schema";

// The browser's side of /api/generations. Failures come back as the API's typed errors, so a 400
// shows the server's sentence.

const JSON_HEADERS = { "content-type": "application/json", accept: "application/json" };

async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, { ...init, headers: { ...JSON_HEADERS, ...init.headers } });
  if (!response.ok) throw await errorFromResponse(response);
  return (await response.json()) as T;
}

const jobUrl = (id: string) => `/api/generations/${encodeURIComponent(id)}`;

/** How many of this browser's jobs the page shows. */
const JOB_LIST_LIMIT = 50;

export function createGeneration(request: GenerationRequest): Promise<GenerationJobView> {
  return call("/api/generations", { method: "POST", body: JSON.stringify(request) });
}

export function getGeneration(id: string, signal?: AbortSignal): Promise<GenerationJobView> {
  return call(jobUrl(id), { signal });
}

export function cancelGeneration(id: string): Promise<GenerationJobView> {
  return call(jobUrl(id), { method: "DELETE" });
}

export async function listGenerations(limit = JOB_LIST_LIMIT, signal?: AbortSignal): Promise<GenerationJobView[]> {
  return (await call<GenerationJobList>(`/api/generations?limit=${limit}`, { signal })).jobs;
}

export const isActive = (status: JobStatus): boolean => status === "queued" || status === "running";

/** Seconds left by the server's estimate, or null when it has none. */
export function remainingSeconds(job: GenerationJobView): number | null {
  if (job.status !== "running" || job.estimatedTotalS === undefined) return null;
  return Math.max(0, job.estimatedTotalS - job.elapsedS);
}

/** 4.2 s, 1:05, 12:00 — the queue's clock. */
export function formatClock(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "–";
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}
