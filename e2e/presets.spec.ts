import { expect, test } from "@playwright/test";

import { makeMp4, makePng } from "../tests/support/media-fixtures";
import { PlaygroundPage, type FileSpec } from "./pages/playground";

// The reasoning tasks added to the presets, each run on the simulator and checked where it shows.

const clip = (): FileSpec => ({
  name: "clip.mp4",
  mimeType: "video/mp4",
  buffer: Buffer.from(makeMp4({ width: 320, height: 240, fps: 4, frames: 40 })),
});
const photo = (): FileSpec => ({ name: "bench.png", mimeType: "image/png", buffer: Buffer.from(makePng(320, 240, [90, 120, 150])) });

test("each family is offered only its documented tasks", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.selectBackend("sim-reason2-8b");
  await app.annotations.presetPicker.click();
  await expect(page.getByRole("menuitem")).toHaveCount(14);
  await page.keyboard.press("Escape");
  await app.selectBackend("sim-nemotron-vl");
  await app.annotations.presetPicker.click();
  await expect(page.getByRole("menuitem")).toHaveCount(4);
  await expect(page.getByTestId("preset-caption")).toBeVisible();
  await expect(page.getByTestId("preset-video-summary")).toBeVisible();
  await expect(page.getByTestId("preset-trajectory")).toHaveCount(0);
});

test("physical plausibility: the label is a badge", async ({ page }, info) => {
  const app = new PlaygroundPage(page);
  const tools = app.annotations;
  await app.goto();
  await app.selectBackend("sim-reason2-8b");
  await app.attachFiles([clip()]);
  await app.attachment(0).expectPhase("ready");
  await tools.choosePreset("plausibility");
  await expect(app.composer).toHaveValue(/\(A\) Possible\n\(B\) Impossible$/);
  const body = await tools.sendDraftAndCaptureRequest();
  expect(body).toMatchObject({ reasoning: false, media: { fps: 4 } });
  const turn = app.lastAssistantTurn();
  await turn.expectState("done");
  const letter = (await turn.answer.innerText()).trim();
  expect(["A", "B"]).toContain(letter);
  const badge = turn.root.getByTestId("plausibility-badge");
  await expect(badge).toHaveText(letter === "A" ? "Physically possible" : "Physically impossible");
  await page.screenshot({ path: info.outputPath("plausibility.png") });
});

test("situation understanding asks for its object instead of sending the example", async ({ page }) => {
  const app = new PlaygroundPage(page);
  const tools = app.annotations;
  await app.goto();
  await app.selectBackend("sim-reason2-8b");
  await app.attachFiles([clip()]);
  await app.attachment(0).expectPhase("ready");
  await tools.choosePreset("situation");
  await expect(app.composerStatus).toHaveText("Enter the object for Situation understanding above the message.");
  await expect(app.sendButton).toBeDisabled();
  await tools.presetField.fill("the kettle");
  await expect(app.composer).toHaveValue(
    "What is the person doing with the kettle? What will the person likely do next in this situation?",
  );
  const body = await tools.sendDraftAndCaptureRequest();
  expect(body.reasoning).toBe(true);
  const turn = app.lastAssistantTurn();
  await turn.expectState("done");
  await expect(turn.think).toBeVisible();
  await expect(turn.answer).toContainText("kettle");
});

for (const id of ["embodied", "driving"] as const) {
  test(`${id}: reasoning in the think pane, then the answer`, async ({ page }) => {
    const app = new PlaygroundPage(page);
    const tools = app.annotations;
    await app.goto();
    await app.selectBackend("sim-reason2-8b");
    await app.attachFiles([id === "embodied" ? photo() : clip()]);
    await app.attachment(0).expectPhase("ready");
    await tools.choosePreset(id);
    const body = await tools.sendDraftAndCaptureRequest();
    expect(body.reasoning).toBe(true);
    const turn = app.lastAssistantTurn();
    await turn.expectState("done");
    await expect(turn.think).toBeVisible();
    await expect(turn.answer).toContainText(/\w+ \w+/);
  });
}
