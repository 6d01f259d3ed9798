import "server-only";

import { z } from "zod";

import { parseTrustProxy, type Env } from "@/lib/server/client-address";
import { parseRate, type Rate } from "@/lib/server/rate-limit";
import { parseAllowedHosts } from "@/lib/server/request-origin";

// Every environment variable the playground reads (PLAYGROUND_*, DATABASE_URL, AWS_*, the
// simulator's pace), in one schema: checked as the server starts, and read through here. An empty
// value counts as unset, as in .env.example. A bad value is refused with its name and what it takes.

/** A parser that throws a sentence naming the variable, as a zod field. */
const parsed = <T>(parse: (raw: string | undefined) => T) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      try {
        return parse(raw);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    });

const number = (name: string, what: string, check: (value: number) => boolean) =>
  parsed((raw) => {
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(value) || !check(value)) throw new Error(`${name} must be ${what}, got '${raw}'.`);
    return value;
  });

const flag = (name: string) =>
  parsed((raw) => {
    const value = raw?.trim().toLowerCase();
    if (value === undefined) return undefined;
    if (["true", "1", "yes"].includes(value)) return true;
    if (["false", "0", "no"].includes(value)) return false;
    throw new Error(`${name} must be true or false, got '${raw}'.`);
  });

const httpUrl = (name: string, example: string) =>
  parsed((raw) => {
    if (raw === undefined) return undefined;
    if (!/^https?:\/\/[^/\s]+/.test(raw.trim())) throw new Error(`${name} must be an http(s) URL such as ${example}, got '${raw}'.`);
    return raw.trim().replace(/\/+$/, "");
  });

const rate = (name: string, fallback: Rate) => parsed((raw) => parseRate(raw, fallback, name));
const port = (name: string) => number(name, "a port number from 0 to 65535", (v) => Number.isInteger(v) && v >= 0 && v <= 65535);
const megabytes = (name: string) => number(name, "a positive number of megabytes", (v) => v > 0 && v <= 1_000_000);
const text = z.string().optional();

const FIELDS = z.object({
  PORT: port("PORT"),
  HOST: text,
  PLAYGROUND_CONFIG: text,
  PLAYGROUND_DATA_DIR: z.string().default("./data"),
  PLAYGROUND_PASSWORD: text,
  PLAYGROUND_PUBLIC_SHARES: flag("PLAYGROUND_PUBLIC_SHARES"),
  PLAYGROUND_TRUST_PROXY: parsed(parseTrustProxy),
  PLAYGROUND_ALLOWED_HOSTS: parsed(parseAllowedHosts),
  PLAYGROUND_MAX_IMAGE_MB: megabytes("PLAYGROUND_MAX_IMAGE_MB"),
  PLAYGROUND_MAX_VIDEO_MB: megabytes("PLAYGROUND_MAX_VIDEO_MB"),
  PLAYGROUND_RATE_SHARES: rate("PLAYGROUND_RATE_SHARES", { count: 20, windowMs: 600_000 }),
  PLAYGROUND_RATE_UPLOADS: rate("PLAYGROUND_RATE_UPLOADS", { count: 60, windowMs: 600_000 }),
  PLAYGROUND_RATE_LOGINS: rate("PLAYGROUND_RATE_LOGINS", { count: 10, windowMs: 60_000 }),
  PLAYGROUND_RATE_AUTH_FAILURES: rate("PLAYGROUND_RATE_AUTH_FAILURES", { count: 10, windowMs: 900_000 }),
  PLAYGROUND_MAX_QUEUED_JOBS_PER_CLIENT: number(
    "PLAYGROUND_MAX_QUEUED_JOBS_PER_CLIENT",
    "a whole number from 1 to 10000",
    (v) => Number.isInteger(v) && v >= 1 && v <= 10_000,
  ),
  PLAYGROUND_MEDIA_URL_SECRET: parsed((raw) => {
    if (raw !== undefined && raw.length < 32) throw new Error("PLAYGROUND_MEDIA_URL_SECRET must be at least 32 characters long.");
    return raw;
  }),
  PLAYGROUND_SIMULATOR_PORT: port("PLAYGROUND_SIMULATOR_PORT"),
  SIMULATOR_TOKENS_PER_SECOND: number("SIMULATOR_TOKENS_PER_SECOND", "a positive number", (v) => v > 0 && v <= 100_000),
  SIMULATOR_GENERATION_SECONDS: number("SIMULATOR_GENERATION_SECONDS", "a number of seconds from 0 to 3600", (v) => v >= 0 && v <= 3600),
  DATABASE_URL: parsed((raw) => {
    if (raw !== undefined && !/^postgres(ql)?:\/\/\S+$/.test(raw.trim())) {
      throw new Error("DATABASE_URL must be a PostgreSQL URL such as postgres://user:pass@host:5432/db, or unset for SQLite.");
    }
    return raw?.trim();
  }),
  PLAYGROUND_S3_BUCKET: text,
  PLAYGROUND_S3_ENDPOINT: httpUrl("PLAYGROUND_S3_ENDPOINT", "http://127.0.0.1:9000"),
  PLAYGROUND_S3_REGION: text,
  PLAYGROUND_S3_PREFIX: text,
  PLAYGROUND_S3_FORCE_PATH_STYLE: flag("PLAYGROUND_S3_FORCE_PATH_STYLE"),
  AWS_ACCESS_KEY_ID: text,
  AWS_SECRET_ACCESS_KEY: text,
  AWS_SESSION_TOKEN: text,
  AWS_REGION: text,
});

export const ENV_SCHEMA = FIELDS.superRefine((env, ctx) => {
  if (Boolean(env.AWS_ACCESS_KEY_ID) !== Boolean(env.AWS_SECRET_ACCESS_KEY)) {
    ctx.addIssue({
      code: "custom",
      path: ["AWS_SECRET_ACCESS_KEY"],
      message: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together: set both, or neither to use the SDK's default credentials.",
    });
  }
});

export type PlaygroundEnv = z.output<typeof ENV_SCHEMA>;

/** The variables the schema knows, empty ones left out. */
function known(source: Env): Record<string, string> {
  const names = Object.keys(FIELDS.shape);
  return Object.fromEntries(names.flatMap((name) => (source[name] ? [[name, source[name]]] : [])));
}

let last: { key: string; env: PlaygroundEnv } | null = null;

/** The environment as the playground reads it (read afresh when it changed); throws one sentence per bad variable. */
export function readEnv(source: Env = process.env): PlaygroundEnv {
  const values = known(source);
  const key = JSON.stringify(values);
  if (last?.key === key) return last.env;
  const result = ENV_SCHEMA.safeParse(values);
  if (!result.success) throw new Error(result.error.issues.map((issue) => issue.message).join("\n"));
  last = { key, env: result.data };
  return result.data;
}
