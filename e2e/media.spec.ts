import { expect, test, type Page } from "@playwright/test";

import { concat, makeMp4, makePng, zeros } from "../tests/support/media-fixtures";
import { PlaygroundPage, type FileSpec } from "./pages/playground";

// Images and videos in the composer, against the simulator, which reads the media it is sent and
// names their real sizes, durations and frame rates in its answers. Every file is built here.

const png = (name: string, width: number, height: number): FileSpec => ({
  name,
  mimeType: "image/png",
  buffer: Buffer.from(makePng(width, height)),
});
const mp4 = (name: string, options: Parameters<typeof makeMp4>[0]): FileSpec => ({
  name,
  mimeType: "video/mp4",
  buffer: Buffer.from(makeMp4(options)),
});
/** 4 fps for 10 s: 40 frames. */
const fourFpsClip = () => mp4("clip.mp4", { width: 320, height: 240, fps: 4, frames: 40 });

test("an uploaded PNG goes with the question, shows in the turn, and is sent again with the next one", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.selectBackend("sim-reason2-8b");
  await app.attachFiles([png("cup.png", 64, 48)]);
  const card = app.attachment(0);
  await card.expectPhase("ready");
  await expect(card.root).toContainText("64×48");
  await expect(card.tokens).toHaveText("≈ 4 tok");
  await expect(app.tokenTotal).toContainText("≈ 4 multimodal tokens");

  const body = await app.sendAndCaptureRequest("What is in this image?");
  const [first] = body.messages;
  expect(first?.content).toEqual([
    { type: "image", mediaId: expect.stringMatching(/^[\w-]{22}$/) },
    { type: "text", text: "What is in this image?" },
  ]);
  expect(body.media).toEqual({});
  await expect(app.attachments).toHaveCount(0);

  const image = app.userTurns.first().getByTestId("turn-image").locator("img");
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => `${img.naturalWidth}×${img.naturalHeight}`)).toBe("64×48");
  const turn = app.lastAssistantTurn();
  await turn.expectState("done");
  await expect(turn.answer).toContainText("64×48");

  await app.userTurns.first().getByTestId("turn-image").click();
  await expect(page.getByTestId("image-lightbox")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("image-lightbox")).toBeHidden();

  const followUp = await app.sendAndCaptureRequest("And what colour is it?");
  expect(followUp.messages.map((m) => m.role)).toEqual(["user", "assistant", "user"]);
  expect(followUp.messages[0]?.content).toEqual(first?.content);
  expect(followUp.messages[2]?.content).toBe("And what colour is it?");
  await app.lastAssistantTurn().expectState("done");
  await expect(app.lastAssistantTurn().answer).toContainText("64×48");
});

test("an fps above the video's own is capped, and the request carries the capped fps", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.selectBackend("sim-reason2-8b");
  await app.attachFiles([fourFpsClip()]);
  await app.attachment(0).expectPhase("ready");
  await expect(app.attachment(0).root).toContainText("10.0 s · 4 fps");
  await expect(app.mediaParams.getByTestId("media-video-limits")).toContainText("4 fps, 40 frames");

  await app.mediaParam("fps").fill("8");
  await expect(app.mediaNote("fps")).toHaveText("Capped to the video's 4 fps.");
  const body = await app.sendAndCaptureRequest("What happens in the video?");
  expect(body.media).toEqual({ fps: 4 });
  expect(body.messages[0]?.content).toEqual([
    { type: "video", mediaId: expect.stringMatching(/^[\w-]{22}$/) },
    { type: "text", text: "What happens in the video?" },
  ]);

  const turn = app.lastAssistantTurn();
  await turn.expectState("done");
  await expect(turn.answer).toContainText("10 s video at 4 fps");
  const video = app.userTurns.first().getByTestId("turn-video");
  await expect(video).toHaveAttribute("src", /^\/api\/media\/[\w-]{22}$/);
  await expect(video).toHaveAttribute("controls", "");
});

test("Nemotron turns reasoning off while a video is attached and says why", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.selectBackend("sim-nemotron-vl");
  await app.enableReasoning();
  await app.attachFiles([fourFpsClip()]);
  await app.attachment(0).expectPhase("ready");
  await expect(app.reasoningToggle).toHaveAttribute("aria-checked", "false");
  await expect(app.reasoningToggle).toBeDisabled();
  await expect(page.locator("#settings")).toContainText("does not support reasoning with video input");
  await expect(app.mediaParams.getByTestId("media-sampling-fps")).toBeChecked();
  await expect(app.mediaParams).toContainText("not both");

  await app.attachment(0).remove.click();
  await expect(app.reasoningToggle).toBeEnabled();
  await expect(app.reasoningToggle).toHaveAttribute("aria-checked", "true");
});

