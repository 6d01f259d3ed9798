import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { POST as postMedia } from "@/app/api/media/route";
import { POST as postShare } from "@/app/api/sessions/route";
import { playgroundStore } from "@/lib/server/db/store";

import { fetchFrom } from "./support/from-address";
import { makePng } from "./support/media-fixtures";
import { serveRoutes } from "./support/route-server";

// Limits count by the address that connected (each test below comes from its own 127.0.0.x), never
// by what a client writes: not its cookies, and not X-Forwarded-For unless a proxy is trusted.

let app: { url: string; close(): Promise<void> };

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  delete process.env.PLAYGROUND_PASSWORD;
  delete process.env.PLAYGROUND_TRUST_PROXY;
  process.env.PLAYGROUND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "playground-rate-limit-"));
  process.env.PLAYGROUND_RATE_SHARES = "2/600";
  process.env.PLAYGROUND_RATE_UPLOADS = "3/60";
  app = await serveRoutes([
    { method: "POST", pattern: "/api/sessions", handler: postShare },
    { method: "POST", pattern: "/api/media", handler: postMedia },
  ]);
});
afterEach(() => {
  delete process.env.PLAYGROUND_TRUST_PROXY;
});
afterAll(async () => {
  await app.close();
  await (await playgroundStore()).close();
});

const owner = (letter: string) => `playground_owner=${letter.repeat(22)}`;
const share = {
  title: "Limits",
  data: { backend: { id: "b", label: "B", model: "m", family: "cosmos-reason2" }, params: {}, reasoning: false, turns: [] },
};
let size = 4;

const shareFrom = (address: string, headers: Record<string, string> = {}) =>
  fetchFrom(address)(`${app.url}/api/sessions`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(share),
  });
const uploadFrom = (address: string, headers: Record<string, string> = {}) =>
  fetchFrom(address)(`${app.url}/api/media`, {
    method: "POST",
    headers: { "Content-Type": "image/png", ...headers },
    body: makePng(size, size++),
  });

describe("rate limits on POST /api/sessions and POST /api/media", () => {
  it("refuses the third share of an address with 429, Retry-After and a sentence; other addresses go on", async () => {
    expect((await shareFrom("127.0.0.2")).status).toBe(201);
    expect((await shareFrom("127.0.0.2")).status).toBe(201);
    const refused = await shareFrom("127.0.0.2");
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(590);
    expect(retryAfter).toBeLessThanOrEqual(600);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toBe("Too many shared sessions: the limit is 2 per 600 seconds. Try again in 10 minutes.");
    expect((await shareFrom("127.0.0.3")).status).toBe(201);
  });

  it("does not start afresh for a new owner cookie", async () => {
    for (const letter of ["a", "b"]) expect((await shareFrom("127.0.0.4", { Cookie: owner(letter) })).status).toBe(201);
    expect((await shareFrom("127.0.0.4", { Cookie: owner("c") })).status).toBe(429);
  });

  it("counts clients without a cookie each by its address, not all together", async () => {
    for (const address of ["127.0.0.5", "127.0.0.6", "127.0.0.7"]) {
      for (let i = 0; i < 2; i++) expect((await shareFrom(address)).status, address).toBe(201);
    }
  });

  it("ignores X-Forwarded-For unless PLAYGROUND_TRUST_PROXY is set", async () => {
    for (let i = 0; i < 3; i++) expect((await uploadFrom("127.0.0.8", { "X-Forwarded-For": `198.51.100.${i}` })).status).toBe(201);
    const refused = await uploadFrom("127.0.0.8", { "X-Forwarded-For": "198.51.100.99" });
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /^Too many uploads: the limit is 3 per 60 seconds\. Try again in \d+ seconds\.$/,
    );
  });

  it("behind a trusted proxy, counts the right-most X-Forwarded-For entry, which the proxy wrote", async () => {
    process.env.PLAYGROUND_TRUST_PROXY = "1";
    // The proxy (127.0.0.9) appends the address it saw; what the client wrote to the left counts for nothing.
    for (let i = 0; i < 3; i++) expect((await uploadFrom("127.0.0.9", { "X-Forwarded-For": `10.1.1.${i}, 203.0.113.7` })).status).toBe(201);
    expect((await uploadFrom("127.0.0.9", { "X-Forwarded-For": "10.1.1.9, 203.0.113.7" })).status).toBe(429);
    // Another client behind the same proxy has its own count.
    expect((await uploadFrom("127.0.0.9", { "X-Forwarded-For": "203.0.113.7, 203.0.113.8" })).status).toBe(201);
  });

  it("keeps share and upload counts apart", async () => {
    expect((await uploadFrom("127.0.0.2")).status).toBe(201);
  });
});
