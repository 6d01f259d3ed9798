import { request as httpRequest } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { requestClient } from "@/lib/server/client-address";
import { playgroundStore } from "@/lib/server/db/store";

import { discoverApiRoutes, fillPattern } from "./support/api-routes";
import { useConfig } from "./support/config";
import { postgresCase, sqliteCase } from "./support/database-drivers";
import { serveRoutes, type Route } from "./support/route-server";

// Input that once got a 500 (or Next's empty 405 and HTML 404): now each gets a 4xx in the JSON
// error shape, on SQLite and on PostgreSQL alike.

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** Any method and raw path, as a client may send them (fetch refuses TRACE and cleans up paths). */
function raw(url: string, method: string, rawPath: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, method, path: rawPath, headers }, (res) => {
      let text = "";
      res
        .setEncoding("utf8")
        .on("data", (chunk: string) => (text += chunk))
        .on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject).end(body);
  });
}

const errorCode = (answer: Answer) => (JSON.parse(answer.body) as { error: { code: string; errorId?: string } }).error;

describe.each([sqliteCase, postgresCase])("bad input on $name", (driver) => {
  let routes: Route[] = [];
  let app: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    await driver.start();
    const location = await driver.freshLocation();
    delete process.env.DATABASE_URL;
    delete process.env.PLAYGROUND_PASSWORD;
    if (location.driver === "postgres") process.env.DATABASE_URL = location.url;
    else process.env.PLAYGROUND_DATA_DIR = path.dirname(location.file);
    useConfig({ simulator: { tokensPerSecond: 5000 } });
    routes = await discoverApiRoutes({ generated: true });
    app = await serveRoutes([
      ...routes,
      { method: "GET", pattern: "/echo-client", handler: async (request) => Response.json(requestClient(request.headers)) },
    ]);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await (await playgroundStore()).close();
    delete process.env.DATABASE_URL;
    await driver.stop();
  });

  const send = (method: string, rawPath: string, body?: unknown, headers: Record<string, string> = {}) =>
    raw(
      app.url,
      method,
      rawPath,
      body === undefined ? headers : { "Content-Type": "application/json", ...headers },
      body === undefined ? undefined : JSON.stringify(body),
    );

  it("answers TRACE and other methods no route takes with a JSON 405 naming the allowed ones", async () => {
    for (const method of ["TRACE", "PROPFIND", "PURGE"]) {
      const answer = await raw(app.url, method, "/api/health");
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow, method).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
      expect(errorCode(answer), method).toMatchObject({ code: "method_not_allowed", errorId: expect.any(String) });
    }
  });

  it("answers a malformed %-escape in any dynamic path segment with a JSON 400", async () => {
    const dynamic = [...new Set(routes.filter((route) => route.pattern.includes("[")).map((route) => route.pattern))];
    expect(dynamic.length).toBeGreaterThan(5);
    for (const pattern of dynamic) {
      for (const bad of ["%", "%E0%A4%A", "%ZZ", "a%FFb"]) {
        const answer = await raw(
          app.url,
          "GET",
          fillPattern(pattern, () => bad),
        );
        expect(answer.status, `${pattern} ${bad}`).toBe(400);
        expect(errorCode(answer).code).toBe("bad_request");
      }
    }
  });

  it("answers every method a route file does not take with a JSON 405 and Allow, and OPTIONS with Allow", async () => {
    const files = [...new Set(routes.map((route) => route.pattern))].filter((pattern) => pattern !== "/api/[[...path]]");
    for (const pattern of files) {
      const exported = routes.filter((route) => route.pattern === pattern).map((route) => route.method);
      expect(exported, pattern).toEqual(expect.arrayContaining(["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]));
      const options = await raw(
        app.url,
        "OPTIONS",
        fillPattern(pattern, () => "x"),
      );
      expect(options.status, pattern).toBe(204);
      const allow = String(options.headers.allow);
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((method) => !allow.split(", ").includes(method))) {
        const answer = await raw(
          app.url,
          method,
          fillPattern(pattern, () => "x"),
        );
        expect(answer.status, `${method} ${pattern}`).toBe(405);
        expect(answer.headers.allow, `${method} ${pattern}`).toBe(allow);
        expect(errorCode(answer).code).toBe("method_not_allowed");
      }
    }
  });

  it("answers unknown /api paths with a JSON 404", async () => {
    for (const [method, rawPath] of [
      ["GET", "/api"],
      ["GET", "/api/nope"],
      ["POST", "/api/backends/x"],
      ["DELETE", "/api/media/a/b/c"],
    ] as const) {
      const answer = await raw(app.url, method, rawPath);
      expect(answer.status, rawPath).toBe(404);
      expect(errorCode(answer).code, rawPath).toBe("not_found");
    }
  });

  it("refuses conversation data nested too deeply to store with a 400, not a stack overflow", async () => {
    const json = { "Content-Type": "application/json" };
    const deep = `${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}`;
    const created = await raw(app.url, "POST", "/api/conversations", json, `{"title":"Deep","data":{"deep":${deep}}}`);
    expect(created.status).toBe(400);
    expect(errorCode(created).code).toBe("bad_request");
    const cookie = String(created.headers["set-cookie"]).split(";")[0]!;
    const ok = await send("POST", "/api/conversations", { title: "Shallow", data: { turns: [] } }, { Cookie: cookie });
    const { id } = JSON.parse(ok.body) as { id: string };
    const list = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const saved = await raw(
      app.url,
      "PUT",
      `/api/conversations/${id}`,
      { ...json, Cookie: cookie },
      `{"revision":1,"data":{"list":${list}}}`,
    );
    expect(saved.status).toBe(400);
    expect(errorCode(saved).code).toBe("bad_request");
  });

  it("keeps NUL characters out of every text it stores", async () => {
    const created = await send("POST", "/api/conversations", {
      title: "Cup\u0000 demo",
      backendId: "nim\u0000",
      data: { note: "a\u0000b" },
    });
    expect(created.status, created.body).toBe(201);
    const conversation = JSON.parse(created.body) as { id: string; title: string; backendId: string; data: { note: string } };
    expect(conversation).toMatchObject({ title: "Cup demo", backendId: "nim", data: { note: "a\u0000b" } });
    const cookie = String(created.headers["set-cookie"]).split(";")[0]!;
    const search = await send("GET", "/api/conversations?q=Cup%00", undefined, { Cookie: cookie });
    expect(search.status, search.body).toBe(200);
    const renamed = await send("PATCH", `/api/conversations/${conversation.id}`, { title: "Re\u0000named" }, { Cookie: cookie });
    expect(JSON.parse(renamed.body)).toMatchObject({ title: "Renamed" });
    const shared = await send("POST", "/api/sessions", { title: "Share\u0000d", data: { turns: [{ role: "user", text: "x\u0000y" }] } });
    expect(shared.status, shared.body).toBe(201);
  });

  it("gives route code the address that connected, whatever the client claims", async () => {
    const answer = await raw(app.url, "GET", "/echo-client", { "X-Playground-Peer": "203.0.113.66", "X-Forwarded-For": "203.0.113.67" });
    expect(JSON.parse(answer.body)).toEqual({ address: "127.0.0.1", key: "ip:127.0.0.1" });
  });
});
