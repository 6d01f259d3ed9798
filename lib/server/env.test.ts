import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { ENV_SCHEMA, readEnv } from "@/lib/server/env";

// One schema for the environment: every variable the code names is in it, good values come out
// typed with their defaults, and each bad one is refused with its name and what it takes.

const ROOT = path.resolve(__dirname, "../..");
const SOURCES = ["lib", "app", "components", "scripts", "instrumentation.ts", "instrumentation-node.ts", "proxy.ts"];

function sourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (statSync(full).isFile()) return /\.(ts|tsx|mjs)$/.test(full) && !/\.test\.ts$/.test(full) ? [full] : [];
  return readdirSync(full).flatMap((name) => sourceFiles(path.join(entry, name)));
}

describe("the environment schema", () => {
  it("knows every PLAYGROUND_*, DATABASE_URL, AWS_* and SIMULATOR_* variable the code names", () => {
    const named = new Set<string>();
    for (const file of SOURCES.flatMap(sourceFiles)) {
      for (const match of readFileSync(file, "utf8").matchAll(
        /\b(PLAYGROUND_[A-Z0-9_]*[A-Z0-9]|DATABASE_URL|AWS_[A-Z_]+|SIMULATOR_[A-Z_]+)\b/g,
      ))
        named.add(match[1]!);
    }
    const known = Object.keys(ENV_SCHEMA.shape);
    expect([...named].filter((name) => !known.includes(name)).sort()).toEqual([]);
    expect(named.size).toBeGreaterThan(20);
  });

  it("reads good values typed, empty ones as unset, with defaults", () => {
    const env = readEnv({
      PLAYGROUND_TRUST_PROXY: "2",
      PLAYGROUND_MAX_VIDEO_MB: "1.5",
      PLAYGROUND_RATE_SHARES: "",
      PLAYGROUND_PUBLIC_SHARES: "no",
      PLAYGROUND_S3_ENDPOINT: "http://127.0.0.1:9000/",
      DATABASE_URL: "postgres://u:p@db:5432/playground",
      PLAYGROUND_MAX_QUEUED_JOBS_PER_CLIENT: "3",
    });
    expect(env).toMatchObject({
      PLAYGROUND_DATA_DIR: "./data",
      PLAYGROUND_TRUST_PROXY: 2,
      PLAYGROUND_MAX_VIDEO_MB: 1.5,
      PLAYGROUND_RATE_SHARES: { count: 20, windowMs: 600_000 },
      PLAYGROUND_PUBLIC_SHARES: false,
      PLAYGROUND_S3_ENDPOINT: "http://127.0.0.1:9000",
      PLAYGROUND_MAX_QUEUED_JOBS_PER_CLIENT: 3,
    });
  });

  it.each([
    ["PLAYGROUND_MAX_IMAGE_MB", "lots", /PLAYGROUND_MAX_IMAGE_MB must be a positive number of megabytes, got 'lots'/],
    ["PLAYGROUND_TRUST_PROXY", "maybe", /PLAYGROUND_TRUST_PROXY must be true, false or how many proxies/],
    ["PLAYGROUND_ALLOWED_HOSTS", "a b", /PLAYGROUND_ALLOWED_HOSTS is a comma-separated list of host names/],
    ["PLAYGROUND_RATE_UPLOADS", "60", /PLAYGROUND_RATE_UPLOADS must look like "count\/seconds"/],
    ["PLAYGROUND_PUBLIC_SHARES", "perhaps", /PLAYGROUND_PUBLIC_SHARES must be true or false/],
    ["PLAYGROUND_SIMULATOR_PORT", "99999", /PLAYGROUND_SIMULATOR_PORT must be a port number from 0 to 65535/],
    ["PLAYGROUND_MEDIA_URL_SECRET", "short", /PLAYGROUND_MEDIA_URL_SECRET must be at least 32 characters/],
    ["PLAYGROUND_MAX_QUEUED_JOBS_PER_CLIENT", "0", /PLAYGROUND_MAX_QUEUED_JOBS_PER_CLIENT must be a whole number from 1 to 10000/],
    ["PLAYGROUND_S3_ENDPOINT", "minio:9000", /PLAYGROUND_S3_ENDPOINT must be an http\(s\) URL/],
    ["PLAYGROUND_S3_FORCE_PATH_STYLE", "sometimes", /PLAYGROUND_S3_FORCE_PATH_STYLE must be true or false/],
    ["DATABASE_URL", "mysql://x", /DATABASE_URL must be a PostgreSQL URL/],
    ["SIMULATOR_TOKENS_PER_SECOND", "-1", /SIMULATOR_TOKENS_PER_SECOND must be a positive number/],
    ["AWS_ACCESS_KEY_ID", "AKIAEXAMPLE", /AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together/],
  ])("refuses a bad %s, naming it and what it takes", (name, value, message) => {
    expect(() => readEnv({ [name]: value })).toThrow(message);
  });

  it("names every bad variable at once", () => {
    const message = (() => {
      try {
        readEnv({ PLAYGROUND_MAX_IMAGE_MB: "x", PORT: "http" });
        return "";
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message.split("\n").sort()).toEqual([
      "PLAYGROUND_MAX_IMAGE_MB must be a positive number of megabytes, got 'x'.",
      "PORT must be a port number from 0 to 65535, got 'http'.",
    ]);
  });
});
