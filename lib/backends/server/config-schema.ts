import { z } from "zod";

import { COORDINATE_CONVENTIONS } from "@/lib/backends/coordinates";
import { BACKEND_KINDS, FAMILIES } from "@/lib/backends/families";
import { GENERATION_FAMILIES, GENERATION_FAMILY_IDS, GENERATOR_CONTRACTS } from "@/lib/backends/generation-families";

// The configuration file (docs/architecture.md). Kept free of `server-only` so the start script can validate a
// file before the server boots; nothing here reads a key, only the name of the variable holding it.

const backendId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/i, "use 1–63 letters, digits, '.', '_' or '-', starting with a letter or digit");

const backendConfigSchema = z
  .object({
    id: backendId,
    label: z.string().min(1).max(100),
    kind: z.enum(BACKEND_KINDS),
    /** Chat: the model's switches. predict: cosmos-predict (default) or cosmos3-wfm. omni: vllm-omni. */
    family: z.enum([...FAMILIES, ...GENERATION_FAMILY_IDS]).optional(),
    /** cosmos3-wfm: the /v1/infer contract, pinned; absent, it is read from the server (1.0.0 when it cannot be). */
    contract: z.enum(GENERATOR_CONTRACTS, { message: `use ${GENERATOR_CONTRACTS.map((c) => `"${c}"`).join(" or ")}` }).optional(),
    baseUrl: z
      .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
      .refine((url) => /\/v1\/?$/.test(url), { message: "must end in /v1 (OpenAI SDK convention)" })
      .transform((url) => url.replace(/\/$/, "")),
    model: z.string().min(1).max(200).optional(),
    apiKeyEnv: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be the name of an environment variable, not the key itself")
      .optional(),
    /** "bearer" sends `Authorization: Bearer <key>`; "raw" sends the key alone, as some cloud deployments want. */
    authScheme: z.enum(["bearer", "raw"]).default("bearer"),
    /** Milliseconds to wait for response headers (chat, pass-through), or for a whole generation call. */
    timeoutMs: z.number().int().min(1000).max(3_600_000).default(600_000),
    /** Hosted endpoints cap inline images (NVIDIA's catalog near 180 KB): the browser shrinks images to fit. */
    maxInlineImageBytes: z.number().int().min(1024).max(100_000_000).optional(),
    /** Milliseconds without a streamed chunk, once headers are in, before the stream is ended with an error. */
    idleTimeoutMs: z.number().int().min(1000).max(3_600_000).default(120_000),
    /** predict / omni: generation jobs run at once on this backend; the rest wait in line. */
    maxConcurrentJobs: z.number().int().min(1).max(64).default(1),
    /** predict / omni: jobs that may wait for this backend, over all clients; past it a new one gets a 429. */
    maxQueuedJobs: z.number().int().min(1).max(10_000).default(50),
    /**
     * chat: how the model writes points and boxes; default per family (Reason1: absolute pixels of
     * the image as its processor resized it, unconfirmed; the others 0–1000 per axis).
     */
    coordinates: z.enum(COORDINATE_CONVENTIONS).optional(),
    /** omni: how often a running vLLM-Omni video job is polled for progress. */
    pollIntervalMs: z.number().int().min(100).max(60_000).default(2000),
    /** chat: stored media go inline as base64 ("inline"), or as signed, expiring links the NIM fetches ("url"). */
    mediaTransport: z.enum(["inline", "url"]).default("inline"),
    /** Where the NIM reaches the playground for "url", e.g. http://playground:3000 in compose. */
    publicBaseUrl: z
      .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
      .transform((url) => url.replace(/\/$/, ""))
      .optional(),
  })
  .strict()
  .superRefine((backend, ctx) => {
    if (backend.contract !== undefined && backend.family !== "cosmos3-wfm") {
      ctx.addIssue({
        code: "custom",
        path: ["contract"],
        message: "only a backend with family 'cosmos3-wfm' (the Cosmos3 generator NIM) takes a contract",
      });
    }
    if (backend.mediaTransport === "url" && backend.publicBaseUrl === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["publicBaseUrl"],
        message: 'mediaTransport "url" needs the address where the NIM reaches the playground, e.g. "http://playground:3000"',
      });
    }
    if (backend.family === undefined) return;
    const allowed: readonly string[] =
      backend.kind === "chat" ? FAMILIES : GENERATION_FAMILY_IDS.filter((id) => GENERATION_FAMILIES[id].kind === backend.kind);
    if (!allowed.includes(backend.family)) {
      ctx.addIssue({
        code: "custom",
        path: ["family"],
        message: `a ${backend.kind} backend takes family ${allowed.map((f) => `'${f}'`).join(", ")}`,
      });
    }
  });

const simulatorSchema = z.union([
  z.boolean(),
  z
    .object({
      tokensPerSecond: z.number().gt(0).max(100_000).default(40),
      /** How long a simulated world or image generation takes; default 8 s. */
      generationSeconds: z.number().min(0.01).max(600).optional(),
    })
    .strict(),
]);

const playgroundConfigSchema = z
  .object({
    backends: z.array(backendConfigSchema).max(64).default([]),
    simulator: simulatorSchema.default(false),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.backends.forEach((backend, index) => {
      if (seen.has(backend.id)) {
        ctx.addIssue({ code: "custom", path: ["backends", index, "id"], message: `duplicate id '${backend.id}'` });
      }
      seen.add(backend.id);
      if (config.simulator !== false && backend.id.startsWith("sim-")) {
        ctx.addIssue({ code: "custom", path: ["backends", index, "id"], message: "ids starting with 'sim-' are kept for the simulator" });
      }
    });
    if (config.backends.length === 0 && config.simulator === false) {
      ctx.addIssue({ code: "custom", path: ["backends"], message: 'no backends: add one, or set "simulator": true' });
    }
  });

export type BackendConfig = z.infer<typeof backendConfigSchema>;
export type PlaygroundConfig = z.infer<typeof playgroundConfigSchema>;

export const DEFAULT_CONFIG: PlaygroundConfig = { backends: [], simulator: true };

/** Parses config text; throws an Error whose message names the file and each bad field. */
export function parseConfig(text: string, source: string): PlaygroundConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  const result = playgroundConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.map(String).join(".") : "(top level)";
    return `  - ${field}: ${issue.message}`;
  });
  throw new Error(`${source} is not a valid playground configuration:\n${problems.join("\n")}`);
}

/** `fromEnv`: SIMULATOR_TOKENS_PER_SECOND, for `"simulator": true`. */
export function simulatorTokensPerSecond(config: PlaygroundConfig, fromEnv?: number): number | null {
  if (config.simulator === false) return null;
  if (config.simulator === true) return fromEnv ?? 40;
  return config.simulator.tokensPerSecond;
}

const DEFAULT_GENERATION_SECONDS = 8;

/** How long the simulator takes per generation, or null without a simulator. */
export function simulatorGenerationSeconds(config: PlaygroundConfig, fromEnv?: number): number | null {
  if (config.simulator === false) return null;
  const configured = config.simulator === true ? fromEnv : config.simulator.generationSeconds;
  return configured && configured > 0 ? configured : DEFAULT_GENERATION_SECONDS;
}
