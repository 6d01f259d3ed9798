import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

import { makeMp4, makePng } from "../tests/support/media-fixtures";
import type { PresetId } from "./pages/annotations";
import { PlaygroundPage, type FileSpec } from "./pages/playground";

// Each task preset run on the simulator: the person's task in the chat (the template one click away),
// and the answer rendered for what it is.

const clip = (): FileSpec => ({
  name: "clip.mp4",
  mimeType: "video/mp4",
  buffer: Buffer.from(makeMp4({ width: 320, height: 240, fps: 4, frames: 40 })),
});
/** A bundled sample: the simulator places boxes and paths only on what it knows. */
const sample = (name: string, mimeType: string): FileSpec => ({
  name,
  mimeType,
  buffer: readFileSync(path.resolve("public/samples", name)),
});
const photo = (): FileSpec => ({ name: "bench.png", mimeType: "image/png", buffer: Buffer.from(makePng(320, 240, [90, 120, 150])) });

async function openWithPreset(page: Page, backend: string, file: FileSpec, preset: PresetId) {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.selectBackend(backend);
  await app.attachFiles([file]);
  await app.attachment(0).expectPhase("ready");
  await app.annotations.choosePreset(preset);
  return app;
}

test("caption: the chat shows the task, the full prompt one click away", async ({ page }) => {
  const app = await openWithPreset(page, "sim-reason2-8b", photo(), "caption");
  const template = await app.composer.inputValue();
  const body = await app.annotations.sendDraftAndCaptureRequest();
  expect(body.reasoning).toBe(false);
  const user = app.userTurns.first();
  await expect(user.getByTestId("turn-task")).toHaveAttribute("data-preset", "caption");
  await expect(user.getByTestId("turn-task")).toContainText("Caption");
  await expect(user.getByTestId("turn-full-prompt")).toBeHidden();
  await user.getByTestId("turn-full-prompt-toggle").click();
  await expect(user.getByTestId("turn-full-prompt")).toHaveText(template);
  const turn = app.lastAssistantTurn();
  await turn.expectState("done");
  await expect(turn.answer).toContainText("Simulated");
});

test("grounding: the object typed is the turn's text, and the boxes are drawn", async ({ page }) => {
  const app = await openWithPreset(page, "sim-reason2-8b", sample("robot-arm.png", "image/png"), "grounding");
  await app.annotations.presetField.fill("the red cube");
  await app.annotations.sendDraftAndCaptureRequest();
  const user = app.userTurns.first();
  await expect(user.getByTestId("turn-task-text")).toHaveText("the red cube");
  await expect(user.getByText(/Locate the bounding box/)).toBeHidden();
  const turn = app.lastAssistantTurn();
  await turn.expectState("done");
  const overlay = app.annotations.overlay(turn.root);
  await expect(overlay.boxes).toHaveCount(1);
  await expect(overlay.legend.first()).toContainText("red cube");
});

