// The browser side of `npm run bench:media`, bundled by bench/media.ts: it makes the test clip and
// runs the app's own two conversion paths on it (lib/media/client), nothing re-implemented here.
import { BufferTarget, CanvasSource, Output, QUALITY_HIGH, WebMOutputFormat } from "mediabunny";

import { loadFfmpeg } from "@/lib/media/client/ffmpeg-loader";
import { convertToMp4 } from "@/lib/media/client/video-tools";
import { openWithWebCodecs } from "@/lib/media/client/webcodecs-tools";

export interface ConvertedFigures {
  ms: number;
  bytes: number;
  width: number;
  height: number;
  durationS: number;
}

let clip: File | null = null;

/** A moving test card as VP9 WebM, encoded by the browser (WebCodecs) so no native tool is needed. */
async function makeClip(seconds: number, width: number, height: number, fps: number): Promise<{ bytes: number; ms: number }> {
  const started = performance.now();
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("No 2D canvas.");
  const target = new BufferTarget();
  const output = new Output({ format: new WebMOutputFormat(), target });
  const source = new CanvasSource(canvas, { codec: "vp9", quality: QUALITY_HIGH, latencyMode: "realtime" });
  output.addVideoTrack(source, { frameRate: fps });
  await output.start();
  for (let frame = 0; frame < seconds * fps; frame++) {
    const t = frame / fps;
    const gradient = context.createLinearGradient(0, 0, width, height);
    gradient.addColorStop(0, `hsl(${(t * 40) % 360} 70% 45%)`);
    gradient.addColorStop(1, `hsl(${(t * 40 + 160) % 360} 70% 35%)`);
    context.fillStyle = gradient;
    context.fillRect(0, 0, width, height);
    for (let i = 0; i < 12; i++) {
      context.fillStyle = `hsl(${i * 30} 90% 60%)`;
      const x = ((t * (80 + i * 23) + i * 97) % (width + 120)) - 60;
      context.beginPath();
      context.arc(x, 60 + i * ((height - 120) / 11), 40, 0, Math.PI * 2);
      context.fill();
    }
    context.fillStyle = "#fff";
    context.font = "bold 64px sans-serif";
    context.fillText(`${t.toFixed(2)} s`, 40, height - 40);
    await source.add(t, 1 / fps);
  }
  await output.finalize();
  if (!target.buffer) throw new Error("The clip came out empty.");
  clip = new File([target.buffer], "bench.webm", { type: "video/webm" });
  return { bytes: clip.size, ms: performance.now() - started };
}

function theClip(): File {
  if (!clip) throw new Error("Make the clip first.");
  return clip;
}

async function figures(blob: Blob, started: number): Promise<ConvertedFigures> {
  const ms = performance.now() - started;
  const video = document.createElement("video");
  video.src = URL.createObjectURL(blob);
  await new Promise((resolve, reject) => {
    video.onloadedmetadata = resolve;
    video.onerror = () => reject(new Error("The converted file does not play."));
  });
  URL.revokeObjectURL(video.src);
  return { ms, bytes: blob.size, width: video.videoWidth, height: video.videoHeight, durationS: video.duration };
}

/** The app's WebCodecs path, probe included, as an attachment goes through it. */
async function webcodecs(maxHeight: number): Promise<ConvertedFigures> {
  const started = performance.now();
  const opened = await openWithWebCodecs(theClip());
  if (!("video" in opened)) throw new Error(`WebCodecs cannot convert the clip: ${opened.unsupported}.`);
  try {
    return await figures(await opened.video.convert({ maxHeight }), started);
  } finally {
    opened.video.dispose();
  }
}

/** Fetches and starts ffmpeg.wasm (timed apart: the first use downloads 32 MB). */
async function loadFfmpegCore(): Promise<number> {
  const started = performance.now();
  await loadFfmpeg();
  return performance.now() - started;
}

/** The app's ffmpeg.wasm path, probe included. */
async function ffmpeg(maxHeight: number): Promise<ConvertedFigures> {
  const started = performance.now();
  return figures(await convertToMp4(theClip(), { maxHeight }), started);
}

/** The clip's bytes, for native ffmpeg on the same input. */
async function clipBase64(): Promise<string> {
  const bytes = new Uint8Array(await theClip().arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

Object.assign(window, { benchMedia: { makeClip, webcodecs, loadFfmpegCore, ffmpeg, clipBase64 } });
