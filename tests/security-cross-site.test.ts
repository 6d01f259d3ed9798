import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { shareSession } from "@/lib/conversations/server/service";
import { storeMediaBytes } from "@/lib/media/server/service";
import { playgroundStore } from "@/lib/server/db/store";

import { discoverApiRoutes, fillPattern } from "./support/api-routes";
import { behindProxy, passProxy } from "./support/behind-proxy";
import { useConfig } from "./support/config";
import { makePng } from "./support/media-fixtures";
import { serveRoutes, type Route } from "./support/route-server";

// What another site's page can make a visitor's browser send: posts with its Origin, "simple"
// bodies (text/plain, forms) that need no permission, and requests to a name it controls that
// resolves to the playground (DNS rebinding). Every route is found by walking app/api.

const requestHeaders = vi.hoisted(() => ({ current: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => requestHeaders.current }));

let routes: Route[] = [];
let app: { url: string; close(): Promise<void> };

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  delete process.env.PLAYGROUND_PASSWORD;
  delete process.env.PLAYGROUND_TRUST_PROXY;
  delete process.env.PLAYGROUND_ALLOWED_HOSTS;
  process.env.PLAYGROUND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "playground-cross-site-"));
  useConfig({ simulator: { tokensPerSecond: 5000 } });
  routes = await discoverApiRoutes();
  app = await serveRoutes(routes.map((route) => ({ ...route, handler: behindProxy(route.handler) })));
});
afterEach(() => {
  delete process.env.PLAYGROUND_TRUST_PROXY;
  delete process.env.PLAYGROUND_ALLOWED_HOSTS;
});
afterAll(async () => {
  await app.close();
  await (await playgroundStore()).close();
});

const key = (route: Pick<Route, "method" | "pattern">) => `${route.method} ${route.pattern}`;
const concretePath = (pattern: string) =>
  fillPattern(pattern, (param) =>
    param === "path" ? "models" : pattern.startsWith("/api/backends/") ? "sim-reason2-8b" : randomBytes(16).toString("base64url"),
  );
const changes = () => routes.filter((route) => ["POST", "PUT", "PATCH", "DELETE"].includes(route.method));
// Routes that read no body: their content type does not matter.
const BODYLESS = new Set(["POST /api/logout", "POST /api/[[...path]]", "PUT /api/[[...path]]", "PATCH /api/[[...path]]"]);

function call(route: Pick<Route, "method" | "pattern">, headers: Record<string, string>, body?: string): Promise<Response> {
  return fetch(`${app.url}${concretePath(route.pattern)}`, { method: route.method, redirect: "manual", headers, body });
}

