import type { ProbeLog } from "@/lib/media/client/probe-log";

// The ffmpeg command lines for the browser-side video steps, as pure functions of the probe, so
// each decision (remux or re-encode, scale or not, which trim) is unit-tested without a browser.

export interface VideoProbe {
  durationS: number;
  fps: number;
  /** Display size (rotation applied), which is also the size of a converted copy. */
  width: number;
  height: number;
  /** ffmpeg's codec name: "h264", "hevc", "vp9", … */
  codec: string;
  /** "mp4", "mov", "webm", "mkv", … */
  container: string;
  pixelFormat: string | null;
  /** Clockwise degrees the player turns the picture: 0, 90, 180 or 270. */
  rotation: number;
  variableFrameRate: boolean;
  hasAudio: boolean;
}

/** MediaRecorder WebM has no duration in its header, and some files no average rate. */
export function needsFrameCount(log: ProbeLog): boolean {
  return log.video !== null && (log.durationS === null || log.video.fps === null);
}

/** The probe of a file from its `ffmpeg -i` log and, when needed, a counting pass. */
export function videoProbeFromLog(log: ProbeLog, counted: { fps: number; durationS: number } | null): VideoProbe {
  if (!log.video) throw new Error(log.error ? `ffmpeg cannot read this file (${log.error}).` : "This file has no video stream.");
  const durationS = log.durationS ?? counted?.durationS ?? null;
  const fps = log.video.fps ?? counted?.fps ?? null;
  if (durationS === null || fps === null || durationS <= 0) throw new Error("Could not measure this video's duration or frame rate.");
  const { codec, pixelFormat, width, height, rotation, variableFrameRate } = log.video;
  const container = log.container ?? "unknown";
  return { durationS, fps, width, height, codec, container, pixelFormat, rotation, variableFrameRate, hasAudio: log.hasAudio };
}

export interface ConvertOptions {
  /** Downscale to this height when the video is taller (width follows, kept even). */
  maxHeight?: number;
  startS?: number;
  endS?: number;
}

export interface ConvertPlan {
  args: string[];
  /** What the output will last, for progress. */
  outputDurationS: number;
  /** The video stream is copied as it is, only the container changes. */
  remux: boolean;
}

// What the model servers decode everywhere: 8-bit 4:2:0 H.264 (yuvj420p is its full-range twin).
const PLAIN_PIXEL_FORMATS = new Set(["yuv420p", "yuvj420p"]);

/**
 * Whether the model server needs a converted copy: anything but H.264 in MP4, and also H.264 that
 * is 10-bit/4:4:4 or carries a rotation flag (decoders on the server ignore it and see it sideways).
 */
export function needsConversion(probe: VideoProbe): boolean {
  return !(probe.container === "mp4" && probe.codec === "h264" && isPlainPixelFormat(probe.pixelFormat) && probe.rotation === 0);
}

function isPlainPixelFormat(pixelFormat: string | null): boolean {
  return pixelFormat === null || PLAIN_PIXEL_FORMATS.has(pixelFormat);
}

export function buildConvertPlan(probe: VideoProbe, options: ConvertOptions, input: string, output: string): ConvertPlan {
  const { startS, endS } = checkTrim(probe, options);
  const targetHeight = options.maxHeight !== undefined && options.maxHeight < probe.height ? evenFloor(options.maxHeight) : null;
  const trimmed = startS > 0 || endS < probe.durationS;
  const remux =
    probe.codec === "h264" &&
    isPlainPixelFormat(probe.pixelFormat) &&
    probe.rotation === 0 &&
    !probe.variableFrameRate &&
    targetHeight === null &&
    !trimmed;

  const seek = [...(startS > 0 ? ["-ss", seconds(startS)] : []), ...(endS < probe.durationS ? ["-to", seconds(endS)] : [])];
  // The model ignores audio and subtitles; dropping them also avoids codecs MP4 cannot hold.
  const streams = ["-map", "0:v:0", "-an", "-sn", "-dn"];
  const filters = [frameRateFilter(probe), scaleFilter(probe, targetHeight)].filter((filter) => filter !== null);
  const video = remux ? ["-c:v", "copy"] : [...(filters.length ? ["-vf", filters.join(",")] : []), ...H264_ENCODE];
  return {
    args: [...seek, "-i", input, ...streams, ...video, "-movflags", "+faststart", output],
    outputDurationS: endS - startS,
    remux,
  };
}

const H264_ENCODE = ["-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p"];

function scaleFilter(probe: VideoProbe, targetHeight: number | null): string | null {
  if (targetHeight !== null) return `scale=-2:${targetHeight}`;
  // yuv420p needs even sides; libx264 refuses 1080x1081 rather than rounding it.
  if (probe.width % 2 !== 0 || probe.height % 2 !== 0) return "scale=trunc(iw/2)*2:trunc(ih/2)*2";
  return null;
}

// Variable-rate input (MediaRecorder, screen capture) kept as is gives an MP4 whose reported rate
// is nonsense ("333.33 fps" from two frames 3 ms apart); the model server samples by that rate.
function frameRateFilter(probe: VideoProbe): string | null {
  return probe.variableFrameRate ? `fps=${constantFrameRate(probe.fps)}` : null;
}

const COMMON_RATES = ["24000/1001", "24", "25", "30000/1001", "30", "50", "60000/1001", "60"];

/** The closest common rate within 2% of the measured average (30.53 → 30), else the average itself. */
export function constantFrameRate(fps: number): string {
  const distance = (rate: string) => Math.abs(evaluateRate(rate) - fps) / fps;
  const nearest = [...COMMON_RATES].sort((a, b) => distance(a) - distance(b))[0];
  return nearest !== undefined && distance(nearest) <= 0.02 ? nearest : String(Math.round(fps * 100) / 100);
}

export function evaluateRate(rate: string): number {
  const [num = "0", den = "1"] = rate.split("/");
  return Number(num) / Number(den);
}

export function checkTrim(probe: Pick<VideoProbe, "durationS">, options: ConvertOptions): { startS: number; endS: number } {
  const startS = Math.max(0, options.startS ?? 0);
  const endS = Math.min(probe.durationS, options.endS ?? probe.durationS);
  if (startS >= probe.durationS) {
    throw new RangeError(`The trim starts at ${startS.toFixed(2)} s, but the video lasts ${probe.durationS.toFixed(2)} s.`);
  }
  if (endS <= startS) throw new RangeError(`The trim ends (${endS.toFixed(2)} s) before it starts (${startS.toFixed(2)} s).`);
  return { startS, endS };
}

/** One PNG of the frame shown at `atS`, clamped inside the video so there is always a frame. */
export function buildFrameArgs(probe: Pick<VideoProbe, "durationS" | "fps">, atS: number, input: string, output: string): string[] {
  const lastFrameS = Math.max(0, probe.durationS - 1 / Math.max(probe.fps, 1));
  const at = Math.min(Math.max(0, atS), lastFrameS);
  return ["-ss", seconds(at), "-i", input, "-map", "0:v:0", "-frames:v", "1", "-c:v", "png", "-f", "image2", output];
}

export function evenFloor(value: number): number {
  return Math.max(2, Math.floor(value / 2) * 2);
}

function seconds(value: number): string {
  return value.toFixed(3);
}
