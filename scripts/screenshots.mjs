// Captures the main pages at three sizes, light and dark, from a running playground (simulator
// backends): the empty chat, a chat with a reasoning turn and an overlay, Compare, Generate with a
// result, a shared page, presentation mode and the chat with its settings rail collapsed.
//   node scripts/screenshots.mjs <folder> [base URL, default http://127.0.0.1:3000]
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { chromium } from "@playwright/test";

const folder = process.argv[2];
if (!folder) {
  console.error("Usage: node scripts/screenshots.mjs <folder> [base URL]");
  process.exit(2);
}
const base = (process.argv[3] ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const SIZES = [
  { name: "1440x900", width: 1440, height: 900 },
  { name: "1280x720", width: 1280, height: 720 },
  { name: "390x844", width: 390, height: 844 },
];
const LONG = { timeout: 90_000 };

/** A chat with a reasoning turn whose answer draws on the sample clip; returns its saved address. */
async function makeChat(page) {
  await page.goto(`${base}/`);
  await page.locator('[data-starter="locate"]').click();
  await page.locator('[data-testid="attachment"][data-phase="ready"]').waitFor(LONG);
  await page.getByTestId("send-button").click();
  await page.getByTestId("assistant-turn").last().and(page.locator('[data-state="done"]')).waitFor(LONG);
  await page.waitForURL(/[?&]c=/, LONG);
  return page.url();
}

async function makeShare(page) {
  await page.getByTestId("share-button").click();
  await page.getByTestId("share-create").click();
  const link = page.getByTestId("share-link");
  await link.waitFor();
  const url = await link.inputValue();
  await page.keyboard.press("Escape");
  return url;
}

async function makeGeneration(page) {
  await page.goto(`${base}/generate`);
  await page.getByTestId("gen-prompt").fill("A robot arm picks up a red cube and places it on a blue mat, studio light");
  await page.getByTestId("generate-button").click();
  await page.getByTestId("result-card").first().waitFor(LONG);
}

/** Waits for the fade-ins (finite animations) to end, so nothing is captured half-transparent. */
async function settle(page) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

const RAIL_KEY = "nim-playground.settings-rail";

/** Readies a page after it loads: waits for its content, or takes it to the state captured. */
async function prepare(page, name, size) {
  if (name === "chat" || name === "share" || name === "present" || name === "rail")
    await page.getByTestId("assistant-turn").last().waitFor(LONG);
  if (name === "chat" || name === "rail") await page.getByTestId("annotation-overlay").last().waitFor(LONG);
  // The empty chat, not its skeleton while the backends load.
  if (name === "home") await page.getByTestId("empty-state").waitFor(LONG);
  if (name === "generate") await page.getByTestId("result-card").first().waitFor(LONG);
  if (name === "present") {
    await page.keyboard.press("p");
    await page.getByTestId("presentation").waitFor(LONG);
  }
  // On a phone the settings are a drawer, so its capture shows the drawer open instead.
  if (name === "rail" && size.width < 1024) {
    await page.getByTestId("settings-open").click();
    await page.locator("#settings").waitFor({ state: "visible", ...LONG });
  }
}

async function capture(context, pages) {
  for (const size of SIZES) {
    for (const scheme of ["light", "dark"]) {
      const page = await context.newPage();
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme: scheme });
      for (const [name, url] of Object.entries(pages)) {
        await page.goto(url);
        const rail = name === "rail" ? "collapsed" : "open";
        if ((await page.evaluate((key) => localStorage.getItem(key), RAIL_KEY)) !== rail) {
          await page.evaluate(([key, value]) => localStorage.setItem(key, value), [RAIL_KEY, rail]);
          await page.reload();
        }
        await prepare(page, name, size);
        await page.waitForLoadState("networkidle");
        await settle(page);
        const file = path.join(folder, `${name}-${size.name}-${scheme}.png`);
        await page.screenshot({ path: file });
        console.log(file);
      }
      await page.close();
    }
  }
}

await mkdir(folder, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
});
try {
  const context = await browser.newContext({ deviceScaleFactor: 1 });
  const setup = await context.newPage();
  await setup.setViewportSize({ width: 1440, height: 900 });
  const chat = await makeChat(setup);
  const share = await makeShare(setup);
  await makeGeneration(setup);
  await setup.close();
  await capture(context, {
    home: `${base}/`,
    chat,
    compare: `${base}/compare`,
    generate: `${base}/generate`,
    share,
    present: chat,
    rail: chat,
  });
} finally {
  await browser.close();
}
