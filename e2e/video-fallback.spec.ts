import type { FFmpeg } from "@ffmpeg/ffmpeg";
import { expect, test, type Page } from "@playwright/test";
import { PlaygroundPage, type FileSpec } from "./pages/playground";

// A video the test browser cannot decode (HEVC: Chromium on Linux has no software HEVC decoder)
// still converts: the browser's codecs decline it and ffmpeg.wasm, fetched only then, takes over.

/** One second of HEVC in MP4, encoded by the app's own ffmpeg.wasm (x265) in a page of its own. */
async function makeHevcClip(page: Page): Promise<FileSpec> {
  await page.goto("/");
  await page.addScriptTag({ type: "module", content: 'import { FFmpeg } from "/ffmpeg/ffmpeg/index.js"; window.FFmpeg = FFmpeg;' });
  await page.waitForFunction(() => "FFmpeg" in window);
  const base64 = await page.evaluate(async () => {
    const FFmpegClass = (window as unknown as { FFmpeg: typeof FFmpeg }).FFmpeg;
    const ffmpeg = new FFmpegClass();
    const wasm = await (await fetch("/ffmpeg/core/ffmpeg-core.wasm")).blob();
    const wasmURL = URL.createObjectURL(new Blob([wasm], { type: "application/wasm" }));
    await ffmpeg.load({ coreURL: new URL("/ffmpeg/core/ffmpeg-core.js", location.origin).href, wasmURL });
    const code = await ffmpeg.exec([
      "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10", "-t", "1",
      "-c:v", "libx265", "-preset", "ultrafast", "-tag:v", "hvc1", "-pix_fmt", "yuv420p", "/clip.mp4",
    ]);
    if (code !== 0) throw new Error(`x265 failed with ${code}`);
    const data = await ffmpeg.readFile("/clip.mp4");
    ffmpeg.terminate();
    if (typeof data === "string") throw new Error("Expected bytes.");
    let binary = "";
    for (const byte of data) binary += String.fromCharCode(byte);
    return btoa(binary);
  });
  return { name: "hevc.mp4", mimeType: "video/mp4", buffer: Buffer.from(base64, "base64") };
}

test("an HEVC video the browser cannot decode is converted by ffmpeg.wasm", async ({ page, context }) => {
  test.setTimeout(120_000);
  const maker = await context.newPage();
  const clip = await makeHevcClip(maker);
  await maker.close();
  const app = new PlaygroundPage(page);
  await app.goto();
  const decodes = await page.evaluate(async () => (await VideoDecoder.isConfigSupported({ codec: "hvc1.1.6.L60.90", codedWidth: 160, codedHeight: 120 })).supported);
  expect(decodes).toBe(false);
  await app.selectBackend("sim-reason2-8b");
  await app.attachFiles([clip]);
  await expect(app.videoToolsProgress).toContainText(/Loading video tools|Starting video tools/);
  const card = app.attachment(0);
  await card.expectPhase("ready", 100_000);
  await expect(card.status).toContainText("Converted from MP4 to H.264 MP4.");
  await expect(card.root).toContainText("160×120");
  await expect(card.root).toContainText("1.0 s · 10 fps");

  await app.sendAndCaptureRequest("What is on the test card?");
  const turn = app.lastAssistantTurn();
  await turn.expectState("done");
  await expect(turn.answer).toContainText("h264");
});

test("forced onto the browser's codecs, the same HEVC video fails with the reason", async ({ page, context }) => {
  test.setTimeout(90_000);
  const maker = await context.newPage();
  const clip = await makeHevcClip(maker);
  await maker.close();
  await page.goto("/?mediaEngine=webcodecs");
  const app = new PlaygroundPage(page);
  await app.attachFiles([clip]);
  const card = app.attachment(0);
  await card.expectPhase("error", 30_000);
  await expect(card.error).toContainText("This browser's codecs cannot convert this video: no hevc decoder.");
  await expect(app.videoToolsProgress).toBeHidden();
});
