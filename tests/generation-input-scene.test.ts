import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as getRoute } from "@/app/api/generations/[id]/route";
import { POST as createRoute } from "@/app/api/generations/route";
import { GET as getMedia } from "@/app/api/media/[id]/route";
import type { GenerationJobView, MediaResult } from "@/lib/generation/schema";
import { generationService } from "@/lib/generation/server/service";
import { storeMediaBytes } from "@/lib/media/server/service";
import { sampleFiles } from "@/scripts/sample-scenes.mjs";

import { useConfig } from "./support/config";
import { makePng } from "./support/media-fixtures";
import { serveRoutes } from "./support/route-server";

// Image- and video-conditioned generation on the simulator through /api/generations: a bundled
// sample as input picks the clip's scene whatever the prompt says; the seed picks the take; an
// unknown input leaves the choice to the prompt. Every generator protocol: Predict's raw base64,
// the Cosmos3 NIMs' data URIs (1.0.0 `image`, 2.x `input_reference`) and vLLM-Omni's multipart file.

let app: { url: string; close(): Promise<void> };
const sample = (name: string) => readFileSync(path.resolve("public", "samples", name));
const digest = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const byDigest = new Map(sampleFiles().map((file) => [digest(sample(file.file)), file]));

beforeAll(async () => {
  process.env.PLAYGROUND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "playground-input-scene-"));
  useConfig({ simulator: { tokensPerSecond: 5000, generationSeconds: 0.05 } });
  app = await serveRoutes([
    { method: "POST", pattern: "/api/generations", handler: createRoute as never },
    { method: "GET", pattern: "/api/generations/[id]", handler: getRoute as never },
    { method: "GET", pattern: "/api/media/[id]", handler: getMedia as never },
  ]);
});
afterAll(async () => {
  await generationService().runner.idle();
  await app.close();
});

/** Runs a job to its end and names the stock clip it answered (scene and take). */
async function clipOf(body: Record<string, unknown>): Promise<{ scene: string; take: number }> {
  const response = await fetch(`${app.url}/api/generations`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "Content-Type": "application/json" },
  });
  expect(response.status, await response.clone().text()).toBe(202);
  const { id } = (await response.json()) as GenerationJobView;
  for (let tries = 0; tries < 400; tries++) {
    const job = (await (await fetch(`${app.url}/api/generations/${id}`)).json()) as GenerationJobView;
    if (job.status === "failed") throw new Error(`Job failed: ${JSON.stringify(job)}`);
    if (job.status === "succeeded") {
      const bytes = new Uint8Array(await (await fetch(`${app.url}${(job.result as MediaResult).url}`)).arrayBuffer());
      const file = byDigest.get(digest(bytes));
      if (!file) throw new Error("The result is not a stock clip.");
      return { scene: file.scene, take: file.take };
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Job ${id} did not finish.`);
}

const BALL_PROMPT = "An orange ball rolls across a checkered floor and bounces.";

describe("conditioned generation on the simulator", () => {
  it("a bundled still picks the scene on every generator protocol, the prompt notwithstanding; the seed picks the take", async () => {
    const still = (await storeMediaBytes(sample("robot-arm.png"))).media.id;
    for (const backend of ["sim-predict", "sim-cosmos3-wfm", "sim-cosmos3-nim2", "sim-cosmos3-gen"]) {
      const takes = new Set<number>();
      for (const seed of [1, 2, 3]) {
        const clip = await clipOf({ backend, mode: "image2world", prompt: BALL_PROMPT, inputMediaId: still, seed });
        expect(clip.scene, `${backend} seed ${seed}`).toBe("robot-arm");
        takes.add(clip.take);
      }
      expect(takes.size, backend).toBe(3);
    }
  });

  it("a bundled clip picks the scene of video-to-world", async () => {
    const clip = (await storeMediaBytes(sample("world-driving.mp4"))).media.id;
    for (const backend of ["sim-predict", "sim-cosmos3-gen"]) {
      expect((await clipOf({ backend, mode: "video2world", prompt: BALL_PROMPT, inputMediaId: clip, seed: 4 })).scene, backend).toBe(
        "driving",
      );
    }
  });

  it("an input the simulator does not know leaves the scene to the prompt", async () => {
    const unknown = (await storeMediaBytes(makePng(64, 36, [200, 120, 40]))).media.id;
    for (const backend of ["sim-predict", "sim-cosmos3-gen"]) {
      expect((await clipOf({ backend, mode: "image2world", prompt: BALL_PROMPT, inputMediaId: unknown, seed: 5 })).scene, backend).toBe(
        "rolling-ball",
      );
    }
  });
});
