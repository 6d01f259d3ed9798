import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET, POST } from "@/app/api/backends/[id]/v1/[...path]/route";

import { useConfig } from "./support/config";
import { serveRoutes } from "./support/route-server";
import { sseBody, startScriptedUpstream, writePieces, type ScriptedUpstream } from "./support/scripted-upstream";

const KEY = "nvapi-passthrough-secret";
let upstream: ScriptedUpstream;
let app: { url: string; close(): Promise<void> };
const pattern = "/api/backends/[id]/v1/[...path]";

beforeAll(async () => {
  upstream = await startScriptedUpstream();
  process.env.PASSTHROUGH_TEST_KEY = KEY;
  useConfig({
    simulator: { tokensPerSecond: 5000 },
    backends: [{ id: "nim", label: "NIM", kind: "chat", baseUrl: `${upstream.url}/v1`, model: "m", apiKeyEnv: "PASSTHROUGH_TEST_KEY" }],
  });
  app = await serveRoutes([
    { method: "GET", pattern, handler: GET as never },
    { method: "POST", pattern, handler: POST as never },
    { method: "DELETE", pattern, handler: POST as never },
  ]);
});
afterAll(async () => {
  await app.close();
  await upstream.close();
});

describe("pass-through /api/backends/{id}/v1/{path}", () => {
  it("lets the openai SDK stream from a configured backend, with the key added server-side", async () => {
    upstream.handle((_req, res) => writePieces(res, [sseBody([{ content: "Hello " }, { content: "world" }])]));
    const client = new OpenAI({ baseURL: `${app.url}/api/backends/nim/v1`, apiKey: "browser-side-dummy" });
    const stream = await client.chat.completions.create({ model: "m", stream: true, messages: [{ role: "user", content: "hi" }] });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe("Hello world");
    expect(upstream.requests.at(-1)!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it("reaches the simulator the same way", async () => {
    const client = new OpenAI({ baseURL: `${app.url}/api/backends/sim-reason2-8b/v1`, apiKey: "unused" });
    const models = await client.models.list();
    expect(models.data[0]?.id).toBe("nvidia/cosmos-reason2-8b");
  });

  it("refuses paths the backend's kind does not serve, and traversal attempts", async () => {
    for (const path of ["videos", "admin", "..%2F..%2Fetc%2Fpasswd", "chat%2Fcompletions", "models%00"]) {
      const response = await fetch(`${app.url}/api/backends/nim/v1/${path}`);
      expect(response.status, path).toBe(404);
      expect((await response.json()).error.code, path).toBe("path_not_allowed");
    }
    const wrongMethod = await fetch(`${app.url}/api/backends/nim/v1/models`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(wrongMethod.status).toBe(405);
    const unknown = await fetch(`${app.url}/api/backends/elsewhere/v1/models`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe("backend_not_found");
  });

  it("passes upstream errors back unchanged and never the key", async () => {
    upstream.handle(
      (_req, res) =>
        void res.writeHead(422, { "Content-Type": "application/json" }).end(JSON.stringify({ error: { message: "bad video" } })),
    );
    const response = await fetch(`${app.url}/api/backends/nim/v1/chat/completions`, {
      method: "POST",
      body: "{}",
      headers: { "Content-Type": "application/json", Authorization: "Bearer from-browser" },
    });
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(JSON.parse(text).error.message).toBe("bad video");
    expect(text).not.toContain(KEY);
    expect(upstream.requests.at(-1)!.headers.authorization).toBe(`Bearer ${KEY}`);
  });
});
