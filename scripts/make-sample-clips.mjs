// Makes the simulator's stock world clips (public/samples/world-*.mp4): procedural scenes drawn
// on a canvas in the machine's Chromium and encoded to H.264 by the project's own ffmpeg.wasm, so
// no ffmpeg binary and no download is needed.   node scripts/make-sample-clips.mjs
// It also writes the sound clips (public/samples/sound-*.mp4: each world clip with a synthesized
// tone as AAC 48 kHz stereo, as Cosmos3's sound output is; --sound makes only those) and one still
// per scene (public/samples/<scene>.png). What they show comes from scripts/sample-scenes.mjs.
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { chromium } from "@playwright/test";

import { drawScene } from "./sample-draw.mjs";
import { CLIP_LABEL, FPS, FRAMES, HEIGHT, sampleFiles, sceneState, STILL_LABEL, WIDTH } from "./sample-scenes.mjs";

const root = path.resolve(import.meta.dirname, "..");
const ffmpegDir = path.join(root, "public", "ffmpeg");
const outDir = path.join(root, "public", "samples");
const MAX_BYTES = 300 * 1024;

const TYPES = { ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };
const PAGE = `<!doctype html><meta charset="utf-8"><title>clips</title><canvas id="c" width="${WIDTH}" height="${HEIGHT}"></canvas>`;

