import type { LogEvent, ProgressEvent } from "@ffmpeg/ffmpeg";

import { abortError, isCurrentFfmpeg, loadFfmpeg, terminateFfmpeg, type FfmpegInstance } from "@/lib/media/client/ffmpeg-loader";
import { frameCountFromStats, parseFfmpegProbeLog } from "@/lib/media/client/probe-log";
import {
  buildConvertPlan,
  buildFrameArgs,
  needsFrameCount,
  videoProbeFromLog,
  type ConvertOptions,
  type VideoProbe,
} from "@/lib/media/client/video-args";

// Probe, convert and grab frames with ffmpeg.wasm. One worker serves the page, so jobs run one at a
// time: log lines then belong to one job, and cancelling a job (which has to kill the worker)
// never takes another job down with it.

export { needsConversion, type ConvertOptions, type VideoProbe } from "@/lib/media/client/video-args";

export interface VideoJobOptions {
  onProgress?(fraction: number): void;
  signal?: AbortSignal;
}

export async function probeVideo(file: Blob, { signal }: { signal?: AbortSignal } = {}): Promise<VideoProbe> {
  return exclusive(signal, async () => {
    const ffmpeg = await loadFfmpeg({ signal });
    return withFiles(ffmpeg, file, ({ input }) => probeInput(ffmpeg, input, signal));
  });
}

/** An H.264 MP4 of the video (trimmed and downscaled when asked), without audio. */
export async function convertToMp4(file: Blob, options: ConvertOptions = {}, { onProgress, signal }: VideoJobOptions = {}): Promise<Blob> {
  return exclusive(signal, async () => {
    const ffmpeg = await loadFfmpeg({ signal });
    return withFiles(ffmpeg, file, async ({ input, output: outputPath }) => {
      const probe = await probeInput(ffmpeg, input, signal);
      const output = outputPath(".mp4");
      const plan = buildConvertPlan(probe, options, input, output);
      const onFfmpegProgress = ({ time }: ProgressEvent) => {
        // `time` is the output position in microseconds; ffmpeg's own `progress` ignores trims.
        if (time > 0) onProgress?.(Math.min(1, time / 1e6 / plan.outputDurationS));
      };
      onProgress?.(0);
      ffmpeg.on("progress", onFfmpegProgress);
      try {
        const { code, lines } = await run(ffmpeg, plan.args, signal);
        if (code !== 0) throw new Error(`ffmpeg could not convert this video (${lastError(lines)}).`);
      } finally {
        ffmpeg.off("progress", onFfmpegProgress);
      }
      const blob = await readOutput(ffmpeg, output, "video/mp4");
      onProgress?.(1);
      return blob;
    });
  });
}

/** The frame shown at `atS` (clamped into the video), as a PNG at the display size. */
export async function extractFrame(file: Blob, atS: number, { signal }: { signal?: AbortSignal } = {}): Promise<Blob> {
  return exclusive(signal, async () => {
    const ffmpeg = await loadFfmpeg({ signal });
    return withFiles(ffmpeg, file, async ({ input, output: outputPath }) => {
      const probe = await probeInput(ffmpeg, input, signal);
      const output = outputPath(".png");
      const { code, lines } = await run(ffmpeg, buildFrameArgs(probe, atS, input, output), signal);
      if (code !== 0) throw new Error(`ffmpeg could not extract a frame (${lastError(lines)}).`);
      return readOutput(ffmpeg, output, "image/png");
    });
  });
}

async function probeInput(ffmpeg: FfmpegInstance, input: string, signal?: AbortSignal): Promise<VideoProbe> {
  // Without an output ffmpeg exits 1 after printing what it found; the log is the answer.
  const log = parseFfmpegProbeLog((await run(ffmpeg, ["-i", input], signal)).lines);
  // Counting reads every packet without decoding, so it is fast even for long files.
  const counted = needsFrameCount(log)
    ? frameCountFromStats((await run(ffmpeg, ["-i", input, "-map", "0:v:0", "-c", "copy", "-f", "null", "-"], signal)).lines)
    : null;
  return videoProbeFromLog(log, counted);
}

