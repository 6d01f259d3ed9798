import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as backendsRoute } from "@/app/api/backends/route";
import { GET as getRoute } from "@/app/api/generations/[id]/route";
import { POST as createRoute } from "@/app/api/generations/route";
import type { BackendsResponse, BackendSummary } from "@/lib/backends/types";
import type { GenerationJobView } from "@/lib/generation/schema";
import { generationService } from "@/lib/generation/server/service";
import { playgroundStore } from "@/lib/server/db/store";
import { newId as newJobId } from "@/lib/server/ids";
import { ensureSimulator } from "@/lib/simulator/host";

import { useConfig } from "./support/config";
import { serveRoutes } from "./support/route-server";
import { startScriptedUpstream, type ScriptedUpstream } from "./support/scripted-upstream";

// The Cosmos3 generator NIM's two contracts end to end: detected from the server (or pinned by the
// configuration), offered to the browser, and spoken on the wire; plus the refusals said before or
// after sending (Predict's word limit, guardrails).

let app: { url: string; close(): Promise<void> };
/** A Cosmos3 NIM that documents only its version, and one that documents nothing. */
let versionOnly: ScriptedUpstream;
let silent: ScriptedUpstream;
const MP4 = Buffer.from("00000018667479706d703432000000006d703432", "hex");

beforeAll(async () => {
  process.env.PLAYGROUND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "playground-contracts-api-"));
  [versionOnly, silent] = await Promise.all([startScriptedUpstream(), startScriptedUpstream()]);
  const answer = (upstream: ScriptedUpstream, version: object | null) =>
    upstream.handle((req, res) => {
      if (req.url === "/v1/version" && version)
        return void res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(version));
      if (req.url === "/v1/infer")
        return void res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ b64_video: MP4.toString("base64") }));
      res.writeHead(404).end();
    });
  answer(versionOnly, { release: "2.1.0", api: "2.1.0" });
  answer(silent, null);
  useConfig({
    simulator: { tokensPerSecond: 5000, generationSeconds: 0.3 },
    backends: [
      { id: "nim-v2", label: "NIM 2.x by version", kind: "predict", family: "cosmos3-wfm", baseUrl: `${versionOnly.url}/v1` },
      { id: "nim-unknown", label: "NIM, no documents", kind: "predict", family: "cosmos3-wfm", baseUrl: `${silent.url}/v1` },
      {
        id: "nim-pinned",
        label: "NIM pinned to 2.x",
        kind: "predict",
        family: "cosmos3-wfm",
        contract: "2.x",
        baseUrl: `${silent.url}/v1`,
      },
    ],
  });
  app = await serveRoutes([
    { method: "POST", pattern: "/api/generations", handler: createRoute as never },
    { method: "GET", pattern: "/api/generations/[id]", handler: getRoute as never },
  ]);
});
afterAll(async () => {
  await generationService().runner.idle();
  await Promise.all([app.close(), versionOnly.close(), silent.close()]);
});

const create = (body: Record<string, unknown>) =>
  fetch(`${app.url}/api/generations`, { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } });

