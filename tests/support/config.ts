import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { forgetProcessMemo } from "@/lib/core/process-memo";

/** Points the server code at a configuration for this test file and forgets cached state. */
export function useConfig(config: unknown): void {
  const dir = mkdtempSync(path.join(tmpdir(), "playground-config-"));
  const file = path.join(dir, "playground.config.json");
  writeFileSync(file, JSON.stringify(config));
  process.env.PLAYGROUND_CONFIG = file;
  for (const name of ["config", "backend-checks", "generator-contracts"]) forgetProcessMemo(name);
}