async function run(ffmpeg: FfmpegInstance, args: string[], signal?: AbortSignal): Promise<{ code: number; lines: string[] }> {
  if (signal?.aborted) throw abortError();
  const lines: string[] = [];
  const onLog = ({ message }: LogEvent) => lines.push(message);
  // Only killing the worker stops a running exec; the next job loads ffmpeg again.
  const onAbort = () => terminateFfmpeg();
  ffmpeg.on("log", onLog);
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    return { code: await ffmpeg.exec(["-hide_banner", ...args]), lines };
  } catch (error) {
    if (signal?.aborted) throw abortError();
    // The worker rejects with a bare string when the wasm itself failed (e.g. out of memory);
    // that instance is not safe to reuse.
    terminateFfmpeg();
    throw new Error(`ffmpeg stopped: ${String(error)}`);
  } finally {
    ffmpeg.off("log", onLog);
    signal?.removeEventListener("abort", onAbort);
  }
}

let nextJobId = 0;

interface JobFiles {
  input: string;
  /** A fresh output path, deleted when the job ends. */
  output(extension: string): string;
}

/** Mounts the blob read-only under a fresh folder (no copy into wasm memory) and cleans up after. */
async function withFiles<T>(ffmpeg: FfmpegInstance, file: Blob, task: (files: JobFiles) => Promise<T>): Promise<T> {
  const id = `${Date.now().toString(36)}-${(nextJobId += 1)}`;
  const dir = `/job-${id}`;
  const name = `input${extensionOf(file)}`;
  const outputs: string[] = [];
  await ffmpeg.createDir(dir);
  await ffmpeg.mount("WORKERFS", { blobs: [{ name, data: file }] }, dir);
  try {
    return await task({
      input: `${dir}/${name}`,
      output: (extension) => {
        const path = `/output-${id}-${outputs.length}${extension}`;
        outputs.push(path);
        return path;
      },
    });
  } finally {
    // After a cancel the worker, and its file system with it, is gone.
    if (isCurrentFfmpeg(ffmpeg)) {
      for (const output of outputs) {
        // A failed command may not have written its output at all.
        await ffmpeg.deleteFile(output).catch(() => undefined);
      }
      await ffmpeg.unmount(dir);
      await ffmpeg.deleteDir(dir);
    }
  }
}

async function readOutput(ffmpeg: FfmpegInstance, path: string, type: string): Promise<Blob> {
  // A command that encoded nothing leaves no file; that is the same failure as an empty one.
  const data = await ffmpeg.readFile(path).catch(() => "");
  if (typeof data === "string" || data.byteLength === 0) throw new Error("ffmpeg produced an empty file.");
  return new Blob([data as Uint8Array<ArrayBuffer>], { type });
}

const EXTENSIONS: Record<string, string> = {
  "video/mp4": ".mp4",
  "video/quicktime": ".mov",
  "video/webm": ".webm",
  "video/x-matroska": ".mkv",
  "video/x-msvideo": ".avi",
  "video/3gpp": ".3gp",
};

/** The extension helps ffmpeg pick a demuxer and tells WebM from Matroska in the probe. */
function extensionOf(file: Blob): string {
  const fromName = "name" in file && typeof file.name === "string" ? /\.([a-z0-9]{1,5})$/i.exec(file.name)?.[1] : undefined;
  if (fromName) return `.${fromName.toLowerCase()}`;
  return EXTENSIONS[file.type.split(";")[0] ?? ""] ?? "";
}

function lastError(lines: string[]): string {
  const meaningful = lines.filter((line) => line.trim() && !/^Aborted\(/.test(line) && !/^\s/.test(line));
  return meaningful.at(-1)?.trim() ?? "no output";
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs jobs one after another; a job cancelled while it waits never starts. */
function exclusive<T>(signal: AbortSignal | undefined, task: () => Promise<T>): Promise<T> {
  const result = queue.then(() => {
    if (signal?.aborted) throw abortError();
    return task();
  });
  queue = result.catch(() => undefined);
  return result;
}
