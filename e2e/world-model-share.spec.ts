import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";

import { makePng } from "../tests/support/media-fixtures";
import { GeneratePage, PlayerView } from "./pages/generate";

// World-model results leave /generate: shared as a read-only page that a fresh browser (no cookies)
// opens with the same players and plot, kept in sync; exported with the plot and the actions; and a
// result that is actions alone (the DROID policy NIM) shown as its plot, without a broken player.

const JOB_TIMEOUT = 40_000;
// Each test runs two generations (or one and a share) from the form to a second browser.
test.slow();
const START = { name: "start.png", mimeType: "image/png", buffer: Buffer.from(makePng(160, 96, [90, 120, 160])) };
const CLIP = { name: "drive.mp4", mimeType: "video/mp4", buffer: readFileSync(path.resolve("public/samples/world-driving.mp4")) };

async function generate(page: Page, backend: string, mode: string, fill: () => Promise<void>, prompt: string): Promise<Locator> {
  const form = new GeneratePage(page);
  await form.selectBackend(backend);
  await page.getByTestId(`mode-${mode}`).click();
  await fill();
  await form.prompt.fill(prompt);
  await form.generateButton.click();
  const card = form.resultCards.filter({ hasText: prompt }).first();
  await expect(card).toBeVisible({ timeout: JOB_TIMEOUT });
  return card;
}

async function addInput(scope: Locator, file: typeof START): Promise<void> {
  await scope.getByTestId("input-media-file").first().setInputFiles(file);
  await expect(scope.getByTestId("input-media").first()).toHaveAttribute("data-phase", "ready", { timeout: 20_000 });
}

async function createLink(page: Page, button: Locator): Promise<string> {
  await button.click();
  const dialog = page.getByTestId("share-dialog");
  await dialog.getByTestId("share-create").click();
  const link = dialog.getByTestId("share-link");
  await expect(link).toHaveValue(/\/s\/[\w-]{22}$/);
  return link.inputValue();
}

test("a shared policy and transfer open without cookies: the plot on the player's clock, the control beside the result", async ({
  page,
  browser,
}) => {
  await new GeneratePage(page).goto();
  const form = page.getByTestId("generate-form");
  await generate(page, "sim-cosmos3-gen", "transfer", () => addInput(page.getByTestId("control-media"), CLIP), "The road in snow.");
  await generate(page, "sim-cosmos3-gen", "policy", () => addInput(form, START), "Put the cup in the bin.");
  const link = await createLink(page, page.getByTestId("gallery-share"));

  const viewer = await browser.newContext();
  const shared = await viewer.newPage();
  expect((await shared.goto(link))?.status()).toBe(200);
  expect(await viewer.cookies()).toEqual([]);
  const results = shared.getByTestId("shared-result");
  await expect(results).toHaveCount(2);
  await expect(shared.getByTestId("user-turn").getByTestId("turn-image")).toBeVisible();

  // The policy: its predicted actions beside the video; half way through, the playhead is on the middle step.
  const policy = results.and(shared.locator('[data-kind="video"]')).filter({ has: shared.getByTestId("action-player") });
  await expect(policy.getByRole("heading", { name: "Predicted actions" })).toBeVisible();
  await expect(policy.getByTestId("action-line")).toHaveCount(10);
  const player = new PlayerView(policy.getByTestId("video-player"));
  const duration = await player.duration();
  await player.video.evaluate((v: HTMLVideoElement) => v.pause());
  await player.scrubTo(0.5);
  await expect.poll(() => player.currentTime()).toBeCloseTo(duration / 2, 0);
  const playhead = policy.getByTestId("action-playhead");
  await expect(playhead).toHaveAttribute("data-step", /^(7|8)$/);
  const svg = policy.getByTestId("action-plot").locator("svg").first();
  const box = (await svg.boundingBox())!;
  await svg.click({ position: { x: ((46 + (12 / 15) * 584) / 640) * box.width, y: box.height / 2 } });
  await expect.poll(() => player.currentTime()).toBeCloseTo((duration * 12) / 15, 1);
  await expect(playhead).toHaveAttribute("data-step", "12");

  // The transfer: control and result side by side; both files open for the share alone.
  const transfer = results.filter({ has: shared.getByTestId("side-by-side-player") });
  await expect(transfer).toContainText("Control · edge");
  const sources = await transfer.getByTestId("player-video").evaluateAll((videos) => videos.map((v) => (v as HTMLVideoElement).src));
  expect(sources).toHaveLength(2);
  for (const src of sources) expect((await shared.request.get(src)).status()).toBe(200);

  // The offline HTML export carries both videos and the plot as a picture.
  const download = shared.waitForEvent("download");
  await shared.getByTestId("export-html").click();
  const html = readFileSync(await (await download).path(), "utf8");
  expect(html.match(/<video src="data:video\/mp4/g)?.length).toBeGreaterThanOrEqual(3);
  expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
  expect(html).toMatch(/download="[\w-]+-actions-1\.csv"/);
  await viewer.close();
});

test("the DROID policy NIM: the observation is checked, the result is actions alone, plotted on the card and the share", async ({
  page,
  browser,
}) => {
  await new GeneratePage(page).goto();
  const card = await generate(
    page,
    "sim-cosmos3-nim2",
    "policy",
    async () => {
      await addInput(page.getByTestId("generate-form"), START);
      await expect(page.getByTestId("gen-negative")).toBeVisible();
      await page.getByTestId("gen-observation").check();
      // The checkpoint takes no negative prompt or size, and samples with its own defaults; one line says so.
      await expect(page.getByTestId("gen-negative")).toHaveCount(0);
      await expect(page.getByTestId("resolution")).toHaveCount(0);
      await expect(page.getByTestId("absent-fields")).toContainText("takes no negative prompt, size, frames or rate");
      await expect(page.getByTestId("gen-steps")).toHaveValue("4");
      await page.getByTestId("gen-joints").fill("0, 0.1, 0");
      await page.getByTestId("gen-gripper").fill("0");
      await page.getByTestId("generate-button").click();
      await expect(page.getByTestId("error-gen-joints")).toHaveText(
        "Give the 7 joint positions as numbers (radians), separated by commas; 3 found.",
      );
      await page.getByTestId("gen-observation-example").click();
      await expect(page.getByTestId("action-mode-note")).toContainText("Predicts 32 actions");
    },
    "Put the marker in the mug.",
  );
  await expect(card).toHaveAttribute("data-kind", "actions");
  await expect(card.getByTestId("action-thumbnail")).toBeVisible();
  await expect(card.locator("video")).toHaveCount(0);
  await expect(card.getByTestId("badge-actions")).toHaveText("32 × 8 actions · droid_lerobot");

  await card.getByTestId("result-open").click();
  const dialog = page.getByTestId("result-dialog");
  const only = dialog.getByTestId("action-only");
  await expect(only.getByTestId("action-shape")).toHaveText("droid_lerobot · 32 × 8 · no video in this result");
  await expect(dialog.getByTestId("video-player")).toHaveCount(0);
  await only.getByTestId("action-plot").locator("svg").first().press("End");
  await expect(only.getByTestId("action-step-values")).toContainText("Step 31");
  await page.keyboard.press("Escape");

  const link = await createLink(page, card.getByTestId("result-share"));
  const viewer = await browser.newContext();
  const shared = await viewer.newPage();
  await shared.goto(link);
  const result = shared.getByTestId("shared-result");
  await expect(result).toHaveAttribute("data-kind", "actions");
  await expect(result.getByTestId("action-line")).toHaveCount(8);
  await expect(result.getByTestId("player-video")).toHaveCount(0);
  await viewer.close();
});
