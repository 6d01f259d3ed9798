import * as crypto from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { generationService } from "@/lib/generation/server/service";
import { issueAccessToken } from "@/lib/server/access";
import { playgroundStore } from "@/lib/server/db/store";
import { newId } from "@/lib/server/ids";
import { newOwnerId } from "@/lib/server/owner";

import { discoverApiRoutes, fillPattern } from "./support/api-routes";
import { useConfig } from "./support/config";
import { makePng } from "./support/media-fixtures";
import { serveRoutes } from "./support/route-server";

// Ids that open something (media, shares, saved sessions, jobs, the owner cookie) cannot be
// guessed: each is 128 bits straight from the CSPRNG, an unknown one answers like any other
// unknown one, and no list hands out other people's.

// The real randomBytes, watched: every id must be the base64url of bytes it returned.
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return { ...actual, randomBytes: vi.fn(actual.randomBytes) };
});
const randomBytes = vi.mocked(crypto.randomBytes) as unknown as {
  mock: { calls: unknown[][]; results: { value: unknown }[] };
  mockClear(): void;
};

/** base64url of every buffer randomBytes(size) returned since the last clear. */
function drawn(size: number): string[] {
  return randomBytes.mock.calls.flatMap((call, i) =>
    call[0] === size ? [(randomBytes.mock.results[i]!.value as Buffer).toString("base64url")] : [],
  );
}

const GENERATORS: [string, () => string][] = [
  ["media, share, saved-session and job id", newId],
  ["owner cookie", newOwnerId],
];
// 16 bytes in base64url: 21 characters, then one that carries the last 2 bits (4 zero bits follow).
const ID_128 = /^[A-Za-z0-9_-]{21}[AQgw]$/;

describe("id generators", () => {
  beforeEach(() => {
    randomBytes.mockClear();
  });

  it.each(GENERATORS)("%s: 16 bytes of randomBytes and nothing else", (_, generate) => {
    const ids = Array.from({ length: 50 }, generate);
    expect(randomBytes.mock.calls.every((call) => (call[0] as number) >= 16)).toBe(true);
    expect(ids).toEqual(drawn(16));
  });

  it("the login cookie's nonce is 18 bytes of randomBytes", () => {
    const [nonce] = issueAccessToken("pw").split(".");
    expect([nonce]).toEqual(drawn(18));
  });

  it.each(GENERATORS)("%s, 10 000 of them: unique, 128 bits each, balanced, neither sequential nor time-ordered", (_, generate) => {
    const count = 10_000;
    const ids = Array.from({ length: count }, generate);
    expect(ids.every((id) => ID_128.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(count);

    const values = ids.map((id) => Buffer.from(id, "base64url"));
    // Each of the 128 bits is set in about half the ids (within 6 standard deviations).
    for (let bit = 0; bit < 128; bit++) {
      const ones = values.reduce((sum, value) => sum + ((value[bit >> 3]! >> (7 - (bit & 7))) & 1), 0);
      expect(Math.abs(ones - count / 2), `bit ${bit}`).toBeLessThan((6 * Math.sqrt(count)) / 2);
    }
    const numbers = values.map((value) => BigInt(`0x${value.toString("hex")}`));
    const ascending = numbers.slice(1).filter((n, i) => n > numbers[i]!).length / (count - 1);
    expect(ascending).toBeGreaterThan(0.45);
    expect(ascending).toBeLessThan(0.55);
    const closest = numbers.slice(1).reduce((min, n, i) => {
      const gap = n > numbers[i]! ? n - numbers[i]! : numbers[i]! - n;
      return gap < min ? gap : min;
    }, 1n << 128n);
    expect(closest > 1n << 64n).toBe(true);
    const sharedPrefix = (a: string, b: string) => [...a].findIndex((c, i) => c !== b[i]);
    expect(Math.max(...ids.slice(1).map((id, i) => sharedPrefix(id, ids[i]!)))).toBeLessThan(7);
  });
});

let app: { url: string; close(): Promise<void> };

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  delete process.env.PLAYGROUND_PASSWORD;
  process.env.PLAYGROUND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "playground-security-ids-"));
  useConfig({ simulator: { tokensPerSecond: 5000, generationSeconds: 0.2 } });
  app = await serveRoutes(await discoverApiRoutes());
});
afterAll(async () => {
  await generationService().runner.idle();
  await app.close();
  await (await playgroundStore()).close();
});

