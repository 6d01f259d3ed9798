// No `import "server-only"`: the standalone CLI imports this outside Next.js, and it holds no secrets.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { handleChatCompletion, type SimulatorStats } from "@/lib/simulator/completions";
import { DEFAULT_SAMPLES_DIR, type GeneratorContext } from "@/lib/simulator/generation";
import { resolveGenerator, routeGenerator } from "@/lib/simulator/generator-routes";
import { sendError, sendJson, sendText, SimulatorHttpError } from "@/lib/simulator/http";
import { SIMULATED_MODELS, type SimulatedModel } from "@/lib/simulator/models";
import { OmniJobs } from "@/lib/simulator/omni";

// The built-in NIM simulator: an OpenAI-compatible vLLM server's wire protocol for the `chat` models
// of SIMULATED_MODELS, and the generators of SIMULATED_GENERATORS (Cosmos Predict NIM, Cosmos3
// generator NIM 1.0.0 and 2.x, vLLM-Omni), each at `/{slug}/v1/...`; the first chat model also at `/v1/...`.

export interface SimulatorOptions {
  port?: number;
  host?: string;
  tokensPerSecond?: number;
  /** How long one world or image generation takes; default 8 s. */
  generationSeconds?: number;
  /** Where the stock clips are; default public/samples. */
  samplesDir?: string;
}

export interface RunningSimulator {
  /** e.g. http://127.0.0.1:43121, without a trailing slash. */
  url: string;
  port: number;
  generationSeconds: number;
  close(): Promise<void>;
}

interface Context {
  tokensPerSecond: number;
  stats: SimulatorStats;
  startedAt: number;
  generators: GeneratorContext & { omniJobs: OmniJobs };
}

function resolveModel(pathname: string): { model: SimulatedModel; rest: string } | null {
  const first = SIMULATED_MODELS[0];
  const root = /^\/v1(\/.*)?$/.exec(pathname);
  if (root && first) return { model: first, rest: root[1] ?? "" };
  const scoped = /^\/([^/]+)\/v1(\/.*)?$/.exec(pathname);
  const model = scoped && SIMULATED_MODELS.find((candidate) => candidate.slug === scoped[1]);
  return scoped && model ? { model, rest: scoped[2] ?? "" } : null;
}

function metricsText(stats: SimulatorStats): string {
  const counter = (name: string, help: string, value: number): string =>
    `# HELP ${name} ${help}\n# TYPE ${name} counter\n${name} ${value}\n`;
  return (
    counter("simulator_chat_requests_total", "Chat completion requests received by the simulator.", stats.requests) +
    counter("simulator_chat_completed_total", "Simulated chat completions sent in full.", stats.completed) +
    counter("simulator_chat_aborted_total", "Simulated chat completions the client left early.", stats.aborted)
  );
}

function modelRoutes(model: SimulatedModel, context: Context): Record<string, (res: ServerResponse) => void> {
  const ready = (res: ServerResponse): void => sendJson(res, 200, { object: "health.response", message: "Service is ready." });
  return {
    "/models": (res) =>
      sendJson(res, 200, {
        object: "list",
        data: [{ id: model.model, object: "model", created: context.startedAt, owned_by: "simulator" }],
      }),
    "/health/ready": ready,
    "/health/live": (res) => sendJson(res, 200, { object: "health.response", message: "Service is live." }),
    "/metadata": (res) =>
      sendJson(res, 200, {
        version: "simulated",
        simulated: true,
        modelInfo: [{ shortName: model.model, label: `${model.label} (simulated)`, family: model.family }],
      }),
    "/version": (res) => sendJson(res, 200, { release: "simulated", api: "1.0.0", simulated: true }),
    "/metrics": (res) => sendText(res, 200, "text/plain; version=0.0.4", metricsText(context.stats)),
  };
}

async function route(req: IncomingMessage, res: ServerResponse, context: Context): Promise<void> {
  const pathname = new URL(req.url ?? "/", "http://simulator").pathname.replace(/(.)\/+$/, "$1");
  const method = req.method ?? "GET";
  if (pathname === "/__simulator/stats" && method === "GET") {
    return sendJson(res, 200, { ...context.stats, generations: { ...context.generators.stats } });
  }
  const generator = resolveGenerator(pathname);
  if (generator) return routeGenerator(req, res, generator, context.generators);
  const target = resolveModel(pathname);
  if (target?.rest === "/chat/completions") {
    if (method !== "POST") throw new SimulatorHttpError(405, "Method Not Allowed");
    return handleChatCompletion(req, res, target.model, context.tokensPerSecond, context.stats);
  }
  const handler = target ? modelRoutes(target.model, context)[target.rest] : undefined;
  if (!handler) throw new SimulatorHttpError(404, `Not Found: ${pathname}`);
  if (method !== "GET" && method !== "HEAD") throw new SimulatorHttpError(405, "Method Not Allowed");
  handler(res);
}

function formatUrl(host: string, port: number): string {
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

export function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? "127.0.0.1";
  const tokensPerSecond = options.tokensPerSecond ?? 40;
  const generationSeconds = options.generationSeconds ?? 8;
  if (!(tokensPerSecond > 0)) return Promise.reject(new Error("tokensPerSecond must be a positive number."));
  if (!(generationSeconds > 0)) return Promise.reject(new Error("generationSeconds must be a positive number."));
  const context: Context = {
    tokensPerSecond,
    stats: { requests: 0, aborted: 0, completed: 0 },
    startedAt: Math.floor(Date.now() / 1000),
    generators: {
      generationSeconds,
      samplesDir: options.samplesDir ?? DEFAULT_SAMPLES_DIR,
      stats: { started: 0, completed: 0, aborted: 0 },
      omniJobs: new OmniJobs(),
    },
  };
  // The Authorization header is accepted and never read: the simulator has no keys to check.
  const server = createServer((req, res) => {
    route(req, res, context).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      sendError(res, error instanceof SimulatorHttpError ? error : new SimulatorHttpError(500, "Internal simulator error."));
    });
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: formatUrl(host, port),
        port,
        generationSeconds,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
