import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";

import { makeMp4, makePng } from "../tests/support/media-fixtures";
import { centreWithin } from "./pages/annotations";
import { PlaygroundPage, type FileSpec } from "./pages/playground";

// Points, paths and boxes drawn over images, drawing by the person, task presets, the critic's
// verdict and timestamps that seek the video — against the simulator, with media built here.

const png = (name: string, width: number, height: number): FileSpec => ({
  name,
  mimeType: "image/png",
  buffer: Buffer.from(makePng(width, height, [70, 110, 150])),
});
/** The bundled robot-arm still (640×360): the simulator places points and paths only on its samples. */
const still = (): FileSpec => ({
  name: "table.png",
  mimeType: "image/png",
  buffer: readFileSync(path.resolve("public/samples/robot-arm.png")),
});
/** 4 fps for 10 s. */
const clip = (): FileSpec => ({
  name: "clip.mp4",
  mimeType: "video/mp4",
  buffer: Buffer.from(makeMp4({ width: 320, height: 240, fps: 4, frames: 40 })),
});

const pointsInText = (text: string): [number, number][] =>
  [...text.matchAll(/"point_2d":\s*\[(\d+),\s*(\d+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);

test("the trajectory preset on the 640×360 sample still draws numbered points and arrows where the answer puts them", async ({ page }) => {
  const app = new PlaygroundPage(page);
  const tools = app.annotations;
  await app.goto();
  await app.selectBackend("sim-reason2-8b");
  await app.attachFiles([still()]);
  await app.attachment(0).expectPhase("ready");

  await tools.choosePreset("trajectory");
  await tools.presetField.fill("Move the left bottle to the far right");
  await expect(app.composer).toHaveValue(/^You are given the task "Move the left bottle to the far right"\. Specify the 2D trajectory/);
  const body = await tools.sendDraftAndCaptureRequest();
  expect(body.reasoning).toBe(true);
  expect(body.params).toMatchObject({ temperature: 0.3, top_p: 0.3 });

  const turn = app.lastAssistantTurn();
  await turn.expectState("done");
  // The template carries its own <think> format: the reasoning still lands in the Think pane.
  await expect(turn.think).toBeVisible();
  const expected = pointsInText(await turn.answer.innerText());
  expect(expected.length).toBeGreaterThanOrEqual(5);

  const overlay = tools.overlay(turn.root);
  await expect(overlay.points).toHaveCount(expected.length);
  await expect(overlay.arrows).toHaveCount(expected.length - 1);
  expect(await overlay.image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([640, 360]);
  for (const [i, [x, y]] of expected.entries()) {
    const point = overlay.points.nth(i);
    await expect(point).toHaveAttribute("data-n", String(i + 1));
    await expect(point).toHaveAttribute("data-x", String(x));
    await expect(point).toHaveAttribute("data-y", String(y));
    const at = await centreWithin(point, overlay.image);
    expect(Math.abs(at.x - (x / 1000) * at.width)).toBeLessThanOrEqual(1.5);
    expect(Math.abs(at.y - (y / 1000) * at.height)).toBeLessThanOrEqual(1.5);
  }

  const [firstX, firstY] = expected[0] ?? [0, 0];
  await overlay.points.first().hover();
  await expect(overlay.tooltip).toContainText(`normalized (${firstX}, ${firstY})`);
  await expect(overlay.tooltip).toContainText(`pixels (${Math.round(firstX * 6.4) / 10}, ${Math.round(firstY * 3.6) / 10})`);

  await overlay.legend.first().click();
  await expect(overlay.points).toHaveCount(0);
  await overlay.legend.first().click();
  await expect(overlay.points).toHaveCount(expected.length);

  const download = page.waitForEvent("download");
  await overlay.button("export-json").click();
  const file = await (await download).path();
  const exported = JSON.parse(await readFile(file, "utf8")) as {
    image: { width: number };
    series: { points: { normalized: number[] }[] }[];
  };
  expect(exported.image.width).toBe(640);
  expect(exported.series[0]?.points.map((p) => p.normalized)).toEqual(expected);
});

test("drawing three points, undoing one and inserting them sends the model's own JSON", async ({ page }) => {
  const app = new PlaygroundPage(page);
  const draw = app.annotations.drawDialog;
  await app.goto();
  await app.selectBackend("sim-reason2-8b");
  await app.attachFiles([png("shelf.png", 640, 480)]);
  await app.attachment(0).expectPhase("ready");
  await app.composer.fill("Follow this path:");

  await app.attachment(0).root.getByTestId("attachment-draw").click();
  await expect(draw.root).toBeVisible();
  await draw.clickAt(0.25, 0.5);
  await draw.clickAt(0.5, 0.25);
  await draw.clickAt(0.75, 0.75);
  expect(await draw.pointValues()).toEqual([
    [250, 500],
    [500, 250],
    [750, 750],
  ]);
  await page.keyboard.press("ControlOrMeta+z");
  await expect(draw.points).toHaveCount(2);
  await page.keyboard.press("Shift+ControlOrMeta+z");
  await expect(draw.points).toHaveCount(3);
  await draw.undo.click();
  await expect(draw.points).toHaveCount(2);
  const json = '[{"point_2d":[250,500],"label":"reference"},{"point_2d":[500,250],"label":"reference"}]';
  await expect(draw.json).toHaveText(json);

  await draw.insert.click();
  await expect(draw.root).toBeHidden();
  await expect(app.composer).toHaveValue(`Follow this path: ${json}`);
  const body = await app.annotations.sendDraftAndCaptureRequest();
  expect(body.messages[0]?.content).toEqual([
    { type: "image", mediaId: expect.stringMatching(/^[\w-]{22}$/) },
    { type: "text", text: `Follow this path: ${json}` },
  ]);
  await app.lastAssistantTurn().expectState("done");
});

test("a kept reference path is drawn with the model's trajectory and their distance is shown", async ({ page }) => {
  const app = new PlaygroundPage(page);
  const tools = app.annotations;
  const draw = tools.drawDialog;
  await app.goto();
  await app.selectBackend("sim-reason2-8b");
  await app.attachFiles([still()]);
  await app.attachment(0).expectPhase("ready");
  await tools.choosePreset("trajectory");
  await tools.presetField.fill("Move the left bottle to far right");
  await tools.sendDraftAndCaptureRequest();
  const turn = app.lastAssistantTurn();
  await turn.expectState("done");
  const overlay = tools.overlay(turn.root);
  await expect(overlay.points.first()).toBeVisible();

  await overlay.button("draw").click();
  await draw.clickAt(0.2, 0.7);
  await draw.clickAt(0.5, 0.4);
  await draw.clickAt(0.8, 0.6);
  // Right-click removes a point; a drag moves one, in one undo step.
  await draw.layer.click({ button: "right", position: await positionOf(draw.layer, 0.5, 0.4) });
  await expect(draw.points).toHaveCount(2);
  const from = await absolute(draw.layer, 0.2, 0.7);
  const to = await absolute(draw.layer, 0.3, 0.65);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  expect(await draw.pointValues()).toEqual([
    [300, 650],
    [800, 600],
  ]);

  await draw.keepReference.click();
  await draw.close();
  await expect(overlay.root.getByTestId("reference-point")).toHaveCount(2);
  await expect(overlay.distance).toContainText("Mean distance between your reference and the model's path");
  expect(Number(await overlay.distance.getAttribute("data-distance"))).toBeGreaterThan(0);
});

test("moving a drawn point on a 4K image: each move reaches the page (timings logged)", async ({ page }) => {
  // Sixty moves, each waiting for its frame: on a busy machine that alone can pass a minute.
  test.setTimeout(120_000);
  const app = new PlaygroundPage(page);
  const draw = app.annotations.drawDialog;
  await app.goto();
  await app.attachFiles([png("factory-4k.png", 3840, 2160)]);
  await app.attachment(0).expectPhase("ready");
  await app.attachment(0).root.getByTestId("attachment-draw").click();
  await draw.clickAt(0.3, 0.65);
  await draw.clickAt(0.8, 0.6);
  await expect(draw.points).toHaveCount(2);

  // Drag timing: from a pointermove to the moved point in the DOM, with the real pointer held down.
  const start = await absolute(draw.layer, 0.3, 0.65);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const timings = await draw.layer.evaluate(async (layer) => {
    const rect = layer.getBoundingClientRect();
    const samples: number[] = [];
    for (let i = 0; i < 60; i++) {
      // Each move lands on a new whole normalized x, so each one changes the DOM.
      const x = rect.left + rect.width * (0.31 + (i % 20) * 0.01);
      const y = rect.top + rect.height * 0.65;
      const committed = new Promise<number>((resolve, reject) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(layer, { subtree: true, attributes: true, childList: true, characterData: true });
        setTimeout(() => reject(new Error(`move ${i} changed nothing on the page`)), 2000);
      });
      const t0 = performance.now();
      layer.dispatchEvent(
        new PointerEvent("pointermove", {
          pointerId: 1,
          pointerType: "mouse",
          isPrimary: true,
          clientX: x,
          clientY: y,
          buttons: 1,
          bubbles: true,
        }),
      );
      samples.push((await committed) - t0);
      await new Promise(requestAnimationFrame);
    }
    return samples.sort((a, b) => a - b);
  });
  await page.mouse.up();
  const median = timings[Math.floor(timings.length / 2)] ?? NaN;
  const p95 = timings[Math.floor(timings.length * 0.95)] ?? NaN;
  console.log(
    `drag on a 3840×2160 image: pointermove → DOM commit median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${(timings.at(-1) ?? NaN).toFixed(2)} ms over ${timings.length} moves`,
  );
});

test("a temporal answer's timestamps seek the video and mark its timeline", async ({ page }) => {
  const app = new PlaygroundPage(page);
  const tools = app.annotations;
  await app.goto();
  await app.selectBackend("sim-reason2-8b");
  await app.attachFiles([clip()]);
  await app.attachment(0).expectPhase("ready");
  await tools.choosePreset("temporal");
  const body = await tools.sendDraftAndCaptureRequest();
  expect(body.media).toEqual({ fps: 4 });

  const turn = app.lastAssistantTurn();
  await turn.expectState("done");
  const starts = [...(await turn.answer.innerText()).matchAll(/"start":\s*"(\d\d):(\d\d\.\d\d)"/g)].map(
    (m) => Number(m[1]) * 60 + Number(m[2]),
  );
  expect(starts.length).toBeGreaterThanOrEqual(2);
  const buttons = tools.segmentButtons(turn.root);
  await expect(buttons).toHaveCount(starts.length);

  const video = app.userTurns.first().getByTestId("turn-video");
  const second = starts[1] ?? 0;
  await buttons.nth(1).click();
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(second, 1);

  const marks = app.userTurns.first().getByTestId("timeline-mark");
  await expect(marks).toHaveCount(starts.length);
  const last = starts.at(-1) ?? 0;
  await marks.last().click();
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(last, 1);
});

test("the SDG critic preset sends its sampling and shows the verdict as a badge", async ({ page }) => {
  const app = new PlaygroundPage(page);
  const tools = app.annotations;
  await app.goto();
  await app.selectBackend("sim-reason2-8b");
  await app.attachFiles([clip()]);
  await app.attachment(0).expectPhase("ready");
  await tools.choosePreset("critic");
  const body = await tools.sendDraftAndCaptureRequest();
  expect(body).toMatchObject({ reasoning: true, media: { fps: 4 }, params: { temperature: 0.3, top_p: 0.3 } });

  const turn = app.lastAssistantTurn();
  await turn.expectState("done");
  await expect(turn.think).toBeVisible();
  const verdict = (await turn.answer.innerText()).trim();
  expect(["Approve", "Reject"]).toContain(verdict);
  const badge = tools.criticBadge(turn.root);
  await expect(badge).toHaveText(verdict);
  await expect(badge).toHaveAttribute("data-verdict", verdict.toLowerCase());
});

async function positionOf(layer: import("@playwright/test").Locator, fx: number, fy: number) {
  const box = await layer.boundingBox();
  if (!box) throw new Error("the drawing layer is not rendered");
  return { x: fx * box.width, y: fy * box.height };
}

async function absolute(layer: import("@playwright/test").Locator, fx: number, fy: number) {
  const box = await layer.boundingBox();
  if (!box) throw new Error("the drawing layer is not rendered");
  return { x: box.x + fx * box.width, y: box.y + fy * box.height };
}
