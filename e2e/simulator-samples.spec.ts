import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";

import { formatTimestamp } from "../lib/simulator/timestamps";
import { HEIGHT, sceneEvents, sceneObjects, WIDTH } from "../scripts/sample-scenes.mjs";
import { makePng } from "../tests/support/media-fixtures";
import { centreWithin, OverlayView } from "./pages/annotations";
import { PlaygroundPage, type FileSpec } from "./pages/playground";

// The simulator knows the bundled samples: the grounding box lands on the red cube in the 0–1000
// convention and in Reason1's absolute pixels, the temporal preset gives the clip's real events,
// and models answer in their own words. On an image it does not know it draws nothing and says so.

const SHOTS = "/tmp/wsim-shots";
mkdirSync(SHOTS, { recursive: true });

async function shoot(page: Page, turn: Locator, name: string): Promise<void> {
  await turn.scrollIntoViewIfNeeded();
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOTS}/${name}-${scheme}.png`, animations: "disabled" });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

const SAMPLE: FileSpec = {
  name: "any-name.png",
  mimeType: "image/png",
  buffer: readFileSync(path.resolve("public/samples/robot-arm.png")),
};
const CLIP: FileSpec = {
  name: "clip.mp4",
  mimeType: "video/mp4",
  buffer: readFileSync(path.resolve("public/samples/world-robot-arm.mp4")),
};
const cube = sceneObjects("robot-arm", 0, 0).find((object) => object.label === "red cube")!;
const cubeCentre = { x: (cube.box[0] + cube.box[2]) / 2 / WIDTH, y: (cube.box[1] + cube.box[3]) / 2 / HEIGHT };

/** The box at `index` of the answer's overlay is centred on the scene object's box. */
async function expectBoxOn(turn: Locator, index: number, box: readonly number[]): Promise<void> {
  const overlay = new OverlayView(turn);
  const at = await centreWithin(overlay.boxes.nth(index), overlay.image);
  const [cx, cy] = [((box[0] ?? 0) + (box[2] ?? 0)) / 2 / WIDTH, ((box[1] ?? 0) + (box[3] ?? 0)) / 2 / HEIGHT];
  expect(Math.abs(at.x / at.width - cx)).toBeLessThan(8 / WIDTH);
  expect(Math.abs(at.y / at.height - cy)).toBeLessThan(8 / HEIGHT);
}

/** The one box of the answer's overlay is centred on the cube (32×30 pixels of 640×360). */
async function expectBoxOnCube(turn: Locator): Promise<void> {
  const overlay = new OverlayView(turn);
  await expect(overlay.boxes).toHaveCount(1);
  const at = await centreWithin(overlay.boxes.first(), overlay.image);
  expect(Math.abs(at.x / at.width - cubeCentre.x)).toBeLessThan(16 / WIDTH);
  expect(Math.abs(at.y / at.height - cubeCentre.y)).toBeLessThan(15 / HEIGHT);
}

test("the 'Box the objects' starter boxes the red cube and the gripper where the sample has them", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await page.locator('[data-starter="locate"]').click();
  await app.attachment(0).expectPhase("ready");
  await app.sendButton.click();
  const turn = app.lastAssistantTurn();
  await turn.expectState("done");
  const overlay = new OverlayView(turn.root);
  await expect(overlay.boxes).toHaveCount(2);
  await expect(overlay.legend).toHaveText([/red cube/, /robot gripper/]);
  const objects = sceneObjects("robot-arm", 0, 0);
  await expectBoxOn(turn.root, 0, objects.find((object) => object.label === "red cube")!.box);
  await expectBoxOn(turn.root, 1, objects.find((object) => object.label === "gripper")!.box);
  await shoot(page, turn.root, "grounding-sample");
});

test("on an image it does not know, grounding draws no box and says it could not locate the object", async ({ page }) => {
  const app = new PlaygroundPage(page);
  const tools = app.annotations;
  await app.goto();
  await app.selectBackend("sim-reason2-8b");
  await app.attachFiles([{ name: "shelf.png", mimeType: "image/png", buffer: Buffer.from(makePng(320, 240, [90, 120, 150])) }]);
  await app.attachment(0).expectPhase("ready");
  await tools.choosePreset("grounding");
  await tools.presetField.fill("the red cup");
  await tools.sendDraftAndCaptureRequest();
  const turn = app.lastAssistantTurn();
  await turn.expectState("done");
  await expect(turn.answer).toContainText("Could not locate the red cup");
  await expect(turn.answer).toContainText("It is 320×240 pixels");
  await expect(turn.answer).not.toContainText("bbox_2d");
  await expect(new OverlayView(turn.root).root).toHaveCount(0);
  await expect(turn.root.getByTestId("annotation-issue")).toHaveCount(0);
  await expect(turn.root.getByTestId("annotation-empty")).toHaveText("Nothing to draw: the answer's list is empty.");
  await shoot(page, turn.root, "grounding-unknown");
});

test("sim-reason2-8b: the grounding preset on the sample image boxes the red cube", async ({ page }) => {
  const app = new PlaygroundPage(page);
  const tools = app.annotations;
  await app.goto();
  await app.selectBackend("sim-reason2-8b");
  await app.attachFiles([SAMPLE]);
  await app.attachment(0).expectPhase("ready");
  await tools.choosePreset("grounding");
  await tools.presetField.fill("red cube");
  await tools.sendDraftAndCaptureRequest();

  const turn = app.lastAssistantTurn();
  await turn.expectState("done");
  await expect(turn.answer).toContainText("bundled “robot arm” sample (0–1000 normalized)");
  await expectBoxOnCube(turn.root);
});

test("sim-reason1-7b: boxes in its processor's pixels land on the cube; its temporal preset gives the clip's events", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.selectBackend("sim-reason1-7b");
  await app.attachFiles([SAMPLE]);
  await app.attachment(0).expectPhase("ready");
  // Reason1 has no grounding preset (its documents give none): the question is typed.
  await app.send("Locate the bounding box of the red cube. Return a json.");
  const turn = app.lastAssistantTurn();
  await turn.expectState("done");
  await expect(turn.answer).toContainText("pixels of the 644×364 model input");
  await expectBoxOnCube(turn.root);

  await app.clearButton.click();
  await app.attachFiles([CLIP]);
  await app.attachment(0).expectPhase("ready");
  await app.annotations.choosePreset("temporal");
  await app.annotations.sendDraftAndCaptureRequest();
  const events = app.lastAssistantTurn();
  await events.expectState("done");
  const starts = [...(await events.answer.innerText()).matchAll(/"start":\s*"(\d\d:\d\d\.\d\d)"/g)].map((m) => m[1]);
  expect(starts).toEqual(sceneEvents("robot-arm", 0).map((event) => formatTimestamp(event.start)));
  await expect(app.annotations.segmentButtons(events.root)).toHaveCount(starts.length);
});

test("two simulated models describe the same sample differently", async ({ page }) => {
  const app = new PlaygroundPage(page);
  const answers: string[] = [];
  await app.goto();
  for (const backend of ["sim-reason2-2b", "sim-nemotron-vl"]) {
    if (answers.length > 0) await app.clearButton.click();
    await app.selectBackend(backend);
    await app.attachFiles([SAMPLE]);
    await app.attachment(0).expectPhase("ready");
    await app.send("Caption the image in detail.");
    const turn = app.lastAssistantTurn();
    await turn.expectState("done");
    await expect(turn.answer).toContainText("red cube");
    answers.push(await turn.answer.innerText());
  }
  expect(answers[0]).not.toBe(answers[1]);
  // The 2B says less than the 12B.
  expect(answers[0]!.length).toBeLessThan(answers[1]!.length);
});
