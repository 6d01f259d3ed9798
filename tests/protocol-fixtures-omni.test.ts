import { describe, expect, it } from "vitest";

import { omniFixtureHarness, type Job, type Json } from "@/tests/support/omni-fixtures";

import { built, expectRefused, isMultipart, send, type MultipartRequest } from "./support/protocol-fixtures";

// One test per vendor fixture of vLLM-Omni's Cosmos3 generator (../shared/protocol-fixtures/vllm-omni):
// what the vendor documents as valid the simulator accepts, what it documents as invalid it refuses,
// and where our builder can make the request, it makes that body (else the test says why not).
// This file holds videos/; protocol-fixtures-omni-more.test.ts every other folder.

const { fixtures, base, fixture, fieldsOf, acceptedSync, poll, finishedJob, expectJobShape, sameFields } = omniFixtureHarness();

const CASES: Record<string, () => Promise<void>> = {
  "videos/t2v-sync-readme.json": async () => {
    await acceptedSync("videos/t2v-sync-readme.json");
    sameFields("videos/t2v-sync-readme.json", {
      mode: "text2world",
      prompt: "A small warehouse robot moves a blue box across a clean floor.",
      negativePrompt: "blurry, distorted, low quality",
      resolution: "720p",
      aspect: "16:9",
      frames: 189,
      fps: 24,
      steps: 35,
      guidanceScale: 6,
      flowShift: 10,
      seed: 0,
      guardrails: true,
    });
  },
  "videos/t2vs-sync-sound-notebook.json": async () => {
    await acceptedSync("videos/t2vs-sync-sound-notebook.json");
    const fields = fieldsOf("videos/t2vs-sync-sound-notebook.json");
    sameFields("videos/t2vs-sync-sound-notebook.json", {
      mode: "text2world",
      prompt: fields.prompt!,
      negativePrompt: fields.negative_prompt!,
      resolution: "720p",
      aspect: "16:9",
      frames: 189,
      fps: 24,
      steps: 35,
      guidanceScale: 6,
      flowShift: 10,
      seed: 0,
      guardrails: true,
      generateSound: true,
    });
  },
  "videos/i2v-sync-notebook.json": async () => {
    await acceptedSync("videos/i2v-sync-notebook.json");
    const fields = fieldsOf("videos/i2v-sync-notebook.json");
    sameFields(
      "videos/i2v-sync-notebook.json",
      {
        mode: "image2world",
        prompt: fields.prompt!,
        negativePrompt: fields.negative_prompt!,
        resolution: "720p",
        aspect: "16:9",
        frames: 189,
        fps: 24,
        steps: 35,
        guidanceScale: 6,
        flowShift: 10,
        seed: 0,
        guardrails: true,
      },
      { kind: "image", mime: "image/jpeg" },
    );
  },
  "videos/i2v-sync-edge-notebook.json": async () => {
    await acceptedSync("videos/i2v-sync-edge-notebook.json");
    const fields = fieldsOf("videos/i2v-sync-edge-notebook.json");
    sameFields(
      "videos/i2v-sync-edge-notebook.json",
      {
        mode: "image2world",
        prompt: fields.prompt!,
        negativePrompt: fields.negative_prompt!,
        resolution: "480p",
        aspect: "16:9",
        frames: 121,
        fps: 24,
        steps: 50,
        guidanceScale: 5,
        flowShift: 3,
        seed: 0,
        guardrails: true,
      },
      { kind: "image", mime: "image/jpeg" },
    );
  },
  "videos/t2v-sync-guardrails-off-readme.json": async () => {
    await acceptedSync("videos/t2v-sync-guardrails-off-readme.json");
    // The README sends the prompt alone and leaves the rest to the server; our builder states every value.
    const plan = built("vllm-omni", {
      mode: "text2world",
      prompt: fieldsOf("videos/t2v-sync-guardrails-off-readme.json").prompt!,
      guardrails: false,
    });
    expect(plan.protocol === "omni-video" && JSON.parse(plan.fields.extra_params!)).toEqual(
      JSON.parse(fieldsOf("videos/t2v-sync-guardrails-off-readme.json").extra_params!),
    );
  },
  "videos/t2v-async-create-docs.json": async () => {
    // A Wan2.2 example of the generic API (width/height, 80 frames): not a Cosmos3 request our builder makes.
    const job = await finishedJob("videos/t2v-async-create-docs.json");
    expect(job).toMatchObject({ status: "completed", size: "1280x720" });
  },
  "videos/v2v-video-reference-json-docs.json": async () => {
    // Our builder uploads the input video as input_reference rather than naming a URL.
    const job = await finishedJob("videos/v2v-video-reference-json-docs.json");
    expect(job.status).toBe("completed");
  },
  "videos/v2v-invalid-video-reference-with-input-reference.json": async () => {
    const file = "videos/v2v-invalid-video-reference-with-input-reference.json";
    const response = await send(base(), fixture(file));
    expectRefused(response, fixture(file));
    expect(await response.json()).toEqual({ detail: expect.stringMatching(/input_reference and video_reference cannot be combined/) });
  },
  "videos/job-object-queued-protocol.json": async () => {
    const response = await send(base(), fixture("videos/t2v-sync-readme.json"), { endpoint: "POST /v1/videos" });
    const created = (await response.json()) as Job;
    expectJobShape(created, fixture("videos/job-object-queued-protocol.json").response!.body as Json);
    expect(created).toMatchObject({
      status: "queued",
      progress: 0,
      completed_at: null,
      error: null,
      file_name: null,
      inference_time_s: null,
      stage_durations: {},
      action: null,
    });
    await poll(created.id, (job) => job.status === "completed");
  },
  "videos/job-object-completed-protocol.json": async () => {
    const job = await finishedJob("videos/v2v-video-reference-json-docs.json");
    expectJobShape(job, fixture("videos/job-object-completed-protocol.json").response!.body as Json);
    expect(job).toMatchObject({
      status: "completed",
      progress: 100,
      error: null,
      action: null,
      completed_at: expect.any(Number),
      inference_time_s: expect.any(Number),
    });
  },
  "videos/job-object-failed-protocol.json": async () => {
    // The simulator fails a job whose prompt its guardrail blocks.
    const request = fixture("videos/t2v-sync-readme.json").request as MultipartRequest;
    const job = await finishedJob("videos/t2v-sync-readme.json", {
      ...request,
      fields: { ...request.fields, prompt: "guardrail-block", extra_params: "{}" },
    });
    expectJobShape(job, fixture("videos/job-object-failed-protocol.json").response!.body as Json);
    expect(job).toMatchObject({ status: "failed", completed_at: null, error: { code: 500, message: "Guardrail blocked prompt" } });
  },
  "videos/job-content.json": async () => {
    const job = await finishedJob("videos/t2v-async-create-docs.json");
    const response = await fetch(`${base()}/v1/videos/${job.id}/content`);
    expect([response.status, response.headers.get("content-type")]).toEqual([200, "video/mp4"]);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
  },
  "videos/job-list.json": async () => {
    const list = (await (await fetch(`${base()}/v1/videos`)).json()) as Json & { data: Json[] };
    expect(Object.keys(list).sort()).toEqual(Object.keys(fixture("videos/job-list.json").response!.body as Json).sort());
    expect(list).toMatchObject({ object: "list", has_more: false });
    expect(list.data.length).toBeGreaterThan(0);
  },
  "videos/job-delete.json": async () => {
    const job = await finishedJob("videos/t2v-async-create-docs.json");
    const response = await fetch(`${base()}/v1/videos/${job.id}`, { method: "DELETE" });
    expect(await response.json()).toEqual({ id: job.id, deleted: true, object: "video.deleted" });
  },
};

describe("vLLM-Omni fixtures (sim-cosmos3-gen): videos", () => {
  it("has a test for every fixture file under videos/", () =>
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(fixtures).filter((file) => file.startsWith("videos/"))));
  it("every fixture request is multipart for videos and JSON for images", () => {
    for (const [file, { request }] of Object.entries(fixtures))
      if (request) expect(isMultipart(request), file).toBe(!file.startsWith("images/"));
  });
  for (const [file, check] of Object.entries(CASES)) it(file, check);
});
