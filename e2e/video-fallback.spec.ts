import type { FFmpeg } from "@ffmpeg/ffmpeg";
import { expect, test, type Page } from "@playwright/test";

import { PlaygroundPage, type FileSpec } from "./pages/playground";

// A video the test browser cannot decode still converts: the browser's codecs decline it and
// ffmpeg.wasm, fetched only then, takes over. ProRes, as Chromium has no decoder for it (nor, on
// Linux, for HEVC; but x265 in ffmpeg.wasm aborts, so the clip is made with prores_ks).

/** One second of ProRes 422 Proxy in MOV, encoded by the app's own ffmpeg.wasm in a page of its own. */
async function makeProResClip(page: Page): Promise<FileSpec> {
  await page.goto("/");
  // Evaluated by the test as a string (not compiled): pages run no inline script under the nonce policy.
  await page.evaluate('import("/ffmpeg/ffmpeg/index.js").then((module) => { window.FFmpeg = module.FFmpeg; })');
  await page.waitForFunction(() => "FFmpeg" in window);
  const base64 = await page.evaluate(async () => {
    const FFmpegClass = (window as unknown as { FFmpeg: typeof FFmpeg }).FFmpeg;
    const ffmpeg = new FFmpegClass();
    const wasm = await (await fetch("/ffmpeg/core/ffmpeg-core.wasm")).blob();
    const wasmURL = URL.createObjectURL(new Blob([wasm], { type: "application/wasm" }));
    await ffmpeg.load({ coreURL: new URL("/ffmpeg/core/ffmpeg-core.js", location.origin).href, wasmURL });
    const code = await ffmpeg.exec([
      "-f",
      "lavfi",
      "-i",
      "testsrc=size=160x120:rate=10",
      "-t",
      "1",
      "-c:v",
      "prores_ks",
      "-profile:v",
      "0",
      "/clip.mov",
    ]);
    if (code !== 0) throw new Error(`prores_ks failed with ${code}`);
    const data = await ffmpeg.readFile("/clip.mov");
    ffmpeg.terminate();
    if (typeof data === "string") throw new Error("Expected bytes.");
    let binary = "";
    for (const byte of data) binary += String.fromCharCode(byte);
    return btoa(binary);
  });
  return { name: "prores.mov", mimeType: "video/quicktime", buffer: Buffer.from(base64, "base64") };
}

test("a ProRes video the browser cannot decode is converted by ffmpeg.wasm", async ({ page, context }) => {
  test.setTimeout(120_000);
  const maker = await context.newPage();
  const clip = await makeProResClip(maker);
  await maker.close();
  const app = new PlaygroundPage(page);
  await app.goto();
  const decodes = await page.evaluate(
    async () =>
      (await VideoDecoder.isConfigSupported({ codec: "apcn", codedWidth: 160, codedHeight: 120 }).catch(() => ({ supported: false })))
        .supported,
  );
  expect(decodes).toBe(false);
  await app.selectBackend("sim-reason2-8b");
  await app.attachFiles([clip]);
  await expect(app.videoToolsProgress).toContainText(/Loading video tools|Starting video tools/);
  const card = app.attachment(0);
  await card.expectPhase("ready", 100_000);
  await expect(card.status).toContainText("Converted from MOV to H.264 MP4.");
  await expect(card.root).toContainText("160×120");
  await expect(card.root).toContainText("1.0 s · 10 fps");

  await app.sendAndCaptureRequest("What is on the test card?");
  const turn = app.lastAssistantTurn();
  await turn.expectState("done");
  await expect(turn.answer).toContainText("h264");
});

test("forced onto the browser's codecs, the same ProRes video fails with the reason", async ({ page, context }) => {
  test.setTimeout(90_000);
  const maker = await context.newPage();
  const clip = await makeProResClip(maker);
  await maker.close();
  await page.goto("/?mediaEngine=webcodecs");
  const app = new PlaygroundPage(page);
  await app.attachFiles([clip]);
  const card = app.attachment(0);
  await card.expectPhase("error", 30_000);
  await expect(card.error).toContainText("This browser's codecs cannot convert this video: no prores decoder.");
  await expect(app.videoToolsProgress).toBeHidden();
});