test("Nemotron takes four images: a fifth is left out with a message", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.selectBackend("sim-nemotron-vl");
  await app.attachFiles([1, 2, 3, 4, 5].map((n) => png(`frame-${n}.png`, 32 + n, 32)));
  await expect(app.attachments).toHaveCount(4);
  await expect(app.attachmentNotice).toHaveText("Nemotron Nano VL takes at most 4 images per message; 1 image was left out.");
  for (let i = 0; i < 4; i++) await app.attachment(i).expectPhase("ready");
  await expect(app.sendButton).toBeDisabled();
  await app.composer.fill("Which frame is brightest?");
  await expect(app.sendButton).toBeEnabled();
});

test("a file that is not an image or video is refused by its content, not its name", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.attachFiles([
    { name: "notes.png", mimeType: "image/png", buffer: Buffer.from("just some text, not a picture") },
    png("ok.png", 10, 10),
  ]);
  await expect(app.attachmentNotice).toContainText("'notes.png' is not an image or video the playground takes");
  await expect(app.attachments).toHaveCount(1);
  await app.attachment(0).expectPhase("ready");
});

test("a PNG dropped on the conversation is attached", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  const transfer = await app.dataTransferWith(png("dropped.png", 80, 60));
  const target = page.getByTestId("empty-state");
  await target.dispatchEvent("dragenter", { dataTransfer: transfer });
  await target.dispatchEvent("dragover", { dataTransfer: transfer });
  await expect(app.dropOverlay).toBeVisible();
  await expect(app.dropOverlay).toContainText("Drop to attach");
  await target.dispatchEvent("drop", { dataTransfer: transfer });
  await expect(app.dropOverlay).toBeHidden();
  await app.attachment(0).expectPhase("ready");
  await expect(app.attachment(0).root).toContainText("dropped.png");
  await expect(app.attachment(0).root).toContainText("80×60");
});

test("an image pasted into the message field is attached", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  const transfer = await app.dataTransferWith(png("clipboard.png", 40, 30));
  await app.composer.fill("What is this?");
  await transfer.evaluate((clipboardData) => {
    const input = document.querySelector('[data-testid="composer-input"]');
    if (!input) throw new Error("no composer");
    input.dispatchEvent(new ClipboardEvent("paste", { clipboardData, bubbles: true, cancelable: true }));
  });
  await app.attachment(0).expectPhase("ready");
  await expect(app.attachment(0).root).toContainText("40×30");
  await expect(app.composer).toHaveValue("What is this?");
});

test("a URL is passed to the NIM as image_url", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.attachUrl("https://example.com/photos/dock.jpg");
  await expect(app.attachment(0).root).toContainText("dock.jpg");
  await expect(app.attachment(0).status).toContainText("The NIM downloads it");
  const body = await app.sendAndCaptureRequest("Is the dock busy?");
  expect(body.messages.at(-1)?.content).toEqual([
    { type: "image_url", url: "https://example.com/photos/dock.jpg" },
    { type: "text", text: "Is the dock busy?" },
  ]);
  await expect(app.userTurns.first().getByTestId("turn-url-media")).toContainText("example.com");
  await app.lastAssistantTurn().expectState("done");
});

test("the token warning offers fewer frames for a long video, and taking it clears the warning", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.selectBackend("sim-nemotron-vl");
  // Nemotron turns each sampled frame into one 256-token tile whatever its size, so only fewer frames
  // help: two minutes at its 2 fps is 240 frames, capped at 128 (32 768 tokens); 0.5 fps is 60 frames.
  await app.attachFiles([mp4("lecture.mp4", { width: 320, height: 240, fps: 30, frames: 30 * 120 })]);
  await app.attachment(0).expectPhase("ready");
  await expect(app.tokenWarning).toContainText("32,768 multimodal tokens");
  await expect(app.tokenWarning).toContainText("above the 16k");
  await expect(app.tokenAdvice).toHaveText("Sample 0.5 fps → ≈ 15,360");
  await app.tokenAdvice.click();
  await expect(app.mediaParam("fps")).toHaveValue("0.5");
  await expect(app.tokenWarning).toBeHidden();
  await expect(app.tokenTotal).toContainText("≈ 15,360 multimodal tokens");
});

