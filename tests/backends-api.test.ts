import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as backendsRoute } from "@/app/api/backends/route";
import type { BackendsResponse } from "@/lib/backends/types";

import { useConfig } from "./support/config";
import { startScriptedUpstream, type ScriptedUpstream } from "./support/scripted-upstream";

const KEY = "nvapi-backends-secret";
let ready: ScriptedUpstream;
let loading: ScriptedUpstream;

beforeAll(async () => {
  ready = await startScriptedUpstream();
  ready.handle((req, res) => {
    if (req.url === "/v1/health/ready") return void res.writeHead(200).end(JSON.stringify({ status: "ready" }));
    if (req.url === "/v1/models") return void res.writeHead(200).end(JSON.stringify({ data: [{ id: "nvidia/detected-model" }] }));
    res.writeHead(404).end();
  });
  loading = await startScriptedUpstream();
  loading.handle((_req, res) => void res.writeHead(503).end(JSON.stringify({ status: "not ready" })));
  process.env.BACKENDS_TEST_KEY = KEY;
  useConfig({
    simulator: true,
    backends: [
      {
        id: "detect",
        label: "Detects its model",
        kind: "chat",
        family: "nemotron-vl",
        baseUrl: `${ready.url}/v1`,
        apiKeyEnv: "BACKENDS_TEST_KEY",
      },
      {
        id: "loading",
        label: "Loading",
        kind: "chat",
        family: "cosmos-reason1",
        baseUrl: `${loading.url}/v1`,
        model: "m",
        coordinates: "normalized-1000",
      },
      { id: "down", label: "Down", kind: "chat", baseUrl: "http://127.0.0.1:9/v1", model: "m" },
      { id: "nokey", label: "No key", kind: "chat", baseUrl: `${ready.url}/v1`, model: "m", apiKeyEnv: "UNSET_VARIABLE_FOR_TEST" },
    ],
  });
});
afterAll(async () => {
  await ready.close();
  await loading.close();
});

describe("GET /api/backends", () => {
  it("lists simulated and configured backends with live status, detected models and no secrets", async () => {
    const response = await backendsRoute(new Request("http://127.0.0.1/api/backends"), { params: Promise.resolve({}) });
    const text = await response.text();
    const { backends } = JSON.parse(text) as BackendsResponse;
    const byId = Object.fromEntries(backends.map((b) => [b.id, b]));

    expect(byId["sim-reason2-8b"]).toMatchObject({
      simulated: true,
      status: "ready",
      family: "cosmos-reason2",
      model: "nvidia/cosmos-reason2-8b",
    });
    expect(byId["sim-predict"]).toMatchObject({
      kind: "predict",
      family: null,
      generationFamily: "cosmos-predict",
      simulated: true,
      status: "ready",
    });
    expect(byId["sim-cosmos3-wfm"]).toMatchObject({ kind: "predict", generationFamily: "cosmos3-wfm", status: "ready" });
    expect(byId["sim-cosmos3-gen"]).toMatchObject({
      kind: "omni",
      generationFamily: "vllm-omni",
      status: "ready",
      model: "nvidia/Cosmos3-Nano",
    });
    expect(byId.detect).toMatchObject({ status: "ready", model: "nvidia/detected-model", family: "nemotron-vl", simulated: false });
    expect(byId.detect!.capabilities).toMatchObject({ reasoningSwitch: "system-think", reasoningWithVideo: false, maxImages: 4 });
    expect(byId.loading).toMatchObject({ status: "error" });
    // How points and boxes are read: the family's convention, unless the configuration says otherwise.
    expect(byId["sim-reason2-8b"]!.capabilities.coordinates).toBe("normalized-1000");
    expect(byId["sim-reason1-7b"]!.capabilities.coordinates).toBe("absolute-pixels");
    expect(byId.loading!.capabilities.coordinates).toBe("normalized-1000");
    expect(byId["sim-predict"]!.capabilities).not.toHaveProperty("coordinates");
    expect(byId.loading!.statusMessage).toMatch(/starting up/);
    expect(byId.down).toMatchObject({ status: "unreachable" });
    expect(byId.down!.statusMessage).toMatch(/is the NIM container running/);
    expect(byId.nokey).toMatchObject({ status: "error", statusMessage: expect.stringContaining("UNSET_VARIABLE_FOR_TEST") });

    expect(text).not.toContain(KEY);
    expect(text).not.toContain("baseUrl");
    expect(ready.requests.find((r) => r.url === "/v1/models")?.headers.authorization).toBe(`Bearer ${KEY}`);
  });
});
