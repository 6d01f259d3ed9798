import { mkdtempSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Dispatcher } from "undici";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { getBackend } from "@/lib/backends/server/backends";
import { checkBackend } from "@/lib/backends/server/status";
import { UPSTREAM_AGENT_OPTIONS, upstreamAgent } from "@/lib/backends/server/upstream-fetch";
import { generationService } from "@/lib/generation/server/service";

import { useConfig } from "./support/config";
import { makeMp4 } from "./support/media-fixtures";
import { sseBody, startScriptedUpstream, type ScriptedUpstream } from "./support/scripted-upstream";
import { chatTurn, passThroughCall, runJob } from "./support/upstream-calls";
import { sleep } from "./support/wait";

// Each upstream call ends at the backend's own timeoutMs / idleTimeoutMs, says which, and nothing
// else cuts it sooner. Minutes-long calls are in upstream-long.test.ts.

const OWNER = "timeouts-test-owner";
const MP4 = Buffer.from(makeMp4({ width: 64, height: 48, fps: 24, frames: 24 }));
let server: ScriptedUpstream;
const held: ServerResponse[] = [];

/** Answers like a healthy NIM of every kind, except where a path under `/<scenario>/v1` says otherwise. */
async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const [, scenario, , ...rest] = (req.url ?? "/").split("/");
  const route = `${scenario} ${req.method} /${rest.join("/")}`;
  const json = (body: unknown) => void res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(body));
  if (route === "silent GET /health/ready" || route === "silent POST /infer") return void held.push(res);
  if (route === "stalled POST /infer") {
    res.writeHead(200, { "Content-Type": "application/json" }).flushHeaders();
    res.write(`{"b64_video":"${MP4.subarray(0, 30).toString("base64")}`); // then nothing, ever
    return void held.push(res);
  }
  if (route === "slow-models GET /models") await sleep(3_000);
  if (rest[0] === "models") return json({ object: "list", data: [{ id: "m" }] });
  if (rest[0] === "health") return json({ status: "ready" });
  if (rest[0] === "chat")
    return void res.writeHead(200, { "Content-Type": "text/event-stream" }).end(sseBody([{ content: "On the left." }]));
  if (rest[0] === "infer") return json({ b64_video: MP4.toString("base64"), seed: 1 });
  res.writeHead(404).end();
}

beforeAll(async () => {
  process.env.PLAYGROUND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "playground-timeouts-"));
  server = await startScriptedUpstream();
  server.handle(answer);
  const at = (scenario: string) => `${server.url}/${scenario}/v1`;
  useConfig({
    backends: [
      { id: "silent-predict", label: "Never answers", kind: "predict", baseUrl: at("silent"), timeoutMs: 1500 },
      { id: "stalled-predict", label: "Stalls mid-body", kind: "predict", baseUrl: at("stalled"), timeoutMs: 1500, idleTimeoutMs: 1000 },
      { id: "silent-status", label: "Silent readiness", kind: "chat", baseUrl: at("silent"), model: "m", timeoutMs: 1000 },
      // No model configured: looked up at GET /v1/models, which takes 3 s here.
      { id: "slow-models", label: "Slow model list", kind: "chat", baseUrl: at("slow-models") },
      // Healthy, one scenario name each so every request names its call site.
      { id: "lookup", label: "Looks up its model", kind: "chat", baseUrl: at("lookup") },
      { id: "relay", label: "Pass-through", kind: "chat", baseUrl: at("relay"), model: "m" },
      { id: "probe", label: "Status check", kind: "chat", baseUrl: at("probe"), model: "m" },
      { id: "predict", label: "Predict", kind: "predict", baseUrl: at("predict") },
    ],
  });
});
afterAll(async () => {
  for (const res of held.splice(0)) res.destroy();
  await generationService().runner.idle();
  await server.close();
});

describe("upstream calls end at the backend's own limits, and say which", () => {
  it("a generation the server never answers ends at its timeoutMs", async () => {
    const started = Date.now();
    const job = await runJob(OWNER, "silent-predict", 50, 10_000);
    expect(job.error).toEqual({
      code: "upstream_timeout",
      message:
        "Backend 'silent-predict' did not finish within its timeoutMs (1.5 s); for long generations raise its timeoutMs in the configuration.",
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it("a generation whose body stalls after its headers ends at its timeoutMs, garbage collection or not", async () => {
    const collecting = setInterval(runGc(), 100); // Node 20 loses AbortSignal.timeout inside AbortSignal.any to this
    try {
      const job = await runJob(OWNER, "stalled-predict", 50, 10_000);
      expect(job.error).toEqual({
        code: "upstream_timeout",
        message:
          "Backend 'stalled-predict' did not finish within its timeoutMs (1.5 s); for long generations raise its timeoutMs in the configuration.",
      });
    } finally {
      clearInterval(collecting);
    }
  });

  it("a readiness check that runs out of time says so, and does not call the backend unreachable", async () => {
    const check = await checkBackend(await getBackend("silent-status"));
    expect(check).toMatchObject({
      status: "error",
      statusMessage: "Backend 'silent-status' did not answer its readiness check within 1 s; it may be busy.",
    });
  });

  it("a chat waits for a slow model list as long as its timeoutMs, not the short status-check limit", async () => {
    const events = await chatTurn("slow-models");
    expect(events.at(-1)).toMatchObject({ type: "done", answer: "On the left." });
  });

  it("a connection the system gives up on is called unreachable, not a timeoutMs that did not run out", async () => {
    const agent = upstreamAgent();
    const spy = vi
      .spyOn(agent, "dispatch")
      .mockImplementation((_options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandlers) => {
        const gaveUp = Object.assign(new Error("connect ETIMEDOUT 10.255.255.1:8000"), { code: "ETIMEDOUT", syscall: "connect" });
        queueMicrotask(() => handler.onError?.(gaveUp));
        return true;
      });
    try {
      expect((await chatTurn("relay")).at(-1)).toMatchObject({
        type: "error",
        code: "backend_unreachable",
        message: expect.stringMatching(/^Backend 'relay' is not reachable at /),
      });
    } finally {
      spy.mockRestore();
    }
  });
});

describe("the HTTP client under every upstream call", () => {
  it("has undici's own 300 s clocks off, so only the backend's limits apply", () => {
    expect(UPSTREAM_AGENT_OPTIONS).toEqual({ headersTimeout: 0, bodyTimeout: 0, connectTimeout: 0 });
  });

  it("carries every call site's requests: chat, model lookup, pass-through, generation and status", async () => {
    const dispatched: string[] = [];
    const agent = upstreamAgent();
    const dispatch = agent.dispatch.bind(agent);
    const spy = vi
      .spyOn(agent, "dispatch")
      .mockImplementation((options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandlers) => {
        dispatched.push(`${options.method} ${options.path}`);
        return dispatch(options, handler);
      });
    try {
      expect((await chatTurn("lookup")).at(-1)).toMatchObject({ type: "done", answer: "On the left." });
      expect(await passThroughCall("relay", "models")).toMatchObject({ status: 200 });
      expect(await runJob(OWNER, "predict", 50, 10_000)).toMatchObject({ status: "succeeded" });
      expect(await checkBackend(await getBackend("probe"))).toMatchObject({ status: "ready" });
    } finally {
      spy.mockRestore();
    }
    expect(dispatched.sort()).toEqual([
      "GET /lookup/v1/models",
      "GET /probe/v1/health/ready",
      "GET /relay/v1/models",
      "POST /lookup/v1/chat/completions",
      "POST /predict/v1/infer",
    ]);
  });
});

/** V8's gc(), for a test that must hold up after a collection. */
function runGc(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}