test("an image over the server's limit shows the server's 413 sentence and blocks sending", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  // A real PNG header and 21 MB of padding: sniffed as PNG, so the 20 MB image limit applies.
  const big = Buffer.from(concat(makePng(64, 48), zeros(21 * 1024 * 1024)));
  await app.attachFiles([{ name: "huge.png", mimeType: "image/png", buffer: big }]);
  const card = app.attachment(0);
  await card.expectPhase("error", 30_000);
  await expect(card.error).toContainText("The image is too large: the limit for images is 20 MB.");
  await app.composer.fill("Describe it.");
  await expect(app.sendButton).toBeDisabled();
  await expect(app.composerStatus).toHaveText("Remove the attachment that failed before sending.");
  await card.remove.click();
  await expect(app.attachments).toHaveCount(0);
  await expect(app.sendButton).toBeEnabled();
});

/** About a second of canvas animation recorded by the browser as VP8 WebM (MediaRecorder). */
async function recordWebm(page: Page): Promise<FileSpec> {
  const base64 = await page.evaluate(async () => {
    const canvas = Object.assign(document.createElement("canvas"), { width: 160, height: 120 });
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2D canvas");
    const recorder = new MediaRecorder(canvas.captureStream(15), { mimeType: "video/webm;codecs=vp8" });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    const stopped = new Promise((resolve) => (recorder.onstop = resolve));
    recorder.start(100);
    for (let frame = 0; frame < 15; frame++) {
      context.fillStyle = `hsl(${frame * 24} 80% 50%)`;
      context.fillRect(0, 0, 160, 120);
      context.fillStyle = "#fff";
      context.fillRect(frame * 10, 50, 20, 20);
      await new Promise((resolve) => setTimeout(resolve, 70));
    }
    recorder.stop();
    await stopped;
    const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
    let binary = "";
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  });
  return { name: "recording.webm", mimeType: "video/webm", buffer: Buffer.from(base64, "base64") };
}

// Each conversion runs on both paths: the browser's codecs (WebCodecs) and the ffmpeg.wasm fallback.
for (const engine of ["webcodecs", "ffmpeg"] as const) {
  test(`a WebM is converted to an H.264 MP4 with ${engine} and accepted`, async ({ page }) => {
    test.setTimeout(120_000);
    const coreRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/ffmpeg/core/")) coreRequests.push(request.url());
    });
    await page.addInitScript((forced) => localStorage.setItem("playground.mediaEngine", forced), engine);
    const app = new PlaygroundPage(page);
    await app.goto();
    await app.selectBackend("sim-reason2-8b");
    await app.attachFiles([await recordWebm(page)]);
    if (engine === "ffmpeg") await expect(app.videoToolsProgress).toContainText(/Loading video tools|Starting video tools/);
    const card = app.attachment(0);
    await card.expectPhase("ready", 100_000);
    await expect(app.videoToolsProgress).toBeHidden();
    await expect(card.status).toContainText("Converted from WebM to H.264 MP4.");
    await expect(card.root).toContainText("160×120");

    // Prepare: a frame of the preview becomes an image attachment; a trim converts the video again.
    await card.prepare.click();
    const panel = page.getByTestId("prepare-panel");
    await panel.getByTestId("extract-frame").click();
    const frame = app.attachment(1);
    await frame.expectPhase("ready", 60_000);
    await expect(frame.root).toHaveAttribute("data-kind", "image");
    await expect(frame.root).toContainText(/recording-\d+\.\ds\.png/);
    await expect(frame.root).toContainText("160×120");
    const seconds = async () => Number(/(\d+\.\d) s ·/.exec(await card.root.innerText())?.[1]);
    const fullLength = await seconds();
    expect(fullLength).toBeGreaterThan(0.5);
    await panel.getByTestId("trim-end").focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowLeft");
    await panel.getByTestId("prepare-apply").click();
    await expect(card.status).toContainText("Converted from WebM to H.264 MP4, trimmed.", { timeout: 60_000 });
    await card.expectPhase("ready", 60_000);
    await expect.poll(seconds).toBeLessThan(fullLength - 0.15);

    const body = await app.sendAndCaptureRequest("What moves across the frame?");
    expect(body.messages[0]?.content).toEqual([
      { type: "video", mediaId: expect.stringMatching(/^[\w-]{22}$/) },
      { type: "image", mediaId: expect.stringMatching(/^[\w-]{22}$/) },
      { type: "text", text: "What moves across the frame?" },
    ]);
    const turn = app.lastAssistantTurn();
    await turn.expectState("done");
    await expect(turn.answer).toContainText("h264");
    // The 32 MB core is fetched only on the fallback path.
    expect(coreRequests.some((url) => url.endsWith("ffmpeg-core.wasm"))).toBe(engine === "ffmpeg");
  });
}
