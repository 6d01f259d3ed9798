import type { FFmpeg } from "@ffmpeg/ffmpeg";
import { expect, test } from "@playwright/test";

import { frameCountFromStats, parseFfmpegProbeLog } from "@/lib/media/client/probe-log";
import { buildConvertPlan, needsConversion, needsFrameCount, videoProbeFromLog } from "@/lib/media/client/video-args";

// ffmpeg.wasm only runs in a browser. This drives the files the app serves from public/ffmpeg/ the
// way lib/media/client/ffmpeg-loader.ts loads them, with the arguments lib/media/client/video-args.ts
// builds, on a WebM the page records itself.

interface SpecWindow {
  FFmpeg?: typeof FFmpeg;
  ffmpeg?: FFmpeg;
  logs: string[];
}

const INPUT_DIR = "/job";
const INPUT = `${INPUT_DIR}/input.webm`;
const OUTPUT = "/output.mp4";

test("ffmpeg.wasm from the app's own origin turns a recorded WebM into an H.264 MP4", async ({ page, baseURL }) => {
  const origin = new URL(baseURL ?? "http://invalid").origin;
  const foreign: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).origin !== origin) foreign.push(request.url());
  });
  await page.goto("/");

  // The import by URL stays the browser's (as the loader's turbopackIgnore import does); given as a
  // string so it is not compiled, and evaluated by the test, as pages run no inline script (CSP nonces).
  await page.evaluate('import("/ffmpeg/ffmpeg/index.js").then((module) => { window.FFmpeg = module.FFmpeg; })');
  await page.waitForFunction(() => "FFmpeg" in window);

  const load = await page.evaluate(async () => {
    const spec = window as unknown as SpecWindow;
    const started = performance.now();
    const manifest = (await (await fetch("/ffmpeg/manifest.json")).json()) as { coreVersion: string; wasmBytes: number };
    const response = await fetch("/ffmpeg/core/ffmpeg-core.wasm");
    const wasm = new Blob([await response.arrayBuffer()], { type: "application/wasm" });
    const downloadMs = performance.now() - started;
    const wasmURL = URL.createObjectURL(wasm);
    const FFmpegClass = spec.FFmpeg;
    if (!FFmpegClass) throw new Error("The FFmpeg class did not load.");
    const ffmpeg = new FFmpegClass();
    spec.logs = [];
    ffmpeg.on("log", ({ message }) => spec.logs.push(message));
    await ffmpeg.load({ coreURL: new URL("/ffmpeg/core/ffmpeg-core.js", location.origin).href, wasmURL });
    URL.revokeObjectURL(wasmURL);
    spec.ffmpeg = ffmpeg;
    return {
      manifest,
      contentLength: Number(response.headers.get("content-length")),
      bytes: wasm.size,
      downloadMs: Math.round(downloadMs),
      loadMs: Math.round(performance.now() - started),
    };
  });
  expect(load.bytes).toBe(load.manifest.wasmBytes);
  // The loader's progress bar divides by this header.
  expect(load.contentLength).toBe(load.bytes);

  const probe = await page.evaluate(
    async ({ dir, input }) => {
      const spec = window as unknown as SpecWindow;
      const ffmpeg = spec.ffmpeg;
      if (!ffmpeg) throw new Error("ffmpeg is not loaded.");
      const mimeType = ["video/webm;codecs=vp9", "video/webm;codecs=vp8"].find((type) => MediaRecorder.isTypeSupported(type));
      if (!mimeType) throw new Error("This browser records no WebM.");
      const canvas = Object.assign(document.createElement("canvas"), { width: 320, height: 240 });
      const context = canvas.getContext("2d");
      if (!context) throw new Error("No 2D canvas.");
      const recorder = new MediaRecorder(canvas.captureStream(30), { mimeType });
      const chunks: Blob[] = [];
      recorder.ondataavailable = (event) => chunks.push(event.data);
      const stopped = new Promise((resolve) => (recorder.onstop = resolve));
      let frame = 0;
      const paint = setInterval(() => {
        context.fillStyle = `hsl(${(frame * 12) % 360} 80% 50%)`;
        context.fillRect(0, 0, 320, 240);
        context.fillStyle = "#fff";
        context.fillText(String((frame += 1)), 20 + frame * 4, 120);
      }, 33);
      recorder.start(100);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      recorder.stop();
      await stopped;
      clearInterval(paint);
      const webm = new Blob(chunks, { type: "video/webm" });

      // As video-tools.ts does: the input mounted read-only, then `-i` and a counting pass.
      await ffmpeg.createDir(dir);
      await ffmpeg.mount("WORKERFS" as Parameters<FFmpeg["mount"]>[0], { blobs: [{ name: "input.webm", data: webm }] }, dir);
      spec.logs = [];
      await ffmpeg.exec(["-hide_banner", "-i", input]);
      const probeLines = spec.logs.splice(0);
      await ffmpeg.exec(["-hide_banner", "-i", input, "-map", "0:v:0", "-c", "copy", "-f", "null", "-"]);
      return { mimeType, bytes: webm.size, probeLines, countLines: spec.logs.splice(0) };
    },
    { dir: INPUT_DIR, input: INPUT },
  );
  const log = parseFfmpegProbeLog(probe.probeLines);
  expect(log.container).toBe("webm");
  expect(log.video?.codec).toBe(probe.mimeType.endsWith("vp9") ? "vp9" : "vp8");
  const source = videoProbeFromLog(log, needsFrameCount(log) ? frameCountFromStats(probe.countLines) : null);
  expect(source.durationS).toBeGreaterThan(0.5);
  expect(needsConversion(source)).toBe(true);
  const plan = buildConvertPlan(source, {}, INPUT, OUTPUT);
  expect(plan.args).toEqual(expect.arrayContaining(["libx264", "veryfast", "+faststart", "-an"]));

  const converted = await page.evaluate(
    async ({ args, output }) => {
      const spec = window as unknown as SpecWindow;
      const ffmpeg = spec.ffmpeg;
      if (!ffmpeg) throw new Error("ffmpeg is not loaded.");
      const started = performance.now();
      const code = await ffmpeg.exec(["-hide_banner", ...args]);
      const convertMs = Math.round(performance.now() - started);
      const data = await ffmpeg.readFile(output);
      if (typeof data === "string") throw new Error("Expected bytes.");
      spec.logs = [];
      await ffmpeg.exec(["-hide_banner", "-i", output]);
      return {
        code,
        convertMs,
        bytes: data.byteLength,
        boxType: new TextDecoder().decode(data.subarray(4, 8)),
        lines: spec.logs.splice(0),
      };
    },
    { args: plan.args, output: OUTPUT },
  );
  expect(converted.code).toBe(0);
  expect(converted.boxType).toBe("ftyp");
  const output = parseFfmpegProbeLog(converted.lines);
  expect(output).toMatchObject({ container: "mp4", hasAudio: false, video: { codec: "h264", width: 320, height: 240 } });
  expect(needsConversion(videoProbeFromLog(output, null))).toBe(false);
  expect(foreign).toEqual([]);

  test.info().annotations.push({
    type: "ffmpeg.wasm",
    description:
      `core ${(load.bytes / 1e6).toFixed(1)} MB: download ${load.downloadMs} ms, ready ${load.loadMs} ms; ` +
      `${probe.mimeType} ${probe.bytes} B (${source.durationS.toFixed(2)} s) → MP4 ${converted.bytes} B in ${converted.convertMs} ms`,
  });
});
