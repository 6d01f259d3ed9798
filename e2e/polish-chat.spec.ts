import { expect, test, type Page } from "@playwright/test";

import { PlaygroundPage } from "./pages/playground";

// The chat's rough edges: reasoning defaults, starter cards, edit and reply versions, what a
// reloaded chat keeps, and how sent images and JSON answers are laid out.

/** Starts a chat from the "Box the objects" starter (the bundled robot-arm still) and waits for the reply. */
async function boxTheObjects(app: PlaygroundPage): Promise<void> {
  await app.page.locator('[data-starter="locate"]').click();
  await app.attachment(0).expectPhase("ready");
  await app.sendButton.click();
  await app.lastAssistantTurn().expectState("done");
}

type SavedTurn = { text?: string; sent?: unknown; versions?: unknown[]; versionIndex?: number };

/** Waits until the chat saved on the server passes `check` (the autosaver writes a moment after a change). */
async function savedChat(page: Page, check: (turns: SavedTurn[]) => boolean): Promise<void> {
  await expect(page).toHaveURL(/[?&]c=/);
  const id = new URL(page.url()).searchParams.get("c");
  await expect
    .poll(async () => {
      const saved = (await (await page.request.get(`/api/conversations/${id}`)).json()) as { data?: { turns?: SavedTurn[] } };
      return check(saved.data?.turns ?? []);
    })
    .toBe(true);
}

test("reasoning starts on for Cosmos Reason and Cosmos3 Reasoner, off for Nemotron", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.selectBackend("sim-reason2-8b");
  await expect(app.reasoningToggle).toHaveAttribute("aria-checked", "true");
  await app.selectBackend("sim-nemotron-vl");
  await expect(app.reasoningToggle).toHaveAttribute("aria-checked", "false");
  await app.selectBackend("sim-cosmos3-reasoner");
  await expect(app.reasoningToggle).toHaveAttribute("aria-checked", "true");
  await app.selectBackend("sim-reason2-8b");
  const body = await app.sendAndCaptureRequest("Which way will the cup fall?");
  expect(body.reasoning).toBe(true);
  await expect(app.lastAssistantTurn().think).toBeVisible();
});

test("starter cards attach the bundled sample clip, or a still of it, with their prompt", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await page.locator('[data-starter="robot-clip"]').click();
  await expect(app.composer).toHaveValue(/robot arm do in this clip/);
  await expect(app.attachments).toHaveCount(1);
  await expect(app.attachment(0).root).toContainText("world-robot-arm.mp4");
  await app.attachment(0).expectPhase("ready");
  await app.attachment(0).remove.click();

  await page.locator('[data-starter="locate"]').click();
  await expect(app.composer).toHaveValue(/^Locate the red cube/);
  await expect(app.attachment(0).root).toContainText("robot-arm.png");
  await app.attachment(0).expectPhase("ready");
});

test("Regenerate keeps the earlier reply (‹1/2›), Edit resends the message, and both survive a reload", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.selectBackend("sim-reason2-8b");
  await app.send("Where is the cup?");
  const turn = app.lastAssistantTurn();
  await turn.expectState("done");
  const first = await turn.answer.innerText();

  await app.regenerateButton.click();
  await turn.expectState("done");
  const label = turn.root.getByTestId("version-label");
  await expect(label).toHaveText("2/2");
  const second = await turn.answer.innerText();
  await turn.root.getByTestId("version-prev").click();
  await expect(label).toHaveText("1/2");
  await expect.poll(() => turn.answer.innerText()).toBe(first);
  await turn.root.getByTestId("version-next").click();
  await expect.poll(() => turn.answer.innerText()).toBe(second);

  await app.userTurns.last().hover();
  await page.getByTestId("edit-message-button").click();
  await page.getByTestId("edit-input").fill("Where is the plate?");
  await page.getByTestId("edit-send").click();
  await turn.expectState("done");
  await expect(app.userTurns).toHaveCount(1);
  await expect(app.userTurns.last()).toContainText("Where is the plate?");
  await expect(label).toHaveText("3/3");
  await turn.root.getByTestId("version-prev").click();
  await expect(label).toHaveText("2/3");
  await expect(app.userTurns.last()).toContainText("Where is the cup?");
  await expect.poll(() => turn.answer.innerText()).toBe(second);

  await savedChat(page, ([user, reply]) => user?.text === "Where is the cup?" && reply?.versionIndex === 1 && reply.versions?.length === 2);
  await page.reload();
  await expect(label).toHaveText("2/3");
  await expect.poll(() => turn.answer.innerText()).toBe(second);
  await turn.root.getByTestId("version-next").click();
  await expect(app.userTurns.last()).toContainText("Where is the plate?");
});

test("a reloaded chat keeps View code and the media token metric on its replies", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.selectBackend("sim-reason2-8b");
  await boxTheObjects(app);
  const turn = app.lastAssistantTurn();
  await expect(turn.metrics).toContainText(/Media\s*≈\s*\d+/);
  const media = await turn.metrics.getByText(/≈/).innerText();
  await expect(turn.viewCode).toBeVisible();

  await savedChat(page, (turns) => turns[1]?.sent !== undefined);
  await page.reload();
  await turn.expectState("done");
  await expect(turn.metrics).toContainText(media);
  await turn.viewCode.click();
  await expect(app.codeDialog.snippet).toContainText("sim-reason2-8b");
  await expect(app.codeDialog.snippet).toContainText("Locate the red cube");
});

test("phone width: a sent image keeps its proportions at a sensible size and a JSON answer wraps inside the screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const app = new PlaygroundPage(page);
  await app.goto();
  await boxTheObjects(app);

  const image = app.userTurns.last().getByTestId("turn-image").locator("img");
  const box = (await image.boundingBox())!;
  expect(box.height).toBeGreaterThan(100);
  expect(box.height).toBeLessThanOrEqual(256);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(Math.abs(box.width / box.height - 640 / 360)).toBeLessThan(0.03);

  const code = app.lastAssistantTurn().answer.getByTestId("code-block").first();
  await expect(code).toContainText("bbox_2d");
  const fits = await code.evaluate((el) => ({ wraps: el.scrollWidth <= el.clientWidth + 1, right: el.getBoundingClientRect().right }));
  expect(fits.wraps).toBe(true);
  expect(fits.right).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
