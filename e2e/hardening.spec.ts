import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

import { root, startServer } from "../scripts/next-server.mjs";

// The production server (scripts/serve.mjs) against what a hostile page or a careless client sends.

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** Raw HTTP: any method, any path, a Host header, a local address (fetch allows none of these). */
function raw(
  base: string,
  method: string,
  rawPath: string,
  headers: Record<string, string> = {},
  options: { body?: string; localAddress?: string } = {},
): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, method, path: rawPath, headers, localAddress: options.localAddress }, (res) => {
      let body = "";
      res
        .setEncoding("utf8")
        .on("data", (chunk: string) => (body += chunk))
        .on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject).end(options.body);
  });
}

const codeOf = (answer: Answer) => (JSON.parse(answer.body) as { error: { code: string } }).error.code;

test("TRACE, malformed %-escapes, wrong methods and unknown API paths get the JSON error shape", async ({ baseURL }) => {
  const trace = await raw(baseURL!, "TRACE", "/api/health");
  expect([trace.status, codeOf(trace)]).toEqual([405, "method_not_allowed"]);
  for (const bad of ["/api/sessions/%ZZ", "/api/media/%E0%A4%A", "/api/backends/sim%ZZ/v1/models", "/api/conversations/%", "/s/%ZZ"]) {
    const answer = await raw(baseURL!, "GET", bad);
    expect([answer.status, codeOf(answer)], bad).toEqual([400, "bad_request"]);
  }
  const wrongMethod = await raw(baseURL!, "DELETE", "/api/health");
  expect([wrongMethod.status, codeOf(wrongMethod), wrongMethod.headers.allow]).toEqual([405, "method_not_allowed", "GET, HEAD, OPTIONS"]);
  const unknown = await raw(baseURL!, "GET", "/api/nope");
  expect([unknown.status, codeOf(unknown)]).toEqual([404, "not_found"]);
});

test("another site's page cannot make changes, and a rebound host name gets nothing", async ({ baseURL }) => {
  const share = JSON.stringify({ title: "x", data: { turns: [] } });
  const json = { "Content-Type": "application/json" };
  const crossSite = await raw(
    baseURL!,
    "POST",
    "/api/sessions",
    { ...json, Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    { body: share },
  );
  expect([crossSite.status, codeOf(crossSite)]).toEqual([403, "cross_site"]);
  const plain = await raw(baseURL!, "POST", "/api/sessions", { "Content-Type": "text/plain" }, { body: share });
  expect([plain.status, codeOf(plain)]).toEqual([415, "unsupported_media"]);
  expect((await raw(baseURL!, "POST", "/api/sessions", { ...json, Origin: baseURL! }, { body: share })).status).toBe(201);
  for (const target of ["/", "/api/backends", "/api/health"]) {
    const rebound = await raw(baseURL!, "GET", target, { Host: "rebound.evil.example:3210" });
    expect([rebound.status, codeOf(rebound)], target).toEqual([421, "host_not_allowed"]);
  }
});

test.describe("rate limits by address", () => {
  const PORT = 3232;
  let server: Awaited<ReturnType<typeof startServer>>;
  let dataDir: string;
  const base = `http://127.0.0.1:${PORT}`;

  test.beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "playground-hardening-"));
    server = await startServer({
      port: PORT,
      quiet: true,
      env: {
        ...process.env,
        PLAYGROUND_DATA_DIR: dataDir,
        PLAYGROUND_RATE_SHARES: "2/600",
        PLAYGROUND_CONFIG: process.env.PLAYGROUND_CONFIG ?? path.join(root, "e2e", "playground.e2e.json"),
      },
    });
  });
  test.afterAll(() => {
    server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test("count each connecting address, whatever headers the client writes", async () => {
    const body = JSON.stringify({ title: "x", data: { turns: [] } });
    const post = (localAddress: string, forged: number) =>
      raw(
        base,
        "POST",
        "/api/sessions",
        { "Content-Type": "application/json", "X-Forwarded-For": `198.51.100.${forged}`, "X-Playground-Peer": `203.0.113.${forged}` },
        { body, localAddress },
      );
    expect((await post("127.0.0.2", 1)).status).toBe(201);
    expect((await post("127.0.0.2", 2)).status).toBe(201);
    expect((await post("127.0.0.2", 3)).status).toBe(429);
    // Another address has its own count: the server knows who connected.
    expect((await post("127.0.0.3", 3)).status).toBe(201);
  });
});
