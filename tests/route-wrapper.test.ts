import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";

import { PlaygroundError } from "@/lib/core/errors";
import { playgroundStore } from "@/lib/server/db/store";
import { methods, route } from "@/lib/server/route";

import { discoverApiRoutes, fillPattern } from "./support/api-routes";
import { useConfig } from "./support/config";
import { serveRoutes } from "./support/route-server";

// lib/server/route.ts, the one way a route is written: what every route gets from it.

let app: { url: string; close(): Promise<void> };

const refusing = methods({
  GET: route({ access: "open", query: z.object({ n: z.coerce.number().int().min(1) }) }, async ({ query }) => {
    if (query.n === 7) throw new PlaygroundError("rate_limited", "Seven is too many.", undefined, { "Retry-After": "12" });
    if (query.n === 13) throw new Error("unlucky: a bug");
    return Response.json({ n: query.n });
  }),
});

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  delete process.env.PLAYGROUND_PASSWORD;
  process.env.PLAYGROUND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "playground-route-wrapper-"));
  useConfig({ simulator: { tokensPerSecond: 5000 } });
  const own = await discoverApiRoutes({ generated: true });
  app = await serveRoutes([...own, { method: "GET", pattern: "/test/refusing", handler: refusing.GET }]);
});
afterAll(async () => {
  await app.close();
  await (await playgroundStore()).close();
});

describe("the route wrapper", () => {
  it("answers a thrown refusal with its status, its own headers and the request's errorId", async () => {
    const response = await fetch(`${app.url}/test/refusing?n=7`);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("12");
    expect(await response.json()).toEqual({
      error: { code: "rate_limited", message: "Seven is too many.", errorId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    });
  });

  it("answers a bug with a 500 sentence and logs it under the errorId the body names", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const response = await fetch(`${app.url}/test/refusing?n=13`);
      expect(response.status).toBe(500);
      const { error } = (await response.json()) as { error: { code: string; message: string; errorId: string } };
      expect(error.message).toBe("Something went wrong on the playground server; the details are in its log.");
      expect(JSON.stringify(error)).not.toContain("unlucky");
      expect(log).toHaveBeenCalledWith(
        `[playground] ${error.errorId} unexpected error:`,
        expect.objectContaining({ message: "unlucky: a bug" }),
      );
    } finally {
      log.mockRestore();
    }
  });

  it("gives every request its own errorId", async () => {
    const ids = await Promise.all(
      [1, 2, 3].map(
        async () => ((await (await fetch(`${app.url}/test/refusing?n=0`)).json()) as { error: { errorId: string } }).error.errorId,
      ),
    );
    expect(new Set(ids).size).toBe(3);
  });

  it("marks every API answer no-store unless the route sets its own caching", async () => {
    const wrong: string[] = [];
    for (const own of await discoverApiRoutes({ generated: true })) {
      const url = `${app.url}${fillPattern(own.pattern, (param) => (param === "path" ? "models" : own.pattern.startsWith("/api/backends/") ? "sim-reason2-8b" : "x"))}`;
      const response = await fetch(url, {
        method: own.method,
        redirect: "manual",
        headers: { "Content-Type": "application/json" },
        body: ["POST", "PUT", "PATCH"].includes(own.method) ? "{}" : undefined,
      });
      await response.arrayBuffer();
      if (!response.headers.get("cache-control")) wrong.push(`${own.method} ${own.pattern} → ${response.status}`);
    }
    expect(wrong).toEqual([]);
  });
});
