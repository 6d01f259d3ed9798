import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

import { HEIGHT, sceneObjects, WIDTH } from "../scripts/sample-scenes.mjs";
import { centreWithin } from "./pages/annotations";
import { PlaygroundPage, type FileSpec } from "./pages/playground";

// The simulator knows the bundled sample image: the grounding preset's box lands on the red cube
// for the 0–1000 families and for Reason1's absolute pixels, and models answer in their own words.

const SAMPLE: FileSpec = {
  name: "any-name.png",
  mimeType: "image/png",
  buffer: readFileSync(path.resolve("public/samples/robot-arm.png")),
};
const cube = sceneObjects("robot-arm", 0, 0).find((object) => object.label === "red cube")!;
const cubeCentre = { x: (cube.box[0] + cube.box[2]) / 2 / WIDTH, y: (cube.box[1] + cube.box[3]) / 2 / HEIGHT };

for (const backend of ["sim-reason2-8b", "sim-reason1-7b"]) {
  test(`${backend}: the grounding preset on the sample image boxes the red cube`, async ({ page }) => {
    const app = new PlaygroundPage(page);
    const tools = app.annotations;
    await app.goto();
    await app.selectBackend(backend);
    await app.attachFiles([SAMPLE]);
    await app.attachment(0).expectPhase("ready");
    await tools.choosePreset("grounding");
    await tools.presetField.fill("red cube");
    await tools.sendDraftAndCaptureRequest();

    const turn = app.lastAssistantTurn();
    await turn.expectState("done");
    await expect(turn.answer).toContainText("bundled “robot arm” sample");
    const overlay = tools.overlay(turn.root);
    await expect(overlay.boxes).toHaveCount(1);
    const at = await centreWithin(overlay.boxes.first(), overlay.image);
    // The cube is 32×30 pixels of 640×360: its box's centre must fall on it.
    expect(Math.abs(at.x / at.width - cubeCentre.x)).toBeLessThan(16 / WIDTH);
    expect(Math.abs(at.y / at.height - cubeCentre.y)).toBeLessThan(15 / HEIGHT);
  });
}

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
