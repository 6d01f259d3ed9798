import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { MEDIA_CONTENT_SECURITY_POLICY } from "@/lib/core/security-headers";
import { UNAUTHORIZED_MESSAGE } from "@/lib/server/access";
import { playgroundStore } from "@/lib/server/db/store";

import { discoverApiRoutes, fillPattern } from "./support/api-routes";
import { behindProxy, passProxy } from "./support/behind-proxy";
import { useConfig } from "./support/config";
import { makePng } from "./support/media-fixtures";
import { serveRoutes, type Route } from "./support/route-server";

// With PLAYGROUND_PASSWORD set, every API route (found by walking app/api, each exported method)
// refuses a request without the password, through proxy.ts as `next start` runs it. Only health,
// login, logout and the read of a shared session stay open.

const PASSWORD = "open-sesame";
const basic = (password: string) => `Basic ${Buffer.from(`me:${password}`).toString("base64")}`;
const AUTHORIZED = { Authorization: basic(PASSWORD) };

/** Expected answers of the open routes to the requests below; every other route must answer 401. */
const OPEN: Record<string, number> = {
  "GET /api/health": 200,
  "POST /api/login": 401, // a JSON body without the password: the login route's own refusal
  "POST /api/logout": 303,
  "GET /api/sessions/[id]": 404, // shared sessions are public; a random id is simply not found
  "GET /api/sessions/[id]/demo-pack": 404, // as open as the share it packs
};
// The routes proxy.ts skips and which check the password themselves: they must be found.
const OUTSIDE_PROXY = [
  "POST /api/media",
  "POST /api/demo-packs",
  "POST /api/chat",
  "GET /api/backends/[id]/v1/[...path]",
  "POST /api/backends/[id]/v1/[...path]",
];

let routes: Route[] = [];
let app: { url: string; close(): Promise<void> };

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  delete process.env.PLAYGROUND_PUBLIC_SHARES;
  process.env.PLAYGROUND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "playground-security-routes-"));
  process.env.PLAYGROUND_PASSWORD = PASSWORD;
  // Every route gets a wrong password below; the lockout after repeated ones has its own test.
  process.env.PLAYGROUND_RATE_AUTH_FAILURES = "1000/60";
  useConfig({ simulator: { tokensPerSecond: 5000 } });
  routes = await discoverApiRoutes();
  app = await serveRoutes(routes.map((route) => ({ ...route, handler: behindProxy(route.handler) })));
});
afterAll(async () => {
  await app.close();
  await (await playgroundStore()).close();
  delete process.env.PLAYGROUND_PASSWORD;
  delete process.env.PLAYGROUND_RATE_AUTH_FAILURES;
});

const randomId = () => randomBytes(16).toString("base64url");
/** A plausible path: a real backend where a backend goes, a well-formed id elsewhere. */
const concretePath = (pattern: string) =>
  fillPattern(pattern, (param) => (param === "path" ? "models" : pattern.startsWith("/api/backends/") ? "sim-reason2-8b" : randomId()));

function call(route: Pick<Route, "method" | "pattern">, headers: Record<string, string> = {}): Promise<Response> {
  const hasBody = ["POST", "PUT", "PATCH"].includes(route.method);
  return fetch(`${app.url}${concretePath(route.pattern)}`, {
    method: route.method,
    redirect: "manual",
    headers: { ...(hasBody ? { "Content-Type": "application/json" } : {}), ...headers },
    body: hasBody ? "{}" : undefined,
  });
}

const key = (route: Pick<Route, "method" | "pattern">) => `${route.method} ${route.pattern}`;

describe("every API route with PLAYGROUND_PASSWORD set", () => {
  it("finds the routes, the open ones and those outside the proxy among them", () => {
    const found = routes.map(key);
    expect(found).toEqual(expect.arrayContaining([...Object.keys(OPEN), ...OUTSIDE_PROXY]));
    expect(new Set(found).size).toBe(found.length);
  });

  it.each([
    ["no credentials", {}],
    ["a wrong password", { Authorization: basic("guess") }],
    ["a forged login cookie", { Cookie: "playground_access=bm9uY2U.c2lnbmF0dXJl" }],
  ])("answers 401 JSON to %s on every route but the open ones", async (_, headers: Record<string, string>) => {
    const wrong: string[] = [];
    for (const route of routes) {
      const response = await call(route, headers);
      const expected = OPEN[key(route)] ?? 401;
      const body = route.method === "HEAD" ? "" : await response.text();
      if (response.status !== expected) wrong.push(`${key(route)} → ${response.status} ${body.slice(0, 120)}`);
      else if (!(key(route) in OPEN)) {
        expect(response.headers.get("www-authenticate"), key(route)).toBe('Basic realm="NIM Playground"');
        if (route.method !== "HEAD")
          expect(JSON.parse(body), key(route)).toEqual({
            error: { code: "unauthorized", message: UNAUTHORIZED_MESSAGE, errorId: expect.any(String) },
          });
      }
    }
    expect(wrong).toEqual([]);
  });

  it("lets the same requests through with the password (so the 401s above are the password check)", async () => {
    const refused: string[] = [];
    for (const route of routes) {
      if (key(route) === "POST /api/login") continue; // its body, not the header, carries the password
      const response = await call(route, AUTHORIZED);
      await response.arrayBuffer();
      if (response.status === 401 || response.status >= 500) refused.push(`${key(route)} → ${response.status}`);
    }
    expect(refused).toEqual([]);
  });
});