async function finished(id: string): Promise<GenerationJobView> {
  for (let tries = 0; tries < 400; tries++) {
    const job = (await (await fetch(`${app.url}/api/generations/${id}`)).json()) as GenerationJobView;
    if (job.status !== "queued" && job.status !== "running") return job;
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
  throw new Error(`Job ${id} did not finish`);
}

async function backends(): Promise<Record<string, BackendSummary>> {
  const { backends: list } = (await (
    await backendsRoute(new Request("http://127.0.0.1/api/backends"), { params: Promise.resolve({}) })
  ).json()) as BackendsResponse;
  return Object.fromEntries(list.map((b) => [b.id, b]));
}

const simulatorStarted = async () =>
  ((await (await fetch(`${(await ensureSimulator(5000)).url}/__simulator/stats`)).json()) as { generations: { started: number } })
    .generations.started;

describe("which contract a Cosmos3 generator NIM speaks", () => {
  it("is read from /openapi.json, else /v1/version, else assumed 1.0.0; a configured contract wins", async () => {
    const byId = await backends();
    expect(byId["sim-cosmos3-wfm"]?.generation).toMatchObject({
      family: "cosmos3-wfm",
      profile: "cosmos3-nim-1.0.0",
      contract: "1.0.0",
      contractSource: "schema",
      modes: ["text2world", "image2world"],
      unavailableModes: ["video2world", "text2image", "forward_dynamics", "policy", "inverse_dynamics", "transfer"].map((mode) => ({
        mode,
        reason: expect.stringMatching(/text-to-video and image-to-video only/),
      })),
    });
    expect(byId["sim-cosmos3-nim2"]?.generation).toMatchObject({
      profile: "cosmos3-nim-2.x",
      contractSource: "schema",
      modes: ["text2world", "image2world", "video2world", "text2image", "forward_dynamics", "policy", "inverse_dynamics", "transfer"],
      unavailableModes: [],
    });
    expect(byId["nim-v2"]?.generation).toMatchObject({
      contract: "2.x",
      contractSource: "version",
      contractNote: expect.stringMatching(/GET \/v1\/version/),
    });
    expect(byId["nim-unknown"]?.generation).toMatchObject({
      contract: "1.0.0",
      contractSource: "fallback",
      contractNote: expect.stringMatching(/set "contract" in the configuration/),
    });
    expect(byId["nim-pinned"]?.generation).toMatchObject({ contract: "2.x", contractSource: "config" });
    expect(byId["sim-cosmos3-gen"]?.generation).toMatchObject({ profile: "vllm-omni", unavailableModes: [] });
    expect(byId["sim-cosmos3-gen"]?.generation).not.toHaveProperty("contract");
    expect(silent.requests.some((r) => r.url === "/openapi.json")).toBe(true);
  });

  it("generates on the released 1.0.0 with its own field names, and refuses the modes it lacks before sending", async () => {
    const queued = (await (
      await create({ backend: "sim-cosmos3-wfm", mode: "text2world", prompt: "A robot walks.", resolution: "256p", frames: 25, seed: 3 })
    ).json()) as GenerationJobView;
    expect(await finished(queued.id)).toMatchObject({ status: "succeeded", result: { kind: "video" } });
    const refused = await create({ backend: "sim-cosmos3-wfm", mode: "text2image", prompt: "A lab." });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /cannot do text to image.*needs the 2\.x NIM or vLLM-Omni/,
    );
  });

  it("generates images and videos on 2.x, and a NIM found by its version is sent the 2.x fields", async () => {
    const image = (await (
      await create({ backend: "sim-cosmos3-nim2", mode: "text2image", prompt: "A lab.", resolution: "480p", aspect: "1:1", flowShift: 3 })
    ).json()) as GenerationJobView;
    expect(await finished(image.id)).toMatchObject({ status: "succeeded", result: { kind: "image" } });
    const job = (await (
      await create({ backend: "nim-v2", mode: "text2world", prompt: "A ball.", resolution: "480p", frames: 25, seed: 1 })
    ).json()) as GenerationJobView;
    await finished(job.id);
    const sent = JSON.parse(versionOnly.requests.find((r) => r.url === "/v1/infer")!.body) as Record<string, unknown>;
    expect(sent).toMatchObject({ model_mode: "text2video", num_frames: 25, num_inference_steps: 35, resolution: "480_16_9" });
    expect(sent).not.toHaveProperty("steps");
  });

  it("speaks 1.0.0 to a server that cannot be read, and the pinned contract to a pinned one", async () => {
    silent.requests.length = 0;
    for (const backend of ["nim-unknown", "nim-pinned"]) {
      const job = (await (
        await create({ backend, mode: "text2world", prompt: "A ball.", resolution: "256p", frames: 25 })
      ).json()) as GenerationJobView;
      await finished(job.id);
    }
    const [unknown, pinned] = silent.requests
      .filter((r) => r.url === "/v1/infer")
      .map((r) => JSON.parse(r.body) as Record<string, unknown>);
    expect(Object.keys(unknown!).sort()).toEqual(["fps", "guidance_scale", "num_output_frames", "prompt", "resolution", "seed", "steps"]);
    expect(pinned).toMatchObject({ model_mode: "text2video", num_frames: 25 });
  });
});

