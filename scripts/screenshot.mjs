// Takes the README's screenshot (docs/screenshot.png) from a running playground:
//   node scripts/screenshot.mjs [base URL] [output file] [light|dark]
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const output = process.argv[3] ?? "docs/screenshot.png";
const colorScheme = process.argv[4] === "dark" ? "dark" : "light";

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme, deviceScaleFactor: 1 });
  await page.goto(base);
  await page.getByTestId("reasoning-toggle").click();
  await page.getByTestId("composer-input").fill("The robot arm is about to pick up the red cup. What should it watch out for?");
  await page.getByTestId("send-button").click();
  await page.getByTestId("assistant-turn").last().and(page.locator('[data-state="done"]')).waitFor({ timeout: 60_000 });
  await page.getByTestId("think-toggle").last().click();
  await page.waitForTimeout(600); // let the pane finish opening
  await page.screenshot({ path: output });
  console.log(`Saved ${output}`);
} finally {
  await browser.close();
}
