import type { ServerResponse } from "node:http";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET, POST } from "@/app/api/backends/[id]/v1/[...path]/route";
import { MEDIA_CONTENT_SECURITY_POLICY } from "@/lib/core/security-headers";

import { useConfig } from "./support/config";
import { serveRoutes } from "./support/route-server";
import { cutAt, sseBody, startScriptedUpstream, writePieces, type ScriptedUpstream } from "./support/scripted-upstream";

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
    expect(wrongMethod.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
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

  it("never serves an upstream's document renderable on our origin; JSON and events pass as they are", async () => {
    const page = `<!DOCTYPE html><script>fetch("/api/conversations").then((r) => r.text()).then(alert)</script>`;
    const answers: [string, string][] = [
      ["text/html; charset=utf-8", page],
      ["image/svg+xml", `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`],
      ["application/xhtml+xml", page],
      ["text/xml", `<x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>`],
      ["application/rss+xml", "<rss/>"],
      ["", page],
    ];
    for (const [type, body] of answers) {
      upstream.handle((_req, res) => void res.writeHead(200, type ? { "Content-Type": type } : {}).end(body));
      const response = await fetch(`${app.url}/api/backends/nim/v1/models`);
      expect(response.headers.get("content-disposition"), type).toBe("attachment");
      expect(response.headers.get("content-security-policy"), type).toBe(MEDIA_CONTENT_SECURITY_POLICY);
      expect(response.headers.get("x-content-type-options"), type).toBe("nosniff");
      expect(await response.text()).toBe(body);
    }
    for (const type of ["application/json", "text/event-stream", "video/mp4"]) {
      upstream.handle((_req, res) => void res.writeHead(200, { "Content-Type": type }).end("{}"));
      const response = await fetch(`${app.url}/api/backends/nim/v1/models`);
      expect(response.headers.get("content-type"), type).toBe(type);
      expect(response.headers.get("content-disposition"), type).toBeNull();
      expect(response.headers.get("content-security-policy"), type).toBe(MEDIA_CONTENT_SECURITY_POLICY);
    }
  });

  it("cuts the key out of an echoed body wherever the network splits it", async () => {
    const body = Buffer.from(`{"error":{"message":"You sent Bearer ${KEY} twice: ${KEY}${KEY}"}}`);
    const start = body.indexOf(KEY);
    for (let offset = start - 1; offset <= start + KEY.length + 1; offset++) {
      upstream.handle((_req, res) => {
        res.writeHead(401, { "Content-Type": "application/json" });
        return writeSplit(res, body, [offset, offset + 3]);
      });
      const text = await (await fetch(`${app.url}/api/backends/nim/v1/models`)).text();
      expect(text, `cut at ${offset}`).toBe(`{"error":{"message":"You sent Bearer [key removed] twice: [key removed][key removed]"}}`);
    }
  });
});

async function writeSplit(res: ServerResponse, bytes: Buffer, offsets: number[]): Promise<void> {
  for (const piece of cutAt(bytes, offsets)) {
    res.write(piece);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  res.end();
}