test("describe anything: the dialog, the copy sent, the prompt and the answer number the marks alike", async ({ page }) => {
  const app = await openWithPreset(page, "sim-reason2-8b", photo(), "describe");
  const tools = app.annotations;
  await expect(app.composerStatus).toHaveText("Mark the subjects for Describe anything: Draw on the image, then Mark subjects.");
  await expect(app.sendButton).toBeDisabled();
  await app.attachment(0).root.getByTestId("attachment-draw").click();
  const draw = tools.drawDialog;
  await expect(draw.markSubjects).toBeDisabled();
  await expect(draw.keepReference).toHaveCount(0);
  // A point, a box, a point: one numbering over all of them, as the copy sent will carry.
  await draw.clickAt(0.25, 0.25);
  await draw.dragBox([0.45, 0.15], [0.7, 0.45]);
  await draw.clickAt(0.75, 0.75);
  const shown = await draw.subjectMarks();
  expect(shown.map((m) => `${m.kind} ${m.label}`).sort()).toEqual(["box 2", "point 1", "point 3"]);
  await expect(draw.json).toHaveText("1 point · 2 box · 3 point");
  await draw.markSubjects.click();
  await expect(draw.root).toBeHidden();
  await expect(tools.presetBar.getByTestId("preset-marks")).toHaveText("3 subjects marked");
  await app.attachment(0).expectPhase("ready");
  await expect(app.attachment(0).root).toContainText("bench-marked.png");
  await expect(app.composer).toHaveValue(/The subjects are marked with the numbers 1 to 3\.$/);
  await tools.sendDraftAndCaptureRequest();
  // The marks went with that image; the next one is marked afresh.
  await expect(tools.presetBar.getByTestId("preset-marks")).toHaveText("Draw on the image, then Mark subjects");

  // The image sent is the marked copy under its own name, each mark in the colour the dialog gave that number.
  const sent = app.userTurns.first().locator("img").first();
  await expect(sent).toHaveAttribute("alt", "bench-marked.png");
  const seen = await sent.evaluate(async (img: HTMLImageElement, marks) => {
    await img.decode();
    const w = img.naturalWidth;
    const h = img.naturalHeight;
    const canvas = Object.assign(document.createElement("canvas"), { width: w, height: h });
    const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
    ctx.drawImage(img, 0, 0);
    const hex = (x: number, y: number) =>
      "#" + [...ctx.getImageData(Math.floor(x), Math.floor(y), 1, 1).data.slice(0, 3)].map((v) => v.toString(16).padStart(2, "0")).join("");
    // A point's disc just left of its number; a box's left edge halfway down.
    return marks.map(({ kind, at: [x = 0, y = 0, , y2 = 0] }) =>
      kind === "point" ? hex((x / 1000) * w - 7, (y / 1000) * h) : hex((x / 1000) * w, (((y + y2) / 2) * h) / 1000),
    );
  }, shown);
  expect(seen).toEqual(shown.map((m) => m.colour.toLowerCase()));

  const turn = app.lastAssistantTurn();
  await turn.expectState("done");
  for (const id of ["1", "2", "3"]) await expect(turn.answer).toContainText(`"subject_id": "${id}"`);
  await expect(turn.root.getByTestId("subject-item")).toHaveCount(3);
  for (const mark of shown) {
    const badge = turn.root.getByLabel(`Mark ${mark.label}`, { exact: true });
    const colour = await badge.evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(mark.colour.slice(i, i + 2), 16));
    expect(colour).toBe(`rgb(${r}, ${g}, ${b})`);
  }
});

test("describe anything on the bundled still: a mark on the cube is described as the cube", async ({ page }) => {
  const app = await openWithPreset(page, "sim-reason2-8b", sample("robot-arm.png", "image/png"), "describe");
  await app.attachment(0).root.getByTestId("attachment-draw").click();
  const draw = app.annotations.drawDialog;
  // The cube's middle in robot-arm.png (scripts/sample-scenes.mjs: x 214–246, y 246–276 of 640×360); then the wall.
  await draw.clickAt(230 / 640, 261 / 360);
  await draw.clickAt(560 / 640, 150 / 360);
  await draw.markSubjects.click();
  await app.attachment(0).expectPhase("ready");
  await expect(app.attachment(0).root).toContainText("robot-arm-marked.png");
  await app.annotations.sendDraftAndCaptureRequest();
  const turn = app.lastAssistantTurn();
  await turn.expectState("done");
  const items = turn.root.getByTestId("subject-item");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText("red cube");
  await expect(items.nth(0)).toContainText("A small red cube");
  await expect(items.nth(1)).toContainText("background");
  await expect(turn.answer).not.toContainText("not recognised");
});

test("action segments in seconds mark the timeline, and a mark seeks the video", async ({ page }) => {
  const app = await openWithPreset(page, "sim-reason2-8b", clip(), "temporal-seconds");
  const body = await app.annotations.sendDraftAndCaptureRequest();
  expect(body).toMatchObject({ reasoning: false, media: { fps: 4 } });
  const turn = app.lastAssistantTurn();
  await turn.expectState("done");
  await expect(turn.answer).toContainText('"start": ');
  const events = app.annotations.segmentButtons(turn.root);
  const count = await events.count();
  expect(count).toBeGreaterThanOrEqual(2);
  const marks = app.userTurns.first().getByTestId("timeline-mark");
  await expect(marks).toHaveCount(count);
  const last = Number(await marks.last().getAttribute("data-start"));
  expect(last).toBeGreaterThan(0);
  const video = app.userTurns.first().getByTestId("turn-video");
  await marks.last().click();
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(last, 1);
});