describe("a share link without the password", () => {
  const get = (route: string, headers: Record<string, string> = {}) => fetch(`${app.url}${route}`, { headers });
  const upload = async (rgb: [number, number, number]) => {
    const response = await fetch(`${app.url}/api/media`, {
      method: "POST",
      headers: { ...AUTHORIZED, "Content-Type": "image/png" },
      body: makePng(6, 6, rgb),
    });
    return ((await response.json()) as { id: string }).id;
  };
  const share = async (mediaId: string) => {
    const data = {
      turns: [
        { role: "user", text: "What is this?", attachments: [{ kind: "image", mediaId }] },
        { role: "assistant", answer: "A square." },
      ],
    };
    const response = await fetch(`${app.url}/api/sessions`, {
      method: "POST",
      headers: { ...AUTHORIZED, "Content-Type": "application/json" },
      body: JSON.stringify({ title: "Shared", data }),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; deleteToken: string };
  };
  const location = async (pathname: string) => {
    const response = await passProxy(`${app.url}${pathname}`);
    if (response.headers.get("x-middleware-next") === "1") return "through";
    const to = response.headers.get("location");
    return `${response.status} ${to ? `${new URL(to).pathname}${new URL(to).search}` : ""}`;
  };

  it("opens the shared session and its media, and nothing else of the playground", async () => {
    const [shown, other] = [await upload([1, 2, 3]), await upload([4, 5, 6])];
    const { id, deleteToken } = await share(shown);

    const read = await get(`/api/sessions/${id}`);
    expect(read.status).toBe(200);
    const text = await read.text();
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(["createdAt", "data", "id", "mediaIds", "title"]);
    expect(text).not.toContain(deleteToken);
    expect(await location(`/s/${id}`)).toBe("through");

    const media = await get(`/api/media/${shown}`);
    expect(media.status).toBe(200);
    expect(media.headers.get("content-type")).toBe("image/png");
    // What `next start` sends comes from the proxy: Next keeps the app-wide CSP over a route's own.
    expect((await passProxy(`${app.url}/api/media/${shown}`)).headers.get("content-security-policy")).toBe(MEDIA_CONTENT_SECURITY_POLICY);

    // Media of no share is closed, and answers exactly like an id that does not exist.
    const unshared = await get(`/api/media/${other}`);
    const unknown = await get(`/api/media/${randomId()}`);
    expect([unshared.status, unknown.status]).toEqual([401, 401]);
    const withoutRequestId = async (response: Response) => (await response.text()).replace(/"errorId":"[^"]+"/, "");
    expect(await withoutRequestId(unshared)).toBe(await withoutRequestId(unknown));

    for (const page of ["/", "/compare", "/generate", `/s/${id}/extra`])
      expect(await location(page)).toBe(`303 /login?next=${encodeURIComponent(page)}`);
    for (const route of ["/api/conversations", "/api/generations", "/api/backends", `/api/backends/sim-reason2-8b/snippet-target`])
      expect((await get(route)).status, route).toBe(401);
    const removal = await fetch(`${app.url}/api/sessions/${id}`, { method: "DELETE", headers: { "X-Delete-Token": deleteToken } });
    expect(removal.status).toBe(401);

    // Removed by its owner: the page says so, and its media close again.
    expect(
      (await fetch(`${app.url}/api/sessions/${id}`, { method: "DELETE", headers: { ...AUTHORIZED, "X-Delete-Token": deleteToken } }))
        .status,
    ).toBe(204);
    expect(await location(`/s/${id}`)).toBe("410 ");
    expect((await get(`/api/sessions/${id}`)).status).toBe(410);
    expect((await get(`/api/media/${shown}`)).status).toBe(401);
  });

  it("closes shares too with PLAYGROUND_PUBLIC_SHARES=false", async () => {
    const shown = await upload([7, 8, 9]);
    const { id } = await share(shown);
    process.env.PLAYGROUND_PUBLIC_SHARES = "false";
    try {
      expect(await location(`/s/${id}`)).toBe(`303 /login?next=${encodeURIComponent(`/s/${id}`)}`);
      expect((await get(`/api/sessions/${id}`)).status).toBe(401);
      expect((await get(`/api/media/${shown}`)).status).toBe(401);
      expect((await get(`/api/media/${shown}`, AUTHORIZED)).status).toBe(200);
    } finally {
      delete process.env.PLAYGROUND_PUBLIC_SHARES;
    }
  });
});