describe("jobs made before", () => {
  it("still load: a finished job of a mode the backend's contract no longer offers keeps its request as it was", async () => {
    const store = await playgroundStore();
    const id = newJobId();
    const request = {
      backend: "sim-cosmos3-wfm",
      mode: "video2world",
      prompt: "x",
      resolution: "480p",
      aspect: "4:3",
      frames: 121,
      fps: 24,
      steps: 35,
      guidanceScale: 6,
      seed: 1,
    } as const;
    await store.jobs.create(
      {
        id,
        ownerId: "someone",
        backendId: "sim-cosmos3-wfm",
        mode: "video2world",
        request,
        status: "failed",
        progress: null,
        progressSource: null,
        error: { code: "upstream_rejected", message: "old" },
        resultMediaId: null,
        resultKind: null,
        resultAction: null,
        resultMedia: null,
        upstreamJobId: null,
        upsampledPrompt: null,
        seed: 1,
        note: null,
        workUnits: 1,
        expectedS: null,
        createdAt: Date.now() - 5000,
        startedAt: null,
        finishedAt: Date.now() - 4000,
        revision: 1,
      },
      { runnerId: "old", at: Date.now() - 5000 },
    );
    const response = await fetch(`${app.url}/api/generations/${id}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id, status: "failed", request });
  });
});

describe("refusals said as what they are", () => {
  it("a Cosmos Predict prompt over 250 words is a 400 that says so, and nothing is sent", async () => {
    const before = await simulatorStarted();
    const response = await create({ backend: "sim-predict", mode: "text2world", prompt: "robot ".repeat(251) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: "unsupported_combination",
        message: "The prompt has 251 words; Cosmos Predict takes prompts of up to 250 words. Shorten it by 1.",
        errorId: expect.any(String),
      },
    });
    expect(await simulatorStarted()).toBe(before);
  });

  it("a guardrail block is a refusal of the prompt, not a server failure (vLLM-Omni 500, NIM 2.x 422)", async () => {
    for (const backend of ["sim-cosmos3-gen", "sim-cosmos3-nim2"]) {
      const queued = (await (
        await create({ backend, mode: "text2world", prompt: "guardrail-block this scene", resolution: "256p", frames: 25 })
      ).json()) as GenerationJobView;
      const job = await finished(queued.id);
      expect(job.status, backend).toBe("failed");
      expect(job.error?.code).toBe("upstream_rejected");
      expect(job.error?.message).toMatch(
        new RegExp(
          `^Backend '${backend}' refused the prompt: its guardrail \\(content safety check\\) blocked it .*This is a refusal, not a server fault`,
        ),
      );
    }
  });

  it("vLLM-Omni takes a flow shift and reports it with the job; the 1.0.0 NIM has none", async () => {
    const queued = (await (
      await create({ backend: "sim-cosmos3-gen", mode: "text2world", prompt: "A ball.", resolution: "256p", frames: 25, flowShift: 7.5 })
    ).json()) as GenerationJobView;
    expect(queued.request).toMatchObject({ flowShift: 7.5, frames: 25 });
    expect((await finished(queued.id)).status).toBe("succeeded");
    const plain = (await (
      await create({ backend: "sim-cosmos3-gen", mode: "text2world", prompt: "A ball.", resolution: "256p", frames: 25 })
    ).json()) as GenerationJobView;
    expect(plain.request.flowShift).toBe(10);
    expect((await create({ backend: "sim-cosmos3-wfm", mode: "text2world", prompt: "A ball.", flowShift: 3 })).status).toBe(400);
    await finished(plain.id);
  });
});
