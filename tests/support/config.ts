import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Points the server code at a configuration for this test file and forgets cached state. */
export function useConfig(config: unknown): void {
  const dir = mkdtempSync(path.join(tmpdir(), "playground-config-"));
  const file = path.join(dir, "playground.config.json");
  writeFileSync(file, JSON.stringify(config));
  process.env.PLAYGROUND_CONFIG = file;
  const cache = globalThis as Record<string, unknown>;
  delete cache.__playgroundConfig;
  (cache.__backendChecks as Map<string, unknown> | undefined)?.clear();
  (cache.__backendChecksInFlight as Map<string, unknown> | undefined)?.clear();
  (cache.__generatorContracts as Map<string, unknown> | undefined)?.clear();
  (cache.__generatorContractsInFlight as Map<string, unknown> | undefined)?.clear();
}