async function codeOf(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

describe("changes asked for by another site's page", () => {
  it.each([
    ["an Origin of another site", { Origin: "https://evil.example" }],
    ["an Origin on another port", { Origin: "http://127.0.0.1:1" }],
    ["Sec-Fetch-Site: cross-site", { "Sec-Fetch-Site": "cross-site" }],
  ])("are refused with 403 on every route that changes something: %s", async (_, headers) => {
    const wrong: string[] = [];
    for (const route of changes()) {
      const response = await call(route, { "Content-Type": "application/json", ...headers }, route.method === "DELETE" ? undefined : "{}");
      if (response.status !== 403 || (await codeOf(response)) !== "cross_site") wrong.push(`${key(route)} → ${response.status}`);
    }
    expect(wrong).toEqual([]);
    expect(changes().length).toBeGreaterThan(8);
  });

  it("go on from the playground's own pages and from scripts, which send no Origin", async () => {
    const own = { Origin: app.url, "Sec-Fetch-Site": "same-origin" };
    for (const headers of [own, {}]) {
      for (const route of changes()) {
        const response = await call(
          route,
          { "Content-Type": "application/json", ...headers },
          route.method === "DELETE" ? undefined : "{}",
        );
        // Some answer 4xx for the empty body or the missing delete token; none for where it came from.
        if (response.status === 403) expect(await codeOf(response), key(route)).not.toBe("cross_site");
        else await response.arrayBuffer();
      }
    }
  });
});

describe("bodies another site's page may send without asking", () => {
  it.each(["text/plain", "application/x-www-form-urlencoded"])(
    "are refused with 415 as %s on every route that reads a body, except the login form",
    async (type) => {
      const wrong: string[] = [];
      for (const route of changes().filter((route) => route.method !== "DELETE" && !BODYLESS.has(key(route)))) {
        if (type !== "text/plain" && key(route) === "POST /api/login") continue;
        const response = await call(route, { "Content-Type": type }, '{"title":"x","data":{"turns":[]}}');
        if (response.status !== 415 || (await codeOf(response)) !== "unsupported_media") wrong.push(`${key(route)} → ${response.status}`);
      }
      expect(wrong).toEqual([]);
    },
  );

  it("leave uploads as multipart or a raw body with its media type, and the pass-through as JSON or multipart", async () => {
    const upload = (body: BodyInit, headers: Record<string, string> = {}) =>
      fetch(`${app.url}/api/media`, { method: "POST", headers, body });
    const form = new FormData();
    form.append("file", new Blob([makePng(3, 3)], { type: "image/png" }), "a.png");
    expect((await upload(form)).status).toBe(201);
    expect((await upload(makePng(3, 4), { "Content-Type": "image/png" })).status).toBe(201);
    expect((await upload(makePng(3, 5), { "Content-Type": "application/octet-stream" })).status).toBe(201);
    const chat = (headers: Record<string, string>) =>
      fetch(`${app.url}/api/backends/sim-reason2-8b/v1/chat/completions`, {
        method: "POST",
        headers,
        body: JSON.stringify({ model: "nvidia/cosmos-reason2-8b", messages: [{ role: "user", content: "hi" }] }),
      });
    const answered = await chat({ "Content-Type": "application/json" });
    expect(answered.status).toBe(200);
    await answered.arrayBuffer();
    expect((await chat({ "Content-Type": "text/plain" })).status).toBe(415);
  });
});

/** A request with a Host header of our choosing (fetch will not send one). */
function withHost(
  route: Pick<Route, "method" | "pattern">,
  host: string,
  extra: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const url = new URL(`${app.url}${concretePath(route.pattern)}`);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: route.method, headers: { Host: host, ...extra } }, (res) => {
      let body = "";
      res
        .setEncoding("utf8")
        .on("data", (chunk: string) => (body += chunk))
        .on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject).end();
  });
}

describe("a host name the playground does not answer for (DNS rebinding)", () => {
  it("gets 421 from every route and page", async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const { status, body } = await withHost(route, "rebound.evil.example:3000");
      if (status !== 421 || (route.method !== "HEAD" && JSON.parse(body).error.code !== "host_not_allowed"))
        wrong.push(`${key(route)} → ${status}`);
    }
    expect(wrong).toEqual([]);
    for (const page of ["/", "/compare", "/s/abc"])
      expect((await passProxy(`${app.url}${page}`, "GET", { host: "rebound.evil.example" })).status, page).toBe(421);
  });

  it("is answered once named in PLAYGROUND_ALLOWED_HOSTS; X-Forwarded-Host counts only behind a trusted proxy", async () => {
    const health = { method: "GET", pattern: "/api/health" };
    process.env.PLAYGROUND_ALLOWED_HOSTS = "playground.example.com";
    expect((await withHost(health, "playground.example.com")).status).toBe(200);
    expect((await withHost(health, "127.0.0.1", { "X-Forwarded-Host": "rebound.evil.example" })).status).toBe(200);
    process.env.PLAYGROUND_TRUST_PROXY = "1";
    expect((await withHost(health, "127.0.0.1", { "X-Forwarded-Host": "rebound.evil.example" })).status).toBe(421);
    expect((await withHost(health, "127.0.0.1", { "X-Forwarded-Host": "playground.example.com" })).status).toBe(200);
  });
});

describe("a shared page's link preview", () => {
  it("names the host the request was for, not an X-Forwarded-Host a client made up", async () => {
    const { media } = await storeMediaBytes(makePng(8, 8));
    const { id } = await shareSession({
      title: "Preview",
      data: { version: 1, turns: [{ role: "user", text: "Look", attachments: [{ kind: "image", mediaId: media.id }] }] },
    });
    const { generateMetadata } = await import("@/app/s/[id]/page");
    const metadataBase = async () => String((await generateMetadata({ params: Promise.resolve({ id }) })).metadataBase);

    requestHeaders.current = new Headers({ host: "playground.lan:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(await metadataBase()).toBe("http://playground.lan:3000/");
    process.env.PLAYGROUND_TRUST_PROXY = "1";
    expect(await metadataBase()).toBe("https://evil.example/");
  });
});
