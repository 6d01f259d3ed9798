import "server-only";

import type { CoordinateConvention } from "@/lib/backends/coordinates";
import type { BackendKind, Family } from "@/lib/backends/families";
import { defaultGenerationFamily, type GenerationFamily, type GeneratorContract } from "@/lib/backends/generation-families";
import { getConfig } from "@/lib/backends/server/config";
import { simulatorGenerationSeconds, simulatorTokensPerSecond, type BackendConfig } from "@/lib/backends/server/config-schema";
import { PlaygroundError } from "@/lib/core/errors";
import { readEnv } from "@/lib/server/env";
import { ensureSimulator } from "@/lib/simulator/host";
import { SIMULATED_GENERATORS, SIMULATED_MODELS } from "@/lib/simulator/models";

/** A backend as the server uses it: configured or simulated, with its base URL resolved. */
export interface Backend {
  id: string;
  label: string;
  kind: BackendKind;
  /** The chat family; "generic" for generation backends. */
  family: Family;
  /** predict / omni backends only. */
  generationFamily: GenerationFamily | null;
  /** cosmos3-wfm: the /v1/infer contract the configuration pins; absent, it is detected. */
  contract?: GeneratorContract;
  baseUrl: string;
  model?: string;
  apiKeyEnv?: string;
  authScheme: "bearer" | "raw";
  timeoutMs: number;
  idleTimeoutMs: number;
  maxInlineImageBytes?: number;
  /** Chat: how the model writes points and boxes, when the configuration says. */
  coordinates?: CoordinateConvention;
  /** chat: how stored media reach the model server (config-schema.ts). */
  mediaTransport?: "inline" | "url";
  publicBaseUrl?: string;
  maxConcurrentJobs: number;
  /** Jobs that may wait for this backend, over all clients and instances. */
  maxQueuedJobs: number;
  pollIntervalMs: number;
  /** How long a generation takes before any was measured (the simulator's fixed time). */
  nominalJobSeconds?: number;
  simulated: boolean;
}

function fromConfig(b: BackendConfig): Backend {
  const { family, ...rest } = b;
  if (b.kind === "chat") return { ...rest, family: (family as Family | undefined) ?? "generic", generationFamily: null, simulated: false };
  const generationFamily = (family as GenerationFamily | undefined) ?? defaultGenerationFamily(b.kind);
  return { ...rest, family: "generic", generationFamily, simulated: false };
}

export async function listBackends(): Promise<Backend[]> {
  const config = getConfig();
  const configured = config.backends.map(fromConfig);
  const env = readEnv();
  const tokensPerSecond = simulatorTokensPerSecond(config, env.SIMULATOR_TOKENS_PER_SECOND);
  const generationSeconds = simulatorGenerationSeconds(config, env.SIMULATOR_GENERATION_SECONDS);
  if (tokensPerSecond === null || generationSeconds === null) return configured;
  const simulator = await ensureSimulator(tokensPerSecond, generationSeconds);
  const common = {
    authScheme: "bearer",
    timeoutMs: 60_000,
    idleTimeoutMs: 60_000,
    maxConcurrentJobs: 1,
    maxQueuedJobs: 50,
    simulated: true,
  } as const;
  const chat: Backend[] = SIMULATED_MODELS.map((m) => ({
    ...common,
    id: `sim-${m.slug}`,
    label: m.label,
    kind: "chat",
    family: m.family,
    generationFamily: null,
    baseUrl: `${simulator.url}/${m.slug}/v1`,
    model: m.model,
    pollIntervalMs: 2000,
  }));
  const generators: Backend[] = SIMULATED_GENERATORS.map((g) => ({
    ...common,
    id: `sim-${g.slug}`,
    label: g.label,
    kind: g.kind,
    family: "generic",
    generationFamily: g.family,
    baseUrl: `${simulator.url}/${g.slug}/v1`,
    model: g.model,
    timeoutMs: Math.max(60_000, simulator.generationSeconds * 3000),
    // About ten looks per simulated run, so the bar moves smoothly.
    pollIntervalMs: Math.min(1000, Math.max(20, Math.round(simulator.generationSeconds * 100))),
    nominalJobSeconds: simulator.generationSeconds,
  }));
  return [...chat, ...generators, ...configured];
}

export async function getBackend(id: string): Promise<Backend> {
  const backend = (await listBackends()).find((b) => b.id === id);
  if (!backend) {
    throw new PlaygroundError("backend_not_found", `There is no backend '${id}'. Pick one from GET /api/backends.`);
  }
  return backend;
}

/** The key is read here and nowhere else. */
const backendKey = (backend: Backend): string | null => (backend.apiKeyEnv && process.env[backend.apiKeyEnv]) || null;

/** The headers that authenticate to a backend. */
export function authHeaders(backend: Backend): Record<string, string> {
  const key = backendKey(backend);
  if (!key) return {};
  return { Authorization: backend.authScheme === "raw" ? key : `Bearer ${key}` };
}

export function unreachableMessage(backend: Backend): string {
  return backend.simulated
    ? `The built-in simulator for '${backend.label}' is not answering. Restart the playground.`
    : `Backend '${backend.id}' is not reachable at ${backend.baseUrl} — is the NIM container running?`;
}
