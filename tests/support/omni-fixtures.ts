import { afterAll, beforeAll, expect } from "vitest";

import type { GenerationRequest } from "@/lib/generation/schema";
import { startSimulator, type RunningSimulator } from "@/lib/simulator/server";
import { built, loadFixtures, send, type Fixture, type MultipartRequest } from "@/tests/support/protocol-fixtures";

// vLLM-Omni's vendor fixtures and the checks their tests share, against a simulator started for the
// calling test file (protocol-fixtures-omni*.test.ts).

export type Json = Record<string, unknown>;
export type Job = Json & { id: string; status: string; action: Json | null };

export function omniFixtureHarness() {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ generationSeconds: 0.05 });
  });
  afterAll(() => sim.close());

  const fixtures = loadFixtures("vllm-omni");
  const base = () => `${sim.url}/cosmos3-gen`;
  const fixture = (file: string): Fixture => fixtures[file]!;
  const fieldsOf = (file: string) => (fixture(file).request as MultipartRequest).fields;

  async function acceptedSync(file: string): Promise<void> {
    const response = await send(base(), fixture(file));
    expect(response.status, response.status === 200 ? "" : await response.text()).toBe(200);
    expect(response.headers.get("content-type")).toBe("video/mp4");
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
  }

  async function poll(id: string, until: (job: Job) => boolean): Promise<Job> {
    for (let tries = 0; tries < 200; tries++) {
      const job = (await (await fetch(`${base()}/v1/videos/${id}`)).json()) as Job;
      if (until(job)) return job;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`job ${id} never got there`);
  }

  /** POSTs the fixture's request as an async job; answers the finished job object. */
  async function finishedJob(file: string, override?: Fixture["request"]): Promise<Job> {
    const response = await send(base(), fixture(file), { endpoint: "POST /v1/videos", ...(override ? { request: override } : {}) });
    const created = (await response.json()) as Job;
    expect(response.status, JSON.stringify(created)).toBe(200);
    expect(created).toMatchObject({ object: "video", status: "queued", progress: 0 });
    return poll(created.id, (job) => job.status === "completed" || job.status === "failed");
  }

  /** The documented job-object keys are all there, with the protocol's constant values. */
  function expectJobShape(job: Json, documented: Json): void {
    for (const key of Object.keys(documented)) expect(job, key).toHaveProperty(key);
    expect(job).toMatchObject({
      object: "video",
      quality: "default",
      media_type: "video/mp4",
      remixed_from_video_id: null,
      expires_at: null,
    });
    expect(job.seconds).toMatch(/^[1-9]\d*$/);
  }

  const sameFields = (file: string, request: Omit<GenerationRequest, "backend">, input?: { kind: "image" | "video"; mime: string }) => {
    const plan = built("vllm-omni", request, input);
    expect(plan.protocol).toBe("omni-video");
    if (plan.protocol !== "omni-video") return;
    expect(plan.fields).toEqual(fieldsOf(file));
    expect(plan.attachInput).toBe(Boolean(input));
  };

  /** The fields a vendor notebook sent (less the model name), extra_params compared as JSON. */
  function expectSameForm(plan: ReturnType<typeof built>, fields: Record<string, string>): void {
    expect(plan.protocol).toBe("omni-video");
    if (plan.protocol !== "omni-video") return;
    const { model: _model, extra_params: extras, ...rest } = fields;
    const { extra_params: ours, ...ourRest } = plan.fields;
    expect(ourRest).toEqual(rest);
    expect(JSON.parse(ours!)).toEqual(JSON.parse(extras!));
    expect(plan.attachInput).toBe(true);
  }

  return { fixtures, base, fixture, fieldsOf, acceptedSync, poll, finishedJob, expectJobShape, sameFields, expectSameForm };
}
