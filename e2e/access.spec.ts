import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

import { root, startServer } from "../scripts/next-server.mjs";
import { makePng } from "../tests/support/media-fixtures";
import { PlaygroundPage } from "./pages/playground";
import { SharedSessionPage } from "./pages/sessions";

// A deployment with PLAYGROUND_PASSWORD, on its own server next to the suite's open one.

const PORT = 3230;
const PASSWORD = "open-sesame";
const basicAuth = (password: string) => `Basic ${Buffer.from(`demo:${password}`).toString("base64")}`;

let server: Awaited<ReturnType<typeof startServer>>;
let dataDir: string;

test.use({ baseURL: `http://127.0.0.1:${PORT}` });

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "playground-access-"));
  server = await startServer({
    port: PORT,
    quiet: true,
    env: {
      ...process.env,
      PLAYGROUND_PASSWORD: PASSWORD,
      PLAYGROUND_DATA_DIR: dataDir,
      PLAYGROUND_CONFIG: process.env.PLAYGROUND_CONFIG ?? path.join(root, "e2e", "playground.e2e.json"),
    },
  });
});

test.afterAll(() => {
  server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function logIn(page: Page, password: string): Promise<void> {
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

test("pages send you to the login page, which lets in only the right password", async ({ page }) => {
  await page.goto("/compare");
  await expect(page).toHaveURL(/\/login\?next=%2Fcompare$/);
  await logIn(page, "wrong");
  await expect(page.locator("#login-error")).toHaveText("That password is not right; try again.");
  await logIn(page, PASSWORD);
  await expect(page).toHaveURL(/\/compare$/);

  await page.goto("/");
  await expect(page.getByTestId("backend-picker")).toBeVisible();
});

test("the API answers 401 without the password, and to Basic auth with it; health stays open", async ({ request }) => {
  const closed = await request.get("/api/backends");
  expect(closed.status()).toBe(401);
  expect(closed.headers()["www-authenticate"]).toBe('Basic realm="NIM Playground"');
  expect(await closed.json()).toEqual({
    error: {
      code: "unauthorized",
      message: "This playground is protected: log in at /login or send the password with HTTP Basic auth.",
      errorId: expect.any(String),
    },
  });
  expect((await request.get("/api/backends", { headers: { Authorization: basicAuth("nope") } })).status()).toBe(401);
  expect((await request.get("/api/backends", { headers: { Authorization: basicAuth(PASSWORD) } })).status()).toBe(200);
  expect((await request.get("/api/health")).status()).toBe(200);

  for (const [method, route] of [
    ["GET", "/api/conversations"],
    ["POST", "/api/sessions"],
    ["POST", "/api/media"],
    ["POST", "/api/chat"],
    ["GET", "/api/backends/sim-reason2-8b/v1/models"],
    ["GET", "/api/generations"],
  ] as const) {
    const response = await request.fetch(route, {
      method,
      headers: { "Content-Type": "application/json" },
      data: method === "POST" ? "{}" : undefined,
    });
    expect(response.status(), `${method} ${route}`).toBe(401);
  }
});

test("a share made while logged in opens for anyone, with its image; unshared media stays closed", async ({ page, browser, request }) => {
  await page.goto("/");
  await logIn(page, PASSWORD);
  const app = new PlaygroundPage(page);
  await app.selectBackend("sim-reason2-8b");
  await app.attachFiles([{ name: "cup.png", mimeType: "image/png", buffer: Buffer.from(makePng(64, 48)) }]);
  await app.attachment(0).expectPhase("ready");
  await app.send("What is in this image?");
  await app.lastAssistantTurn().expectState("done");
  await app.sessions.expectSaved();
  const link = await app.sessions.createShareLink();

  const viewer = await browser.newContext();
  try {
    const shared = new SharedSessionPage(await viewer.newPage());
    expect((await shared.goto(link))?.status()).toBe(200);
    await expect(shared.userTurns).toHaveText([/What is in this image\?/]);
    const image = shared.userTurns.first().getByTestId("turn-image").locator("img");
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => `${img.naturalWidth}×${img.naturalHeight}`)).toBe("64×48");
    // The viewer reaches the share, not the rest of the playground.
    expect(new URL((await viewer.request.get("/", { maxRedirects: 0 })).headers()["location"] ?? "", "http://x").pathname).toBe("/login");
    expect((await viewer.request.get("/api/conversations")).status()).toBe(401);
  } finally {
    await viewer.close();
  }

  const upload = await request.post("/api/media", {
    headers: { Authorization: basicAuth(PASSWORD), "Content-Type": "image/png" },
    data: Buffer.from(makePng(5, 7)),
  });
  expect(upload.status()).toBe(201);
  const { id } = (await upload.json()) as { id: string };
  expect((await request.get(`/api/media/${id}`)).status()).toBe(401);
  expect((await request.get(`/api/media/${id}`, { headers: { Authorization: basicAuth(PASSWORD) } })).status()).toBe(200);
});
