import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { POST as login } from "@/app/api/login/route";
import { POST as logout } from "@/app/api/logout/route";
import { POST as postMedia } from "@/app/api/media/route";
import { ACCESS_MAX_AGE_S, accessTokenValid } from "@/lib/server/access";
import { playgroundStore } from "@/lib/server/db/store";

import { fetchFrom } from "./support/from-address";
import { makePng } from "./support/media-fixtures";
import { serveRoutes } from "./support/route-server";

// Each test speaks from its own loopback address: limits and lockouts count per address.

let app: { url: string; close(): Promise<void> };

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  delete process.env.PLAYGROUND_TRUST_PROXY;
  process.env.PLAYGROUND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "playground-access-api-"));
  process.env.PLAYGROUND_PASSWORD = "open-sesame";
  process.env.PLAYGROUND_RATE_LOGINS = "5/60";
  process.env.PLAYGROUND_RATE_AUTH_FAILURES = "3/600";
  app = await serveRoutes([
    { method: "POST", pattern: "/api/login", handler: login },
    { method: "POST", pattern: "/api/logout", handler: logout },
    { method: "POST", pattern: "/api/media", handler: postMedia },
  ]);
});
afterEach(() => {
  vi.useRealTimers();
  delete process.env.PLAYGROUND_TRUST_PROXY;
});
afterAll(async () => {
  await app.close();
  await (await playgroundStore()).close();
});

const basic = (password: string) => `Basic ${Buffer.from(`me:${password}`).toString("base64")}`;
const form = (from: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetchFrom(from)(`${app.url}/api/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields),
  });
let size = 3;
const upload = (from: string, headers: Record<string, string>) =>
  fetchFrom(from)(`${app.url}/api/media`, {
    method: "POST",
    headers: { "Content-Type": "image/png", ...headers },
    body: makePng(size, size++),
  });
const cookieOf = (response: Response) => (response.headers.get("set-cookie") ?? "").split(";")[0]!;

describe("POST /api/login and /api/logout", () => {
  it("sends a wrong password back to the form, keeping a safe next", async () => {
    const response = await form("127.0.0.2", { password: "nope", next: "//evil.example/" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/login?error=1&next=%2F");
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("sets an httpOnly, SameSite=Lax cookie signed with the password and follows next", async () => {
    const response = await form("127.0.0.3", { password: "open-sesame", next: "/compare?x=1" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/compare?x=1");
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^playground_access=[\w-]+\.[\w-]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
    expect(accessTokenValid(cookie.split(";")[0]!.split("=")[1]!, "open-sesame")).toBe(true);
    expect((await upload("127.0.0.3", { Cookie: cookieOf(response) })).status).toBe(201);
  });

  it("marks the cookie Secure behind https, believing X-Forwarded-Proto only from a trusted proxy", async () => {
    const https = { "X-Forwarded-Proto": "https" };
    expect((await form("127.0.0.4", { password: "open-sesame" }, https)).headers.get("set-cookie")).not.toMatch(/Secure/);
    process.env.PLAYGROUND_TRUST_PROXY = "1";
    expect((await form("127.0.0.4", { password: "open-sesame" }, https)).headers.get("set-cookie")).toMatch(/; Secure$/);
  });

  it("answers JSON clients with JSON", async () => {
    const post = (password: string) =>
      fetchFrom("127.0.0.5")(`${app.url}/api/login`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ password }),
      });
    expect((await post("nope")).status).toBe(401);
    expect((await post("open-sesame")).status).toBe(200);
  });

  it("limits login attempts per address, whatever owner cookie comes along", async () => {
    for (let i = 0; i < 5; i++)
      expect((await form("127.0.0.6", { password: "open-sesame" }, { Cookie: `playground_owner=${String(i).repeat(22)}` })).status).toBe(
        303,
      );
    const refused = await form("127.0.0.6", { password: "open-sesame" }, { Cookie: `playground_owner=${"z".repeat(22)}` });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await form("127.0.0.7", { password: "open-sesame" })).status).toBe(303);
  });

  it("logs out by clearing the cookie and ending the login on the server", async () => {
    const session = cookieOf(await form("127.0.0.8", { password: "open-sesame" }));
    expect((await upload("127.0.0.8", { Cookie: session })).status).toBe(201);
    const response = await fetchFrom("127.0.0.8")(`${app.url}/api/logout`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: session },
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("set-cookie")).toMatch(/^playground_access=; Path=\/; Max-Age=0;/);
    // A copy of the cookie kept elsewhere opens nothing any more.
    expect((await upload("127.0.0.8", { Cookie: session })).status).toBe(401);
  });

  it("ends a login on the server after its Max-Age, whatever the browser keeps", async () => {
    const session = cookieOf(await form("127.0.0.9", { password: "open-sesame" }));
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + (ACCESS_MAX_AGE_S - 60) * 1000);
    expect((await upload("127.0.0.9", { Cookie: session })).status).toBe(201);
    vi.setSystemTime(Date.now() + 120_000);
    expect((await upload("127.0.0.9", { Cookie: session })).status).toBe(401);
  });
});

describe("wrong passwords", () => {
  it("count per address, by the form and by Basic auth, and lock the address out for longer each time", async () => {
    const guesser = "127.0.0.10";
    expect((await form(guesser, { password: "guess-1" })).status).toBe(303);
    expect((await upload(guesser, { Authorization: basic("guess-2") })).status).toBe(401);
    const locked = await upload(guesser, { Authorization: basic("guess-3") });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBe(60);
    expect(((await locked.json()) as { error: { message: string } }).error.message).toBe(
      "Too many wrong passwords from your address. Try again in 60 seconds.",
    );
    // Locked out, the right password is refused too; another address is not affected.
    expect((await upload(guesser, { Authorization: basic("open-sesame") })).status).toBe(429);
    expect((await form(guesser, { password: "open-sesame" })).status).toBe(429);
    expect((await upload("127.0.0.11", { Authorization: basic("open-sesame") })).status).toBe(201);

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 61_000);
    expect((await upload(guesser, { Authorization: basic("open-sesame") })).status).toBe(201);
    for (const guess of ["guess-4", "guess-5"]) expect((await upload(guesser, { Authorization: basic(guess) })).status).toBe(401);
    const again = await upload(guesser, { Authorization: basic("guess-6") });
    expect(again.status).toBe(429);
    expect(Number(again.headers.get("retry-after"))).toBe(120);
  });
});

describe("POST /api/media outside the proxy", () => {
  it("refuses uploads without the password and takes them with Basic auth", async () => {
    const refused = await upload("127.0.0.12", {});
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toBe('Basic realm="NIM Playground"');
    expect((await upload("127.0.0.12", { Authorization: basic("open-sesame") })).status).toBe(201);
  });
});