function serve() {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (pathname === "/") return void res.writeHead(200, { "Content-Type": "text/html" }).end(PAGE);
    const file = path.join(ffmpegDir, path.normalize(pathname.replace(/^\/ffmpeg\//, "")));
    if (!pathname.startsWith("/ffmpeg/") || !file.startsWith(ffmpegDir)) return void res.writeHead(404).end();
    try {
      const body = readFileSync(file);
      res
        .writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Content-Length": body.length })
        .end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const statesOf = (sample, frames) => Array.from({ length: frames }, (_, i) => sceneState(sample.scene, sample.take, i / (frames - 1)));

async function drawStill(page, sample) {
  const state = sceneState(sample.scene, sample.take, sample.t ?? 0);
  const base64 = await page.evaluate(
    async ({ state, label, draw }) => {
      new Function(`return (${draw})`)()(state, label);
      const blob = await new Promise((resolve) => document.getElementById("c").toBlob(resolve, "image/png"));
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = "";
      for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
      return btoa(binary);
    },
    { state, label: STILL_LABEL, draw: drawScene.toString() },
  );
  return Buffer.from(base64, "base64");
}

async function encodeScene(page, sample) {
  const frames = FRAMES;
  const base64 = await page.evaluate(
    async ({ states, label, frames, fps, draw }) => {
      const drawFrame = new Function(`return (${draw})`)();
      const ffmpeg = window.__ffmpeg;
      await ffmpeg.createDir("/f").catch(() => undefined);
      for (let i = 0; i < frames; i++) {
        drawFrame(states[i], label);
        const blob = await new Promise((resolve) => document.getElementById("c").toBlob(resolve, "image/png"));
        await ffmpeg.writeFile(`/f/${String(i).padStart(3, "0")}.png`, new Uint8Array(await blob.arrayBuffer()));
      }
      const code = await ffmpeg.exec([
        "-framerate",
        String(fps),
        "-i",
        "/f/%03d.png",
        "-c:v",
        "libx264",
        "-preset",
        "slow",
        "-crf",
        "23",
        "-pix_fmt",
        "yuv420p",
        "-movflags",
        "+faststart",
        "-an",
        "/out.mp4",
      ]);
      if (code !== 0) throw new Error(`ffmpeg exited with ${code}: ${window.__logs.slice(-5).join(" | ")}`);
      const bytes = await ffmpeg.readFile("/out.mp4");
      for (let i = 0; i < frames; i++) await ffmpeg.deleteFile(`/f/${String(i).padStart(3, "0")}.png`);
      await ffmpeg.deleteFile("/out.mp4");
      let binary = "";
      for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
      return btoa(binary);
    },
    { states: statesOf(sample, frames), label: CLIP_LABEL, frames, fps: FPS, draw: drawScene.toString() },
  );
  return Buffer.from(base64, "base64");
}

const SOUND_RATE = 48_000;

/** A 16-bit stereo WAV: a soft chord whose root follows the clip, fading in and out. */
function toneWav(seconds, root) {
  const frames = Math.round(seconds * SOUND_RATE);
  const data = Buffer.alloc(frames * 4);
  for (let i = 0; i < frames; i++) {
    const t = i / SOUND_RATE;
    const envelope = Math.min(1, t / 0.3, (seconds - t) / 0.5);
    const chord = [1, 1.25, 1.5].reduce((sum, ratio) => sum + Math.sin(2 * Math.PI * root * ratio * t), 0) / 3;
    const wobble = 0.5 + 0.5 * Math.sin(2 * Math.PI * 0.5 * t);
    const left = Math.round(0.25 * envelope * chord * (0.6 + 0.4 * wobble) * 32767);
    const right = Math.round(0.25 * envelope * chord * (1 - 0.4 * wobble) * 32767);
    data.writeInt16LE(left, i * 4);
    data.writeInt16LE(right, i * 4 + 2);
  }
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(2, 22);
  header.writeUInt32LE(SOUND_RATE, 24);
  header.writeUInt32LE(SOUND_RATE * 4, 28);
  header.writeUInt16LE(4, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

async function addSound(page, clip, wav) {
  const base64 = await page.evaluate(
    async ({ clip, wav }) => {
      const decode = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
      const ffmpeg = window.__ffmpeg;
      await ffmpeg.writeFile("/in.mp4", decode(clip));
      await ffmpeg.writeFile("/tone.wav", decode(wav));
      const code = await ffmpeg.exec([
        "-i",
        "/in.mp4",
        "-i",
        "/tone.wav",
        "-map",
        "0:v",
        "-map",
        "1:a",
        "-c:v",
        "copy",
        "-c:a",
        "aac",
        "-b:a",
        "64k",
        "-ar",
        "48000",
        "-ac",
        "2",
        "-shortest",
        "-movflags",
        "+faststart",
        "/out.mp4",
      ]);
      if (code !== 0) throw new Error(`ffmpeg exited with ${code}: ${window.__logs.slice(-5).join(" | ")}`);
      const bytes = await ffmpeg.readFile("/out.mp4");
      for (const name of ["/in.mp4", "/tone.wav", "/out.mp4"]) await ffmpeg.deleteFile(name);
      let binary = "";
      for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
      return btoa(binary);
    },
    { clip: clip.toString("base64"), wav: wav.toString("base64") },
  );
  return Buffer.from(base64, "base64");
}

const soundOnly = process.argv.includes("--sound");
const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
});
try {
  const page = await browser.newPage();
  await page.goto(origin);
  await page.addScriptTag({ type: "module", content: 'import { FFmpeg } from "/ffmpeg/ffmpeg/index.js"; window.FFmpeg = FFmpeg;' });
  await page.waitForFunction(() => "FFmpeg" in window);
  await page.evaluate(async () => {
    const ffmpeg = new window.FFmpeg();
    window.__logs = [];
    ffmpeg.on("log", ({ message }) => window.__logs.push(message));
    await ffmpeg.load({
      coreURL: `${location.origin}/ffmpeg/core/ffmpeg-core.js`,
      wasmURL: `${location.origin}/ffmpeg/core/ffmpeg-core.wasm`,
    });
    window.__ffmpeg = ffmpeg;
  });
  mkdirSync(outDir, { recursive: true });
  // Clips first, so each sound clip is made from the clip just written.
  const order = { still: 0, clip: 1, sound: 2 };
  const samples = sampleFiles().sort((a, b) => order[a.kind] - order[b.kind]);
  const scenes = [...new Set(samples.map((sample) => sample.scene))];
  for (const sample of samples) {
    if (soundOnly && sample.kind !== "sound") continue;
    const file = path.join(outDir, sample.file);
    if (sample.kind === "still") writeFileSync(file, await drawStill(page, sample));
    else if (sample.kind === "clip") writeFileSync(file, await encodeScene(page, sample));
    else {
      const clip = readFileSync(path.join(outDir, sample.file.replace(/^sound-/, "world-")));
      writeFileSync(file, await addSound(page, clip, toneWav(FRAMES / FPS, 196 + scenes.indexOf(sample.scene) * 44 + sample.take * 22)));
    }
    const size = statSync(file).size;
    const what = sample.kind === "still" ? `${WIDTH}×${HEIGHT} PNG` : `${FRAMES / FPS} s at ${FPS} fps, ${WIDTH}×${HEIGHT}`;
    console.log(
      `${path.relative(root, file)}: ${(size / 1024).toFixed(0)} KB, ${what}${sample.kind === "sound" ? ", AAC 48 kHz stereo" : ""}`,
    );
    if (size > MAX_BYTES) console.warn(`  over ${MAX_BYTES / 1024} KB: raise the CRF or shorten the scene`);
  }
} finally {
  await browser.close();
  server.close();
}
