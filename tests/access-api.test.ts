import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/login/route";
import { POST as logout } from "@/app/api/logout/route";
import { POST as postMedia } from "@/app/api/media/route";
import { accessTokenValid } from "@/lib/server/access";
import { playgroundStore } from "@/lib/server/db/store";
import { makePng } from "./support/media-fixtures";
import { serveRoutes } from "./support/route-server";

let app: { url: string; close(): Promise<void> };

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  process.env.PLAYGROUND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "playground-access-api-"));
  process.env.PLAYGROUND_PASSWORD = "open-sesame";
  process.env.PLAYGROUND_RATE_LOGINS = "5/60";
  app = await serveRoutes([
    { method: "POST", pattern: "/api/login", handler: login },
    { method: "POST", pattern: "/api/logout", handler: logout as never },
    { method: "POST", pattern: "/api/media", handler: postMedia },
  ]);
});
afterAll(async () => {
  await app.close();
  await (await playgroundStore()).close();
});

const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${app.url}/api/login`, { method: "POST", redirect: "manual", headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers }, body: new URLSearchParams(fields) });

describe("POST /api/login and /api/logout", () => {
  it("sends a wrong password back to the form, keeping a safe next", async () => {
    const response = await form({ password: "nope", next: "//evil.example/" }, { Cookie: `playground_owner=${"w".repeat(22)}` });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/login?error=1&next=%2F");
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("sets an httpOnly, SameSite=Lax cookie signed with the password and follows next", async () => {
    const response = await form({ password: "open-sesame", next: "/compare?x=1" }, { Cookie: `playground_owner=${"r".repeat(22)}` });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/compare?x=1");
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^playground_access=[\w-]+\.[\w-]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
    expect(accessTokenValid(cookie.split(";")[0]!.split("=")[1]!, "open-sesame")).toBe(true);
  });

  it("marks the cookie Secure behind https", async () => {
    const response = await form({ password: "open-sesame" }, { "X-Forwarded-Proto": "https", Cookie: `playground_owner=${"s".repeat(22)}` });
    expect(response.headers.get("set-cookie")).toMatch(/; Secure$/);
  });

  it("answers JSON clients with JSON", async () => {
    const post = (password: string) =>
      fetch(`${app.url}/api/login`, { method: "POST", headers: { "Content-Type": "application/json", Cookie: `playground_owner=${"j".repeat(22)}` }, body: JSON.stringify({ password }) });
    expect((await post("nope")).status).toBe(401);
    expect((await post("open-sesame")).status).toBe(200);
  });

  it("limits login attempts per client", async () => {
    const cookie = { Cookie: `playground_owner=${"b".repeat(22)}` };
    for (let i = 0; i < 5; i++) expect((await form({ password: `guess-${i}` }, cookie)).status).toBe(303);
    const refused = await form({ password: "open-sesame" }, cookie);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("logs out by clearing the cookie", async () => {
    const response = await fetch(`${app.url}/api/logout`, { method: "POST", redirect: "manual" });
    expect(response.status).toBe(303);
    expect(response.headers.get("set-cookie")).toMatch(/^playground_access=; Path=\/; Max-Age=0;/);
  });
});

describe("POST /api/media outside the proxy", () => {
  it("refuses uploads without the password and takes them with Basic auth", async () => {
    const upload = (headers: Record<string, string>) =>
      fetch(`${app.url}/api/media`, { method: "POST", headers: { "Content-Type": "image/png", ...headers }, body: makePng(4, 4) });
    const refused = await upload({});
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toBe('Basic realm="NIM Playground"');
    expect((await upload({ Authorization: `Basic ${Buffer.from("me:open-sesame").toString("base64")}` })).status).toBe(201);
  });
});
