// `npm run bench:media`: the downscale of a 30 s 1280×720 VP9 WebM to 360p H.264, in Chromium, by the
// app's WebCodecs path and its ffmpeg.wasm path (interleaved, median of 3), and by native ffmpeg when
// installed. Part of `npm run bench`; alone: `tsx bench/media.ts`.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Page } from "@playwright/test";
import { build } from "esbuild";

import { chromiumLaunchOptions } from "../playwright.config";
import type { ConvertedFigures } from "./media-page";
import { formatTable } from "./stats";

const root = path.resolve(import.meta.dirname, "..");
const CLIP = { seconds: 30, width: 1280, height: 720, fps: 30 };
const MAX_HEIGHT = 360;
const RUNS = Number(process.env.BENCH_MEDIA_RUNS ?? 3);
const SPEEDUP_TARGET = 2.5;
const TYPES: Record<string, string> = {
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".html": "text/html",
};

interface BenchWindow {
  benchMedia: {
    makeClip(seconds: number, width: number, height: number, fps: number): Promise<{ bytes: number; ms: number }>;
    webcodecs(maxHeight: number): Promise<ConvertedFigures>;
    loadFfmpegCore(): Promise<number>;
    ffmpeg(maxHeight: number): Promise<ConvertedFigures>;
    clipBase64(): Promise<string>;
  };
}

/** The page script: bench/media-page.ts and the app code it imports, bundled for the browser. */
async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, "media-page.ts")],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "chrome120",
    write: false,
    alias: { "@": root },
    // The loader imports ffmpeg.wasm's worker glue by URL, from public/ffmpeg/, as in the app.
    external: ["/ffmpeg/*"],
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

function serve(script: string): Promise<Server> {
  const publicDir = path.join(root, "public");
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (pathname === "/")
      return void res
        .writeHead(200, { "Content-Type": "text/html" })
        .end('<!doctype html><meta charset="utf-8"><title>bench:media</title><script type="module" src="/bench.js"></script>');
    if (pathname === "/bench.js") return void res.writeHead(200, { "Content-Type": "text/javascript" }).end(script);
    const file = path.join(publicDir, path.normalize(pathname));
    if (!pathname.startsWith("/ffmpeg/") || !file.startsWith(publicDir)) return void res.writeHead(404).end();
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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

function nativeFfmpeg(): string | null {
  const found = spawnSync("ffmpeg", ["-version"], { encoding: "utf8" });
  return found.status === 0 ? (found.stdout.split("\n")[0] ?? "ffmpeg") : null;
}

/** The same downscale with the machine's own ffmpeg and the app's encoder settings. */
function nativeRun(input: string, output: string): number {
  const started = performance.now();
  const run = spawnSync("ffmpeg", [
    "-v",
    "error",
    "-y",
    "-i",
    input,
    "-map",
    "0:v:0",
    "-an",
    "-vf",
    `scale=-2:${MAX_HEIGHT}`,
    "-c:v",
    "libx264",
    "-preset",
    "veryfast",
    "-crf",
    "23",
    "-pix_fmt",
    "yuv420p",
    "-movflags",
    "+faststart",
    output,
  ]);
  if (run.status !== 0) throw new Error(`native ffmpeg failed: ${run.stderr.toString()}`);
  return performance.now() - started;
}

async function clipBytes(page: Page): Promise<Buffer> {
  return Buffer.from(await page.evaluate(() => (window as unknown as BenchWindow).benchMedia.clipBase64()), "base64");
}

export async function benchMedia(): Promise<void> {
  const server = await serve(await bundle());
  const browser = await chromium.launch(chromiumLaunchOptions);
  const native = nativeFfmpeg();
  const work = mkdtempSync(path.join(tmpdir(), "bench-media-"));
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => "benchMedia" in window);
    const clip = await page.evaluate(
      ({ seconds, width, height, fps }) => (window as unknown as BenchWindow).benchMedia.makeClip(seconds, width, height, fps),
      CLIP,
    );
    const loadMs = await page.evaluate(() => (window as unknown as BenchWindow).benchMedia.loadFfmpegCore());
    let nativeInput: string | null = null;
    if (native) {
      nativeInput = path.join(work, "clip.webm");
      writeFileSync(nativeInput, await clipBytes(page));
    }
    const runs: { webcodecs: ConvertedFigures; ffmpeg: ConvertedFigures; nativeMs: number | null }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const webcodecs = await page.evaluate((h) => (window as unknown as BenchWindow).benchMedia.webcodecs(h), MAX_HEIGHT);
      const ffmpeg = await page.evaluate((h) => (window as unknown as BenchWindow).benchMedia.ffmpeg(h), MAX_HEIGHT);
      const nativeMs = nativeInput ? nativeRun(nativeInput, path.join(work, "out.mp4")) : null;
      runs.push({ webcodecs, ffmpeg, nativeMs });
    }
    const rows = [
      ["WebCodecs (mediabunny)", runs.map((r) => r.webcodecs)],
      ["ffmpeg.wasm", runs.map((r) => r.ffmpeg)],
    ] as const;
    console.log(
      `\nDownscale of a ${CLIP.seconds} s ${CLIP.width}×${CLIP.height} VP9 WebM (${(clip.bytes / 1e6).toFixed(1)} MB, made in ${(clip.ms / 1000).toFixed(1)} s) to ${MAX_HEIGHT}p H.264 MP4`,
    );
    console.log(
      `${RUNS} runs per path, interleaved, probe included; ffmpeg.wasm's load (${(loadMs / 1000).toFixed(1)} s, 32 MB on first use) not included\n`,
    );
    console.log(
      formatTable(
        ["path", "median s", "runs s", "output", "output s", "MB"],
        [
          ...rows.map(([name, figures]) => [
            name,
            (median(figures.map((f) => f.ms)) / 1000).toFixed(2),
            figures.map((f) => (f.ms / 1000).toFixed(2)).join(" "),
            `${figures[0]?.width}×${figures[0]?.height}`,
            (figures[0]?.durationS ?? NaN).toFixed(2),
            ((figures[0]?.bytes ?? 0) / 1e6).toFixed(2),
          ]),
          native
            ? [
                "native ffmpeg",
                (median(runs.map((r) => r.nativeMs ?? NaN)) / 1000).toFixed(2),
                runs.map((r) => ((r.nativeMs ?? NaN) / 1000).toFixed(2)).join(" "),
                `-×${MAX_HEIGHT}`,
                "-",
                "-",
              ]
            : ["native ffmpeg", "not installed", "-", "-", "-", "-"],
        ],
      ),
    );
    const speedup = median(runs.map((r) => r.ffmpeg.ms)) / median(runs.map((r) => r.webcodecs.ms));
    console.log(`\ntarget: ≥ ${SPEEDUP_TARGET.toFixed(1)}× (${speedup >= SPEEDUP_TARGET ? "met" : "not met"})`);
    console.log(`webcodecs speedup over ffmpeg.wasm: ${speedup.toFixed(1)}×`);
  } finally {
    await browser.close();
    server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await benchMedia();
