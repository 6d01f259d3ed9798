import type { IncomingMessage, ServerResponse } from "node:http";
import { SIMULATED_GENERATORS, type SimulatedGenerator } from "@/lib/simulator/models";
import type { GeneratorContext } from "@/lib/simulator/generation";
import { detailError, sendJson, sendText } from "@/lib/simulator/http";
import { handleInfer } from "@/lib/simulator/infer";
import { handleOmni, type OmniJobs } from "@/lib/simulator/omni";

// The routes of a simulated generator at `/{slug}/v1/...`: the NIM's health and metadata
// endpoints (Triton-style readiness for the /v1/infer NIMs), then the generation endpoints.

export function resolveGenerator(pathname: string): { generator: SimulatedGenerator; rest: string } | null {
  const scoped = /^\/([^/]+)\/v1(\/.*)?$/.exec(pathname);
  const generator = scoped && SIMULATED_GENERATORS.find((candidate) => candidate.slug === scoped[1]);
  return scoped && generator ? { generator, rest: scoped[2] ?? "" } : null;
}

function infoRoutes(generator: SimulatedGenerator, context: GeneratorContext): Record<string, (res: ServerResponse) => void> {
  const triton = generator.kind === "predict";
  const routes: Record<string, (res: ServerResponse) => void> = {
    "/health/ready": (res) => sendJson(res, 200, triton ? { description: "Triton readiness check", status: "ready" } : { status: "ready" }),
    "/health/live": (res) => sendJson(res, 200, triton ? { description: "Triton liveness check", status: "live" } : { status: "live" }),
    "/metadata": (res) =>
      sendJson(res, 200, {
        version: "simulated",
        simulated: true,
        modelInfo: [{ shortName: generator.model, label: `${generator.label} (simulated)`, family: generator.family }],
      }),
    "/metrics": (res) => {
      const counter = (name: string, help: string, value: number) => `# HELP ${name} ${help}\n# TYPE ${name} counter\n${name} ${value}\n`;
      sendText(
        res, 200, "text/plain; version=0.0.4",
        counter("simulator_generations_started_total", "Generation requests accepted by the simulator.", context.stats.started) +
          counter("simulator_generations_completed_total", "Simulated generations finished.", context.stats.completed) +
          counter("simulator_generations_aborted_total", "Simulated generations left or deleted early.", context.stats.aborted),
      );
    },
  };
  // A vLLM server lists its model; the /v1/infer NIMs have no /v1/models.
  if (!triton) {
    routes["/models"] = (res) =>
      sendJson(res, 200, { object: "list", data: [{ id: generator.model, object: "model", created: 0, owned_by: "simulator" }] });
  }
  return routes;
}

export async function routeGenerator(
  req: IncomingMessage,
  res: ServerResponse,
  { generator, rest }: { generator: SimulatedGenerator; rest: string },
  context: GeneratorContext & { omniJobs: OmniJobs },
): Promise<void> {
  const method = req.method ?? "GET";
  if (rest === "/infer" && generator.kind === "predict") {
    if (method !== "POST") throw detailError(405, "Method Not Allowed");
    return handleInfer(req, res, generator, context);
  }
  if (generator.kind === "omni" && (await handleOmni(req, res, rest, generator, context))) return;
  const handler = infoRoutes(generator, context)[rest];
  if (!handler) throw detailError(rest.startsWith("/videos") ? 405 : 404, rest.startsWith("/videos") ? "Method Not Allowed" : "Not Found");
  if (method !== "GET" && method !== "HEAD") throw detailError(405, "Method Not Allowed");
  handler(res);
}
