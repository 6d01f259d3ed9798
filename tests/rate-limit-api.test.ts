import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postMedia } from "@/app/api/media/route";
import { POST as postShare } from "@/app/api/sessions/route";
import { playgroundStore } from "@/lib/server/db/store";
import { makePng } from "./support/media-fixtures";
import { serveRoutes } from "./support/route-server";

let app: { url: string; close(): Promise<void> };

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  delete process.env.PLAYGROUND_PASSWORD;
  process.env.PLAYGROUND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "playground-rate-limit-"));
  process.env.PLAYGROUND_RATE_SHARES = "2/600";
  process.env.PLAYGROUND_RATE_UPLOADS = "3/60";
  process.env.PLAYGROUND_TRUST_PROXY = "1";
  app = await serveRoutes([
    { method: "POST", pattern: "/api/sessions", handler: postShare },
    { method: "POST", pattern: "/api/media", handler: postMedia },
  ]);
});
afterAll(async () => {
  await app.close();
  await (await playgroundStore()).close();
});

const owner = (letter: string) => `playground_owner=${letter.repeat(22)}`;
const share = { title: "Limits", data: { backend: { id: "b", label: "B", model: "m", family: "cosmos-reason2" }, params: {}, reasoning: false, turns: [] } };

const postShareAs = (headers: Record<string, string>) =>
  fetch(`${app.url}/api/sessions`, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(share) });
const uploadAs = (headers: Record<string, string>, size: number) =>
  fetch(`${app.url}/api/media`, { method: "POST", headers: { "Content-Type": "image/png", ...headers }, body: makePng(size, size) });

describe("rate limits on POST /api/sessions and POST /api/media", () => {
  it("refuses the third share of a client with 429, Retry-After and a sentence; others go on", async () => {
    expect((await postShareAs({ Cookie: owner("a") })).status).toBe(201);
    expect((await postShareAs({ Cookie: owner("a") })).status).toBe(201);
    const refused = await postShareAs({ Cookie: owner("a") });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(590);
    expect(retryAfter).toBeLessThanOrEqual(600);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toBe("Too many shared sessions: the limit is 2 per 600 seconds. Try again in 10 minutes.");
    expect((await postShareAs({ Cookie: owner("b") })).status).toBe(201);
  });

  it("counts clients without a cookie by the first X-Forwarded-For entry when the proxy is trusted", async () => {
    for (let i = 0; i < 3; i++) expect((await uploadAs({ "X-Forwarded-For": "203.0.113.7, 10.0.0.1" }, 4 + i)).status).toBe(201);
    const refused = await uploadAs({ "X-Forwarded-For": "203.0.113.7, 10.0.0.2" }, 9);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^Too many uploads: the limit is 3 per 60 seconds\. Try again in \d+ seconds\.$/);
    expect((await uploadAs({ "X-Forwarded-For": "198.51.100.1" }, 10)).status).toBe(201);
  });

  it("keeps share and upload counts apart", async () => {
    expect((await uploadAs({ Cookie: owner("a") }, 11)).status).toBe(201);
  });
});
