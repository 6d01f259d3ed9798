import "server-only";

import { coordinateConvention } from "@/lib/backends/coordinates";
import { FAMILY_INFO } from "@/lib/backends/families";
import { authHeaders, listBackends, unreachableMessage, type Backend } from "@/lib/backends/server/backends";
import { CheckCache } from "@/lib/backends/server/check-cache";
import { generationSummary } from "@/lib/backends/server/generator-contract";
import { errorForStatus } from "@/lib/backends/server/upstream-errors";
import { fetchWithin, limitReached, secondsOf } from "@/lib/backends/server/upstream-fetch";
import type { BackendStatus, BackendSummary } from "@/lib/backends/types";
import { PlaygroundError } from "@/lib/core/errors";

// Live status of each backend, checked through /v1/health/ready and /v1/models. Results are
// cached briefly and refreshed in the background, so listing backends never waits long.

const FRESH_MS = 5_000;
const CHECK_TIMEOUT_MS = 2_500;

interface Check {
  status: BackendStatus;
  statusMessage?: string;
  model: string | null;
  at: number;
}

const checks = new CheckCache<Check>("backend-checks");

/** A readiness check ran out of its time: the server may be busy, it is not proven unreachable. */
class CheckTimedOut extends Error {}

// A status check is kept short so listing backends never waits long; a model lookup for a chat
// waits as long as the chat would (the backend's timeoutMs).
const checkLimitMs = (backend: Backend) => Math.min(CHECK_TIMEOUT_MS, backend.timeoutMs);

async function fetchWithTimeout(url: string, backend: Backend, limitMs = checkLimitMs(backend)): Promise<Response> {
  const init = { headers: { Accept: "application/json", ...authHeaders(backend) }, cache: "no-store" } as const;
  return fetchWithin(url, init, limitMs, () => new CheckTimedOut());
}

async function firstModelId(backend: Backend, limitMs?: number): Promise<{ model: string | null; response: Response }> {
  const response = await fetchWithTimeout(`${backend.baseUrl}/models`, backend, limitMs);
  if (!response.ok) return { model: null, response };
  const body = (await response.json().catch(() => null)) as { data?: { id?: unknown }[] } | null;
  const id = body?.data?.[0]?.id;
  return { model: typeof id === "string" ? id : null, response };
}

async function runCheck(backend: Backend): Promise<Check> {
  const at = Date.now();
  const model = backend.model ?? null;
  if (backend.apiKeyEnv && !process.env[backend.apiKeyEnv]) {
    return { status: "error", model, at, statusMessage: `The environment variable ${backend.apiKeyEnv} (apiKeyEnv) is not set.` };
  }
  try {
    const health = await fetchWithTimeout(`${backend.baseUrl}/health/ready`, backend);
    await health.body?.cancel();
    if (health.status === 503)
      return { status: "error", model, at, statusMessage: errorForStatus(backend, 503, "loading the model", health.headers).message };
    if (health.ok && backend.model) return { status: "ready", model, at };
    // Hosted endpoints have no health route: a working /models is proof enough.
    const models = await firstModelId(backend);
    if (models.response.ok) return { status: "ready", model: backend.model ?? models.model, at };
    const keyRefused = models.response.status === 401 || models.response.status === 403;
    if (health.ok && !keyRefused) return { status: "ready", model, at };
    const refused = keyRefused ? models.response : health;
    return { status: "error", model, at, statusMessage: errorForStatus(backend, refused.status, null, refused.headers).message };
  } catch (error) {
    if (error instanceof CheckTimedOut) {
      const within = secondsOf(checkLimitMs(backend));
      return {
        status: "error",
        model,
        at,
        statusMessage: `Backend '${backend.id}' did not answer its readiness check within ${within}; it may be busy.`,
      };
    }
    if (error instanceof PlaygroundError) return { status: "error", model, at, statusMessage: error.message };
    return { status: "unreachable", model, at, statusMessage: unreachableMessage(backend) };
  }
}

/** The last check, refreshed when stale; a stale result is answered at once while it refreshes. */
export async function checkBackend(backend: Backend): Promise<Check> {
  return checks.get(
    backend.id,
    () => FRESH_MS,
    () => runCheck(backend),
  );
}

export async function summarizeBackends(): Promise<BackendSummary[]> {
  const backends = await listBackends();
  return Promise.all(
    backends.map(async (backend) => {
      const check = await checkBackend(backend);
      const info = FAMILY_INFO[backend.family];
      const generation = await generationSummary(backend);
      return {
        id: backend.id,
        label: backend.label,
        kind: backend.kind,
        family: backend.kind === "chat" ? backend.family : null,
        ...(backend.generationFamily ? { generationFamily: backend.generationFamily } : {}),
        ...(generation ? { generation } : {}),
        model: backend.model ?? check.model,
        simulated: backend.simulated,
        status: check.status,
        ...(check.statusMessage ? { statusMessage: check.statusMessage } : {}),
        capabilities: {
          chat: backend.kind === "chat",
          reasoningSwitch: info.reasoningSwitch,
          reasoningWithVideo: info.reasoningWithVideo,
          maxImages: info.maxImages,
          maxVideos: info.maxVideos,
          maxInlineImageBytes: backend.maxInlineImageBytes ?? null,
          ...(backend.kind === "chat" ? { coordinates: backend.coordinates ?? coordinateConvention(backend.family) } : {}),
        },
      };
    }),
  );
}

/** The model name to send: the configured one, else the first id of GET /v1/models. */
export async function resolveModel(backend: Backend): Promise<string> {
  if (backend.model) return backend.model;
  const cached = checks.last(backend.id)?.model;
  if (cached) return cached;
  try {
    const { model, response } = await firstModelId(backend, backend.timeoutMs);
    if (model) return model;
    throw new PlaygroundError(
      "upstream_error",
      `Backend '${backend.id}' lists no model at GET /v1/models (it answered ${response.status}); set "model" in the configuration.`,
    );
  } catch (error) {
    if (error instanceof PlaygroundError) throw error;
    if (error instanceof CheckTimedOut) throw limitReached(backend, "start", "it was asked for its model at GET /v1/models.");
    throw new PlaygroundError("backend_unreachable", unreachableMessage(backend));
  }
}
