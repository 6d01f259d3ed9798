import "server-only";

import {
  contractFromOpenApi,
  contractFromVersion,
  contractNote,
  profileModes,
  type ContractSource,
} from "@/lib/backends/generation-contracts";
import { generationProfile, type GenerationProfile, type GeneratorContract } from "@/lib/backends/generation-families";
import { authHeaders, type Backend } from "@/lib/backends/server/backends";
import { CheckCache } from "@/lib/backends/server/check-cache";
import type { GenerationSummary } from "@/lib/backends/types";

// Which contract a Cosmos3 generator NIM backend speaks: pinned by its configuration, else read
// from the server's GET /openapi.json, else its GET /v1/version, else the released 1.0.0. Checked
// with the backend's status and cached; a stale answer is served while a fresh one is read.

const FRESH_MS = 30_000;
/** A guess made while the server could not be read is retried sooner. */
const FALLBACK_FRESH_MS = 5_000;
const CHECK_TIMEOUT_MS = 2_500;

interface ContractCheck {
  contract: GeneratorContract;
  source: ContractSource;
  at: number;
}

const contracts = new CheckCache<ContractCheck>("generator-contracts");

/** The JSON at a URL, or null for any failure: detection falls through to the next source. */
async function readJson(url: string, backend: Backend): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), CHECK_TIMEOUT_MS);
  try {
    const response = await fetch(url, {
      headers: { Accept: "application/json", ...authHeaders(backend) },
      signal: controller.signal,
      cache: "no-store",
      redirect: "manual",
    });
    if (!response.ok) {
      await response.body?.cancel();
      return null;
    }
    return await response.json();
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

async function detect(backend: Backend): Promise<ContractCheck> {
  const at = Date.now();
  // /openapi.json sits at the server's root, beside /v1.
  const fromSchema = contractFromOpenApi(await readJson(`${backend.baseUrl.replace(/\/v1$/, "")}/openapi.json`, backend));
  if (fromSchema) return { contract: fromSchema, source: "schema", at };
  const fromVersion = contractFromVersion(await readJson(`${backend.baseUrl}/version`, backend));
  if (fromVersion) return { contract: fromVersion, source: "version", at };
  return { contract: "1.0.0", source: "fallback", at };
}

/** The contract of a Cosmos3 generator NIM backend and how it was found; null for other backends. */
async function generatorContract(backend: Backend): Promise<{ contract: GeneratorContract; source: ContractSource } | null> {
  if (backend.generationFamily !== "cosmos3-wfm") return null;
  if (backend.contract) return { contract: backend.contract, source: "config" };
  return contracts.get(
    backend.id,
    (last) => (last.source === "fallback" ? FALLBACK_FRESH_MS : FRESH_MS),
    () => detect(backend),
  );
}

/** The profile a generation backend speaks now. */
export async function backendProfile(backend: Backend): Promise<GenerationProfile | null> {
  if (!backend.generationFamily) return null;
  return generationProfile(backend.generationFamily, (await generatorContract(backend))?.contract);
}

/** What GET /api/backends tells the browser about a generation backend: its contract and modes. */
export async function generationSummary(backend: Backend): Promise<GenerationSummary | undefined> {
  if (!backend.generationFamily) return undefined;
  const found = await generatorContract(backend);
  const profile = generationProfile(backend.generationFamily, found?.contract);
  const { modes, unavailable } = profileModes(profile);
  return {
    family: backend.generationFamily,
    profile,
    ...(found ? { contract: found.contract, contractSource: found.source, contractNote: contractNote(found.contract, found.source) } : {}),
    modes,
    unavailableModes: unavailable,
  };
}