/** One browser: keeps its owner cookie. */
function browser() {
  let cookie = "";
  return async (method: string, route: string, body?: BodyInit, type = "application/json") => {
    const response = await fetch(`${app.url}${route}`, {
      method,
      body,
      headers: { ...(body ? { "Content-Type": type } : {}), ...(cookie ? { Cookie: cookie } : {}) },
    });
    cookie ||= response.headers.get("set-cookie")?.split(";")[0] ?? "";
    return response;
  };
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/** The id with one character changed: the closest guess there is. */
const nearMiss = (id: string, at = 7) => `${id.slice(0, at)}${ALPHABET[(ALPHABET.indexOf(id[at]!) + 1) % 64]}${id.slice(at + 1)}`;
const guesses = (real: string) => [
  nearMiss(real),
  nearMiss(real, 21),
  "AAAAAAAAAAAAAAAAAAAAAA",
  "AAAAAAAAAAAAAAAAAAAAAB",
  "0000000000000000000001",
  crypto.randomBytes(16).toString("base64url"),
];

/** Status, the headers that could differ, and the body with the asked id (and the request's own id) masked. */
async function answer(response: Response, id: string) {
  const body = (await response.text()).replaceAll(id, "<id>").replace(/"errorId":"[^"]+"/, '"errorId":"<request>"');
  return { status: response.status, type: response.headers.get("content-type"), cache: response.headers.get("cache-control"), body };
}

describe("guessing ids over HTTP", () => {
  const owner = browser();
  const stranger = browser();
  let mediaId = "";
  let share = { id: "", deleteToken: "" };
  let conversationId = "";
  let jobId = "";

  beforeAll(async () => {
    randomBytes.mockClear();
    mediaId = ((await (await owner("POST", "/api/media", makePng(5, 4), "image/png")).json()) as { id: string }).id;
    const data = { turns: [{ role: "user", text: "Where?", attachments: [{ kind: "image", mediaId }] }] };
    share = (await (await owner("POST", "/api/sessions", JSON.stringify({ title: "Secret plans", data }))).json()) as typeof share;
    conversationId = (
      (await (await owner("POST", "/api/conversations", JSON.stringify({ title: "Secret plans", data }))).json()) as { id: string }
    ).id;
    jobId = (
      (await (
        await owner("POST", "/api/generations", JSON.stringify({ backend: "sim-predict", mode: "text2world", prompt: "A cube." }))
      ).json()) as { id: string }
    ).id;
  });

  it("the ids the routes hand out are CSPRNG output: 16 bytes, and 32 for a share's delete token", () => {
    for (const id of [mediaId, share.id, conversationId, jobId]) expect(drawn(16)).toContain(id);
    expect(drawn(32)).toContain(share.deleteToken);
    expect(share.deleteToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it.each([
    ["a media file", "/api/media/", () => mediaId],
    ["a shared session", "/api/sessions/", () => share.id],
    ["a generation job", "/api/generations/", () => jobId],
  ])("%s: near misses, sequential and random ids all get the same 404", async (_, prefix, real) => {
    expect((await stranger("GET", `${prefix}${real()}`)).status).toBe(200); // the capability itself works
    const answers = await Promise.all(guesses(real()).map(async (id) => answer(await stranger("GET", `${prefix}${id}`), id)));
    expect(answers[0]).toMatchObject({ status: 404, type: expect.stringMatching(/^application\/json/), cache: "no-store" });
    for (const other of answers) expect(other).toEqual(answers[0]);
  });

  it("a saved session of another browser answers exactly like one that does not exist", async () => {
    expect((await owner("GET", `/api/conversations/${conversationId}`)).status).toBe(200);
    const ids = [conversationId, ...guesses(conversationId)];
    const answers = await Promise.all(ids.map(async (id) => answer(await stranger("GET", `/api/conversations/${id}`), id)));
    expect(answers[0]).toMatchObject({ status: 404 });
    for (const other of answers) expect(other).toEqual(answers[0]);
  });

  it("no list, of any GET route without a parameter, hands out another browser's ids", async () => {
    const lists = (await discoverApiRoutes()).filter((route) => route.method === "GET" && !route.pattern.includes("["));
    expect(lists.map((route) => route.pattern)).toEqual(expect.arrayContaining(["/api/conversations", "/api/generations"]));
    const secrets = [mediaId, share.id, share.deleteToken, conversationId, jobId];
    for (const route of lists) {
      const text = await (
        await stranger(
          "GET",
          fillPattern(route.pattern, () => ""),
        )
      ).text();
      for (const secret of secrets) expect(text, `${route.pattern} shows ${secret}`).not.toContain(secret);
    }
    // The same lists do show the owner its own saved session and job: the check can see an id.
    expect(await (await owner("GET", "/api/conversations")).text()).toContain(conversationId);
    expect(await (await owner("GET", "/api/generations")).text()).toContain(jobId);
  });
});
