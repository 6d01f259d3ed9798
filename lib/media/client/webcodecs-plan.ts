import { checkTrim, constantFrameRate, evaluateRate, evenFloor, type ConvertOptions, type VideoProbe } from "@/lib/media/client/video-args";

// The WebCodecs path's decisions, as pure functions of the probe, so they match the ffmpeg.wasm
// path's (lib/media/client/video-args.ts) case by case: same remux rule, sizes and frame rate.

export interface WebCodecsPlan {
  /** The H.264 packets are copied as they are, only the container changes. */
  remux: boolean;
  /** Output display size, both even (4:2:0 needs it). */
  width: number;
  height: number;
  /** The constant output rate; null when the packets are copied. */
  frameRate: number | null;
  startS: number;
  endS: number;
  outputDurationS: number;
}

const PLAIN_AVC_PROFILES = new Set([0x42, 0x4d, 0x58, 0x64]);
const AVC_PIXEL_FORMATS: Record<number, string> = { 0x6e: "yuv420p10le", 0x7a: "yuv422p", 0xf4: "yuv444p" };

/** ffmpeg's pixel-format name for an `avc1.PPCCLL` codec string (profile PP), as the ffmpeg probe gives it. */
export function avcPixelFormat(codecString: string | null): string | null {
  const match = /^avc[13]\.([0-9a-f]{2})/i.exec(codecString ?? "");
  if (!match?.[1]) return null;
  const profile = Number.parseInt(match[1], 16);
  return PLAIN_AVC_PROFILES.has(profile) ? "yuv420p" : (AVC_PIXEL_FORMATS[profile] ?? `avc-profile-${profile}`);
}

const CODEC_NAMES: Record<string, string> = { avc: "h264", hevc: "hevc", vp8: "vp8", vp9: "vp9", av1: "av1" };

/** The ffmpeg codec name for a mediabunny codec, so notes and the conversion rule read the same. */
export function codecName(codec: string | null): string {
  return codec ? (CODEC_NAMES[codec] ?? codec) : "unknown";
}

const CONTAINERS: Record<string, string> = {
  "video/mp4": "mp4",
  "video/quicktime": "mov",
  "video/webm": "webm",
  "video/x-matroska": "mkv",
};

export function containerName(mimeType: string): string {
  return CONTAINERS[mimeType.split(";")[0]?.trim() ?? ""] ?? "unknown";
}

/** Frames that do not come at one steady interval (more than half the median apart), as ffmpeg flags them. */
export function isVariableFrameRate(timestampsS: number[]): boolean {
  const sorted = [...timestampsS].sort((a, b) => a - b);
  const deltas = sorted
    .slice(1)
    .map((t, i) => t - (sorted[i] ?? t))
    .filter((d) => d > 0);
  if (deltas.length < 2) return false;
  const median = [...deltas].sort((a, b) => a - b)[Math.floor(deltas.length / 2)] ?? 0;
  return (Math.max(...deltas) - Math.min(...deltas)) / median > 0.5;
}

export function buildWebCodecsPlan(probe: VideoProbe, options: ConvertOptions): WebCodecsPlan {
  const { startS, endS } = checkTrim(probe, options);
  const scaled = options.maxHeight !== undefined && options.maxHeight < probe.height;
  const trimmed = startS > 0 || endS < probe.durationS;
  const evenSides = probe.width % 2 === 0 && probe.height % 2 === 0;
  const remux =
    probe.codec === "h264" &&
    (probe.pixelFormat === null || probe.pixelFormat === "yuv420p" || probe.pixelFormat === "yuvj420p") &&
    probe.rotation === 0 &&
    !probe.variableFrameRate &&
    !scaled &&
    !trimmed;
  // As ffmpeg's scale=-2:h: the width follows the aspect ratio, rounded to the nearest even number.
  const height = scaled ? evenFloor(options.maxHeight ?? probe.height) : evenSides ? probe.height : evenFloor(probe.height);
  const width = scaled
    ? Math.max(2, Math.round((probe.width * height) / probe.height / 2) * 2)
    : evenSides
      ? probe.width
      : evenFloor(probe.width);
  return {
    remux,
    width,
    height,
    frameRate: remux ? null : evaluateRate(constantFrameRate(probe.fps)),
    startS,
    endS,
    outputDurationS: endS - startS,
  };
}
