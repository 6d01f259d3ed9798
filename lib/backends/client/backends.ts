import type { BackendsResponse, BackendSummary } from "@/lib/backends/types";
import { errorFromResponse } from "@/lib/core/errors";

/** GET /api/backends; throws the API's typed error so react-query shows its sentence. */
export async function fetchBackends(signal?: AbortSignal): Promise<BackendsResponse> {
  const response = await fetch("/api/backends", { signal, headers: { accept: "application/json" } });
  if (!response.ok) throw await errorFromResponse(response);
  return (await response.json()) as BackendsResponse;
}

/** The playground page only talks to chat backends; generators get their own page. */
export function chatBackends(backends: readonly BackendSummary[]): BackendSummary[] {
  return backends.filter((b) => b.kind === "chat");
}

/** Keeps the person's choice while it still exists, else the first ready backend, else the first. */
export function pickBackend(backends: readonly BackendSummary[], chosenId: string | null): BackendSummary | null {
  const chosen = backends.find((b) => b.id === chosenId);
  if (chosen) return chosen;
  return backends.find((b) => b.status === "ready") ?? backends[0] ?? null;
}
