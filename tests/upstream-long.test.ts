import { mkdtempSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { generationService } from "@/lib/generation/server/service";

import { useConfig } from "./support/config";
import { makeMp4 } from "./support/media-fixtures";
import { sseBody, startScriptedUpstream, type ScriptedUpstream } from "./support/scripted-upstream";
import { chatTurn, passThroughCall, runJob } from "./support/upstream-calls";
import { sleep } from "./support/wait";

// Real time, on purpose: Node's HTTP client gives up after 300 s without headers or body bytes
// unless told otherwise, so only waiting longer than that proves nothing but the backend's own
// limits (here the defaults: timeoutMs 600 s, idleTimeoutMs 120 s) can end a call. The cases run at
// once, in a file of their own, so the rest of the suite runs beside them.

const FIRST_BYTE_AFTER_MS = 310_000;
const JOB_TAKES_MS = 320_000;
const TEST_TIMEOUT_MS = JOB_TAKES_MS + 90_000;
const OWNER = "long-test-owner";
const MP4 = Buffer.from(makeMp4({ width: 64, height: 48, fps: 24, frames: 24 }));
let server: ScriptedUpstream;

async function answerLate(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const route = `${req.method} ${(req.url ?? "/").replace(/^\/[^/]+\/v1/, "")}`;
  if (route === "POST /chat/completions") {
    await sleep(FIRST_BYTE_AFTER_MS);
    return void res.writeHead(200, { "Content-Type": "text/event-stream" }).end(sseBody([{ content: "Worth the wait." }]));
  }
  if (route === "POST /infer") {
    await sleep(JOB_TAKES_MS);
    return void res
      .writeHead(200, { "Content-Type": "application/json" })
      .end(JSON.stringify({ b64_video: MP4.toString("base64"), seed: 3 }));
  }
  // vLLM-Omni without async jobs: one blocking call for the whole video.
  if (route === "POST /videos")
    return void res.writeHead(405, { "Content-Type": "application/json" }).end('{"detail":"Method Not Allowed"}');
  if (route === "POST /videos/sync") {
    await sleep(JOB_TAKES_MS);
    return void res.writeHead(200, { "Content-Type": "video/mp4" }).end(MP4);
  }
  res.writeHead(404).end();
}

beforeAll(async () => {
  process.env.PLAYGROUND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "playground-long-"));
  server = await startScriptedUpstream();
  server.handle(answerLate);
  // Default timeoutMs and idleTimeoutMs throughout: nothing below is tuned for this test.
  const at = (name: string) => `${server.url}/${name}/v1`;
  useConfig({
    backends: [
      { id: "chat", label: "Slow to start", kind: "chat", baseUrl: at("chat"), model: "m" },
      { id: "relay", label: "Slow to start, passed through", kind: "chat", baseUrl: at("relay"), model: "m" },
      { id: "predict", label: "Cosmos Predict at 720p", kind: "predict", baseUrl: at("predict") },
      { id: "omni", label: "vLLM-Omni, sync only", kind: "omni", family: "vllm-omni", baseUrl: at("omni") },
    ],
  });
});
afterAll(async () => {
  await generationService().runner.idle();
  await server.close();
});

describe.concurrent("minutes-long upstream calls finish with the default limits", () => {
  it("a chat whose server sends its first byte after 310 s", { timeout: TEST_TIMEOUT_MS }, async () => {
    const started = Date.now();
    const events = await chatTurn("chat");
    expect(events.filter((event) => event.type === "error")).toEqual([]);
    expect(events.at(-1)).toMatchObject({ type: "done", answer: "Worth the wait." });
    expect(Date.now() - started).toBeGreaterThanOrEqual(FIRST_BYTE_AFTER_MS);
  });

  it("the same through the pass-through", { timeout: TEST_TIMEOUT_MS }, async () => {
    const { status, text } = await passThroughCall(
      "relay",
      "chat/completions",
      "POST",
      JSON.stringify({ model: "m", stream: true, messages: [] }),
    );
    expect(status).toBe(200);
    expect(text).toContain("Worth the wait.");
    expect(text.trimEnd().endsWith("data: [DONE]")).toBe(true);
  });

  it("a Cosmos Predict job that takes 320 s at the server", { timeout: TEST_TIMEOUT_MS }, async () => {
    const job = await runJob(OWNER, "predict", 2000, TEST_TIMEOUT_MS);
    expect(job.error).toBeUndefined();
    expect(job).toMatchObject({ status: "succeeded", seed: 3, result: { kind: "video" } });
    expect(job.elapsedS).toBeGreaterThanOrEqual(JOB_TAKES_MS / 1000);
  });

  it("a vLLM-Omni video that takes 320 s in one blocking call", { timeout: TEST_TIMEOUT_MS }, async () => {
    const job = await runJob(OWNER, "omni", 2000, TEST_TIMEOUT_MS);
    expect(job.error).toBeUndefined();
    expect(job).toMatchObject({ status: "succeeded", result: { kind: "video" } });
  });
});
