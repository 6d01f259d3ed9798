import "server-only";
import { PlaygroundError } from "@/lib/errors";
import type { BackendKind, Family } from "@/lib/families";
import { getConfig } from "@/lib/server/config";
import { simulatorTokensPerSecond } from "@/lib/server/config-schema";
import { SIMULATED_MODELS } from "@/lib/server/simulated-models";
import { ensureSimulator } from "@/lib/server/simulator-host";

/** A backend as the server uses it: configured or simulated, with its base URL resolved. */
export interface Backend {
  id: string;
  label: string;
  kind: BackendKind;
  family: Family;
  baseUrl: string;
  model?: string;
  apiKeyEnv?: string;
  authScheme: "bearer" | "raw";
  timeoutMs: number;
  idleTimeoutMs: number;
  maxInlineImageBytes?: number;
  simulated: boolean;
}

export async function listBackends(): Promise<Backend[]> {
  const config = getConfig();
  const configured: Backend[] = config.backends.map((b) => ({
    ...b,
    family: b.family ?? "generic",
    simulated: false,
  }));
  const tokensPerSecond = simulatorTokensPerSecond(config);
  if (tokensPerSecond === null) return configured;
  const simulator = await ensureSimulator(tokensPerSecond);
  const simulated: Backend[] = SIMULATED_MODELS.map((m) => ({
    id: `sim-${m.slug}`,
    label: m.label,
    kind: "chat",
    family: m.family,
    baseUrl: `${simulator.url}/${m.slug}/v1`,
    model: m.model,
    authScheme: "bearer",
    timeoutMs: 60_000,
    idleTimeoutMs: 60_000,
    simulated: true,
  }));
  return [...simulated, ...configured];
}

export async function getBackend(id: string): Promise<Backend> {
  const backend = (await listBackends()).find((b) => b.id === id);
  if (!backend) {
    throw new PlaygroundError("backend_not_found", `There is no backend '${id}'. Pick one from GET /api/backends.`);
  }
  return backend;
}

/** The headers that authenticate to a backend. The key is read here and nowhere else. */
export function authHeaders(backend: Backend): Record<string, string> {
  if (!backend.apiKeyEnv) return {};
  const key = process.env[backend.apiKeyEnv];
  if (!key) return {};
  return { Authorization: backend.authScheme === "raw" ? key : `Bearer ${key}` };
}

export function unreachableMessage(backend: Backend): string {
  return backend.simulated
    ? `The built-in simulator for '${backend.label}' is not answering. Restart the playground.`
    : `Backend '${backend.id}' is not reachable at ${backend.baseUrl} — is the NIM container running?`;
}