test("find an event: the event asked about is the turn's text, its time one mark that seeks", async ({ page }) => {
  const app = await openWithPreset(page, "sim-reason2-8b", clip(), "temporal-query");
  await expect(app.sendButton).toBeDisabled();
  await app.annotations.presetField.fill("A man carries a box");
  await app.annotations.sendDraftAndCaptureRequest();
  await expect(app.userTurns.first().getByTestId("turn-task-text")).toHaveText("A man carries a box");
  const turn = app.lastAssistantTurn();
  await turn.expectState("done");
  const seek = app.annotations.segmentButtons(turn.root);
  await expect(seek).toHaveCount(1);
  await expect(app.userTurns.first().getByTestId("timeline-mark")).toHaveCount(1);
  const start = Number(await seek.getAttribute("data-start"));
  await seek.click();
  const video = app.userTurns.first().getByTestId("turn-video");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(start, 1);
});

test("Reason1 critic: its system prompt is sent, and Yes (anomalies) reads as Reject", async ({ page }) => {
  const app = await openWithPreset(page, "sim-reason1-7b", clip(), "reason1-critic");
  const body = await app.annotations.sendDraftAndCaptureRequest();
  const messages = body.messages as { role: string; content: unknown }[];
  expect(messages[0]?.role).toBe("system");
  expect(JSON.stringify(messages[0]?.content)).toContain("You are a helpful video analyzer.");
  const turn = app.lastAssistantTurn();
  await turn.expectState("done");
  await expect(turn.think).toBeVisible();
  const word = (await turn.answer.innerText()).trim();
  expect(["Yes", "No"]).toContain(word);
  await expect(app.annotations.criticBadge(turn.root)).toHaveText(word === "Yes" ? "Reject" : "Approve");
});

test("common-sense reasoning: the question typed is the turn's text; reasoning, then the answer", async ({ page }) => {
  const app = await openWithPreset(page, "sim-reason2-8b", clip(), "common-sense");
  await app.annotations.presetField.fill("Can the shelf hold the box?");
  const body = await app.annotations.sendDraftAndCaptureRequest();
  expect(body.reasoning).toBe(true);
  await expect(app.userTurns.first().getByTestId("turn-task-text")).toHaveText("Can the shelf hold the box?");
  const turn = app.lastAssistantTurn();
  await turn.expectState("done");
  await expect(turn.think).toBeVisible();
  await expect(turn.answer).toContainText("Can the shelf hold the box?");
});

test("driving trajectory: the predicted path is drawn on the video's frame", async ({ page }) => {
  const app = await openWithPreset(page, "sim-reason2-8b", sample("world-driving.mp4", "video/mp4"), "driving-trajectory");
  const body = await app.annotations.sendDraftAndCaptureRequest();
  expect(body).toMatchObject({ reasoning: true, media: { fps: 4 }, params: { temperature: 0.3, top_p: 0.3 } });
  const turn = app.lastAssistantTurn();
  await turn.expectState("done");
  await expect(turn.think).toBeVisible();
  const overlay = app.annotations.overlay(turn.root);
  await expect(overlay.root.getByTestId("overlay-path")).toHaveAttribute("data-label", "driving trajectory");
  expect(await overlay.points.count()).toBeGreaterThanOrEqual(5);
  expect(await overlay.arrows.count()).toBe((await overlay.points.count()) - 1);
});

test("Nemotron's documented tasks: an image with /think, then a video without reasoning at 2 fps", async ({ page }) => {
  const app = await openWithPreset(page, "sim-nemotron-vl", photo(), "image-reasoning");
  const first = await app.annotations.sendDraftAndCaptureRequest();
  expect(first.reasoning).toBe(true);
  await app.lastAssistantTurn().expectState("done");
  await expect(app.lastAssistantTurn().think).toBeVisible();
  await expect(app.userTurns.first().getByTestId("turn-task")).toContainText("Reason about an image");

  for (const preset of ["video-summary", "video-objects"] as const) {
    await app.attachFiles([clip()]);
    await app.attachment(0).expectPhase("ready");
    await app.annotations.choosePreset(preset);
    const body = await app.annotations.sendDraftAndCaptureRequest();
    expect(body).toMatchObject({ reasoning: false, media: { fps: 2 } });
    const turn = app.lastAssistantTurn();
    await turn.expectState("done");
    await expect(turn.answer).toContainText("Simulated");
  }
  await expect(app.userTurns.last().getByTestId("turn-task")).toHaveAttribute("data-preset", "video-objects");
});
