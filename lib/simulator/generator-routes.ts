import type { IncomingMessage, ServerResponse } from "node:http";

import { healthBody, openApiDocument, versionBody, WRONG_RUNTIME_BODY } from "@/lib/simulator/cosmos3-nim-docs";
import type { GeneratorContext } from "@/lib/simulator/generation";
import { detailError, sendJson, sendText } from "@/lib/simulator/http";
import { handleInfer } from "@/lib/simulator/infer";
import { SIMULATED_GENERATORS, type SimulatedGenerator } from "@/lib/simulator/models";
import { handleOmni, type OmniJobs } from "@/lib/simulator/omni";

// The routes of a simulated generator at `/{slug}/v1/...` (and `/{slug}/openapi.json` for the
// Cosmos3 NIMs): the NIM's health and metadata endpoints, then the generation endpoints.

/** `rest` is the path below the slug, e.g. "/v1/infer" or "/openapi.json". */
export function resolveGenerator(pathname: string): { generator: SimulatedGenerator; rest: string } | null {
  const scoped = /^\/([^/]+)(\/v1(?:\/.*)?|\/openapi\.json)$/.exec(pathname);
  const generator = scoped && SIMULATED_GENERATORS.find((candidate) => candidate.slug === scoped[1]);
  return scoped && generator ? { generator, rest: scoped[2]! } : null;
}

function infoRoutes(generator: SimulatedGenerator, context: GeneratorContext): Record<string, (res: ServerResponse) => void> {
  const contract = generator.contract;
  const triton = generator.kind === "predict";
  const health = (which: "ready" | "live") => (res: ServerResponse) =>
    sendJson(
      res,
      200,
      contract
        ? healthBody(contract, which)
        : triton
          ? { description: `Triton ${which === "ready" ? "readiness" : "liveness"} check`, status: which }
          : { status: which },
    );
  const routes: Record<string, (res: ServerResponse) => void> = {
    "/v1/health/ready": health("ready"),
    "/v1/health/live": health("live"),
    "/v1/metadata": (res) =>
      sendJson(res, 200, {
        version: "simulated",
        simulated: true,
        modelInfo: [{ shortName: generator.model, label: `${generator.label} (simulated)`, family: generator.family }],
        // 2.x names its runtime and endpoint [NIM2 operations.md].
        ...(contract === "2.x" ? { model_type: "generator", inference_endpoint: "/v1/infer" } : {}),
      }),
    "/v1/metrics": (res) => {
      const counter = (name: string, help: string, value: number) => `# HELP ${name} ${help}\n# TYPE ${name} counter\n${name} ${value}\n`;
      sendText(
        res,
        200,
        "text/plain; version=0.0.4",
        counter("simulator_generations_started_total", "Generation requests accepted by the simulator.", context.stats.started) +
          counter("simulator_generations_completed_total", "Simulated generations finished.", context.stats.completed) +
          counter("simulator_generations_aborted_total", "Simulated generations left or deleted early.", context.stats.aborted),
      );
    },
  };
  if (contract) {
    routes["/openapi.json"] = (res) => sendJson(res, 200, openApiDocument(contract, generator.label));
    routes["/v1/version"] = (res) => sendJson(res, 200, versionBody(contract));
  }
  // A vLLM server lists its model; the /v1/infer NIMs have no /v1/models.
  if (!triton) {
    routes["/v1/models"] = (res) =>
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
  if (rest === "/v1/infer" && generator.kind === "predict") {
    if (method !== "POST") throw detailError(405, "Method Not Allowed");
    return handleInfer(req, res, generator, context);
  }
  if (rest === "/v1/chat/completions" && generator.contract === "2.x") return sendJson(res, 404, WRONG_RUNTIME_BODY);
  if (generator.kind === "omni" && rest.startsWith("/v1/") && (await handleOmni(req, res, rest.slice(3), generator, context))) return;
  const handler = infoRoutes(generator, context)[rest];
  const videos = rest.startsWith("/v1/videos");
  if (!handler) throw detailError(videos ? 405 : 404, videos ? "Method Not Allowed" : "Not Found");
  if (method !== "GET" && method !== "HEAD") throw detailError(405, "Method Not Allowed");
  handler(res);
}
