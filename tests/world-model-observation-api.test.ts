import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as getRoute } from "@/app/api/generations/[id]/route";
import { POST as createRoute } from "@/app/api/generations/route";
import type { GenerationJobView } from "@/lib/generation/schema";
import { generationService } from "@/lib/generation/server/service";
import { storeMediaBytes } from "@/lib/media/server/service";

import { useConfig } from "./support/config";
import { makePng } from "./support/media-fixtures";
import { serveRoutes } from "./support/route-server";
import { until } from "./support/wait";

// The DROID policy's observation (7 joint positions and the gripper) through POST /api/generations
// to the simulator, which checks it as the servers do: the 2.x NIM answers actions only, vLLM-Omni
// reads it from extra_params and answers the rollout with its actions.

let app: { url: string; close(): Promise<void> };
const OBSERVATION = { jointPosition: [0, -0.6, 0, -2.5, 0, 1.9, 0.8], gripperPosition: 0.2 };

beforeAll(async () => {
  process.env.PLAYGROUND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "playground-observation-"));
  useConfig({ simulator: { tokensPerSecond: 5000, generationSeconds: 0.2 }, backends: [] });
  app = await serveRoutes([
    { method: "POST", pattern: "/api/generations", handler: createRoute as never },
    { method: "GET", pattern: "/api/generations/[id]", handler: getRoute as never },
  ]);
});
afterAll(async () => {
  await generationService().runner.idle();
  await app.close();
});

const post = (body: Record<string, unknown>) =>
  fetch(`${app.url}/api/generations`, {
    method: "POST",
    body: JSON.stringify({ mode: "policy", prompt: "Put the cup in the bowl.", seed: 3, ...body }),
    headers: { "Content-Type": "application/json" },
  });

async function run(body: Record<string, unknown>): Promise<GenerationJobView> {
  const response = await post(body);
  const created = (await response.json()) as GenerationJobView;
  expect(response.status, JSON.stringify(created)).toBe(202);
  return until(async () => {
    const job = (await (await fetch(`${app.url}/api/generations/${created.id}`)).json()) as GenerationJobView;
    return job.status === "succeeded" || job.status === "failed" ? job : null;
  }, created.id);
}

const image = async () => (await storeMediaBytes(makePng(64, 48))).media.id;

describe("the DROID policy observation", () => {
  it("on the 2.x NIM: the DROID policy's defaults, and actions only (32 × 8) as the result", async () => {
    const job = await run({ backend: "sim-cosmos3-nim2", inputMediaId: await image(), observation: OBSERVATION });
    expect(job.error).toBeUndefined();
    expect(job.request).toMatchObject({ steps: 4, guidanceScale: 3, flowShift: 5, observation: OBSERVATION });
    expect(job.result).toMatchObject({ kind: "actions", action: { domain: "droid_lerobot", shape: [32, 8] } });
    expect(job.result).not.toHaveProperty("mediaId");
  });

  it("on vLLM-Omni: sent in extra_params, answered with the rollout and its actions", async () => {
    const job = await run({ backend: "sim-cosmos3-gen", inputMediaId: await image(), observation: OBSERVATION });
    expect(job.error).toBeUndefined();
    expect(job.result).toMatchObject({ kind: "video", action: { domain: "droid_lerobot", shape: [16, 10] } });
  });

  it("refuses a wrong observation with a 400 a person can act on, before any upstream call", async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ observation: { jointPosition: [0, 0, 0], gripperPosition: 0 } }, /7 joint positions/],
      [{ observation: { ...OBSERVATION, gripperPosition: 3 } }, /0 \(open\) to 1 \(closed\)/],
      [{ observation: OBSERVATION, action: { domain: "bridge_orig_lerobot" } }, /choose the droid_lerobot domain/],
      [{ observation: OBSERVATION, mode: "text2world", inputMediaId: undefined }, /takes no observation/],
    ];
    for (const [body, message] of cases) {
      const response = await post({ backend: "sim-cosmos3-nim2", inputMediaId: await image(), ...body });
      const answer = (await response.json()) as { error: { code: string; message: string } };
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(answer.error.message).toMatch(message);
    }
  });
});
