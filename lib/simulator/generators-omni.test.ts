import { describe, expect, it } from "vitest";

import { mp4Facts, pngPixels, startGeneratorSimulatorForFile } from "@/tests/support/generator-simulator";
import { makeMp4, makePng } from "@/tests/support/media-fixtures";

// The simulated vLLM-Omni generator speaks its wire protocol (sync, async jobs, FastAPI errors) and answers real media.

const sim = startGeneratorSimulatorForFile();
const { post } = sim;

describe("vLLM-Omni generator (simulated)", () => {
  const form = (fields: Record<string, string>, file?: Uint8Array<ArrayBuffer>): FormData => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    if (file) data.append("input_reference", new Blob([file]), "input.png");
    return data;
  };

  it("lists its model and answers a real PNG for text to image", async () => {
    const models = (await (await fetch(`${sim.url()}/cosmos3-gen/v1/models`)).json()) as { data: { id: string }[] };
    expect(models.data[0]?.id).toBe("nvidia/Cosmos3-Nano");
    const body = (await (
      await post("/cosmos3-gen/v1/images/generations", { prompt: "a lab", size: "640x480", seed: 3, response_format: "b64_json" })
    ).json()) as { data: { b64_json: string }[] };
    expect(pngPixels(Buffer.from(body.data[0]!.b64_json, "base64"))).toEqual({ width: 640, height: 480, rawBytes: (640 * 3 + 1) * 480 });
  });

  it("runs an async video job whose progress advances, then serves its MP4; DELETE removes a job", async () => {
    const created = (await (
      await fetch(`${sim.url()}/cosmos3-gen/v1/videos`, { method: "POST", body: form({ prompt: "robot", size: "832x480", seed: "9" }) })
    ).json()) as { id: string; status: string; progress: number };
    expect(created).toMatchObject({ status: "queued", progress: 0 });
    expect(created.id).toMatch(/^video_gen_/);
    const early = await (await fetch(`${sim.url()}/cosmos3-gen/v1/videos/${created.id}/content`)).json();
    expect(early).toEqual({ detail: expect.stringMatching(/not completed yet/) });
    const seen: number[] = [];
    let status = "queued";
    while (status !== "completed") {
      await new Promise((resolve) => setTimeout(resolve, 40));
      const job = (await (await fetch(`${sim.url()}/cosmos3-gen/v1/videos/${created.id}`)).json()) as { status: string; progress: number };
      seen.push(job.progress);
      status = job.status;
    }
    expect(seen.some((progress) => progress > 0 && progress < 100)).toBe(true);
    expect(seen.at(-1)).toBe(100);
    const content = new Uint8Array(await (await fetch(`${sim.url()}/cosmos3-gen/v1/videos/${created.id}/content`)).arrayBuffer());
    expect(await mp4Facts(content)).toMatchObject({ hasVideoTrack: true, codec: "avc1" });

    const other = (await (
      await fetch(`${sim.url()}/cosmos3-gen/v1/videos`, { method: "POST", body: form({ prompt: "robot" }) })
    ).json()) as {
      id: string;
    };
    expect(await (await fetch(`${sim.url()}/cosmos3-gen/v1/videos/${other.id}`, { method: "DELETE" })).json()).toEqual({
      id: other.id,
      object: "video.deleted",
      deleted: true,
    });
    expect((await fetch(`${sim.url()}/cosmos3-gen/v1/videos/${other.id}`)).status).toBe(404);
  });

  it("answers /v1/videos/sync with the MP4 bytes and refuses bad fields", async () => {
    const response = await fetch(`${sim.url()}/cosmos3-gen/v1/videos/sync`, {
      method: "POST",
      body: form({ prompt: "robot", generate_sound: "true", extra_params: '{"guardrails":false}' }, makePng(4, 4)),
    });
    expect(response.headers.get("content-type")).toBe("video/mp4");
    expect(response.headers.get("x-simulated-note")).toMatch(/stock clip/);
    expect((await mp4Facts(new Uint8Array(await response.arrayBuffer()))).hasVideoTrack).toBe(true);
    const bad = await fetch(`${sim.url()}/cosmos3-gen/v1/videos/sync`, {
      method: "POST",
      body: form({ prompt: "robot", extra_params: "{not json" }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ detail: "Invalid JSON in form field." });
  });

  it("keeps the protocol's ranges (422), refuses another model and a second reference (400), in FastAPI's detail shape", async () => {
    const sync = (fields: Record<string, string>, file?: Uint8Array<ArrayBuffer>) =>
      fetch(`${sim.url()}/cosmos3-gen/v1/videos/sync`, { method: "POST", body: form(fields, file) });
    for (const [field, value] of [
      ["guidance_scale", "20.5"],
      ["num_inference_steps", "201"],
      ["fps", "0"],
      ["fps", "24.5"],
      ["num_frames", "0"],
      ["size", "1280*720"],
    ]) {
      const response = await sync({ prompt: "robot", [field!]: value! });
      expect(response.status, `${field}=${value}`).toBe(422);
      expect(((await response.json()) as { detail: { loc: string[] }[] }).detail[0]?.loc).toEqual(["body", field]);
    }
    const model = await sync({ prompt: "robot", model: "nvidia/Cosmos3-Super" });
    expect([model.status, await model.json()]).toEqual([
      400,
      { detail: "Model 'nvidia/Cosmos3-Super' is not served here; this server serves 'nvidia/Cosmos3-Nano'." },
    ]);
    const both = await sync({ prompt: "robot", video_reference: '{"video_url":"https://example.com/a.mp4"}' }, makeMp4());
    expect([both.status, await both.json()]).toEqual([
      400,
      { detail: "Send one reference: input_reference and video_reference cannot be combined." },
    ]);
    const twice = await sync({ prompt: "robot", flow_shift: "3.0", extra_params: '{"flow_shift":5}' });
    expect(twice.status).toBe(400);
  });

  it("blocks a guardrail-tripping prompt: 500 'Guardrail blocked prompt' in sync, a failed job in async, unless guardrails are off", async () => {
    const sync = await fetch(`${sim.url()}/cosmos3-gen/v1/videos/sync`, { method: "POST", body: form({ prompt: "guardrail-block me" }) });
    expect([sync.status, await sync.json()]).toEqual([500, { detail: "Guardrail blocked prompt" }]);
    const off = await fetch(`${sim.url()}/cosmos3-gen/v1/videos/sync`, {
      method: "POST",
      body: form({ prompt: "guardrail-block me", extra_params: '{"guardrails":false}' }),
    });
    expect(off.status).toBe(200);
    await off.arrayBuffer();
    const job = (await (
      await fetch(`${sim.url()}/cosmos3-gen/v1/videos`, { method: "POST", body: form({ prompt: "guardrail-block me" }) })
    ).json()) as { id: string; status: string };
    expect(job.status).toBe("queued");
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await (await fetch(`${sim.url()}/cosmos3-gen/v1/videos/${job.id}`)).json()).toMatchObject({
      status: "failed",
      error: { code: 500, message: "Guardrail blocked prompt" },
    });
    const image = await post("/cosmos3-gen/v1/images/generations", { prompt: "guardrail-block me" });
    expect([image.status, await image.json()]).toEqual([500, { detail: "Guardrail blocked prompt" }]);
  });
});
