import "server-only";

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { DEFAULT_CONFIG, parseConfig, type PlaygroundConfig } from "@/lib/backends/server/config-schema";
import { processMemo } from "@/lib/core/process-memo";
import { readEnv } from "@/lib/server/env";

/** Where the configuration comes from: PLAYGROUND_CONFIG, else ./playground.config.json, else built in. */
export function configSource(): string | null {
  const fromEnv = readEnv().PLAYGROUND_CONFIG;
  if (fromEnv) return path.resolve(fromEnv);
  const local = path.resolve("playground.config.json");
  return existsSync(local) ? local : null;
}

function loadConfig(): PlaygroundConfig {
  const source = configSource();
  if (!source) return DEFAULT_CONFIG;
  let text: string;
  try {
    text = readFileSync(source, "utf8");
  } catch (error) {
    throw new Error(`Cannot read the configuration file ${source}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  return parseConfig(text, source);
}

/** The configuration, validated once per process. */
export function getConfig(): PlaygroundConfig {
  return processMemo("config", "", loadConfig);
}
