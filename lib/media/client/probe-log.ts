// Reads what `ffmpeg -i file` prints to stderr. ffmpeg.wasm has no JSON ffprobe output we can
// rely on, so the human-readable log is the interface; keep this pure so every shape is unit-tested.

export interface ProbedVideoStream {
  codec: string;
  profile: string | null;
  pixelFormat: string | null;
  /** Display size: the coded size with the rotation applied (what ffmpeg outputs after autorotate). */
  width: number;
  height: number;
  codedWidth: number;
  codedHeight: number;
  /** Average frame rate ("fps"); null when ffmpeg prints none (then count the frames). */
  fps: number | null;
  /** ffmpeg's guess from the smallest frame interval: 333.33 when two frames came 3 ms apart. */
  tbr: number | null;
  /** Clockwise degrees to turn the coded picture for display: 0, 90, 180 or 270. */
  rotation: number;
  /** No average rate, or one that disagrees with tbr: phone footage, screen and MediaRecorder recordings. */
  variableFrameRate: boolean;
}

export interface ProbeLog {
  /** Normalized container: "mp4", "mov", "m4a", "3gp", "webm", "mkv", or ffmpeg's first demuxer name. */
  container: string | null;
  /** Null when ffmpeg prints "Duration: N/A" (typical of MediaRecorder WebM). */
  durationS: number | null;
  video: ProbedVideoStream | null;
  hasAudio: boolean;
  /** ffmpeg's own complaint about the input, e.g. "Invalid data found when processing input". */
  error: string | null;
}

const INPUT_LINE = /^Input #0, (.+), from '(.*)':$/;
const DURATION_LINE = /^\s*Duration: (N\/A|(\d+):(\d{2}):(\d{2}(?:\.\d+)?))/;
const STREAM_LINE = /^\s*Stream #0:\d+(?:\[[^\]]*\])?(?:\([^)]*\))?: (Video|Audio|Data|Subtitle|Attachment): (.*)$/;
const ROTATION_SIDE_DATA = /displaymatrix: rotation of (-?\d+(?:\.\d+)?) degrees/;
const ROTATE_TAG = /^\s*rotate\s*: (-?\d+)/;
const INPUT_ERRORS = [/Invalid data found when processing input/, /moov atom not found/, /No such file or directory/];

export function parseFfmpegProbeLog(lines: string[]): ProbeLog {
  const result: ProbeLog = { container: null, durationS: null, video: null, hasAudio: false, error: null };
  let demuxers: string | null = null;
  let fileName = "";
  let majorBrand: string | null = null;
  let inVideoStream = false;
  // Only the first real video stream counts; cover art ("attached pic") is a video stream too.
  let rotationDegrees: number | null = null;

  for (const line of lines) {
    const input = INPUT_LINE.exec(line);
    if (input) {
      demuxers = input[1] ?? null;
      fileName = input[2] ?? "";
      continue;
    }
    const brand = /^\s*major_brand\s*: (.*)$/.exec(line);
    if (brand && majorBrand === null) majorBrand = (brand[1] ?? "").trim();
    const duration = DURATION_LINE.exec(line);
    if (duration) {
      result.durationS = duration[1] === "N/A" ? null : hmsToSeconds(duration[2], duration[3], duration[4]);
      continue;
    }
    const stream = STREAM_LINE.exec(line);
    if (stream) {
      inVideoStream = false;
      if (stream[1] === "Audio") result.hasAudio = true;
      if (stream[1] === "Video" && result.video === null && !/\(attached pic\)/.test(line)) {
        result.video = parseVideoStream(stream[2] ?? "");
        inVideoStream = result.video !== null;
      }
      continue;
    }
    if (inVideoStream) {
      const side = ROTATION_SIDE_DATA.exec(line);
      if (side) rotationDegrees = -Number(side[1]);
      const tag = ROTATE_TAG.exec(line);
      if (tag && rotationDegrees === null) rotationDegrees = Number(tag[1]);
      if (/^\s{0,3}\S/.test(line)) inVideoStream = false;
    }
    const error = INPUT_ERRORS.find((pattern) => pattern.test(line));
    if (error && result.error === null) result.error = line.replace(/^\[[^\]]+\]\s*/, "").trim();
  }

  if (demuxers !== null) result.container = normalizeContainer(demuxers, majorBrand, fileName);
  if (result.video && rotationDegrees !== null) applyRotation(result.video, rotationDegrees);
  return result;
}

function parseVideoStream(description: string): ProbedVideoStream | null {
  const parts = splitTopLevel(description);
  const codecPart = parts[0] ?? "";
  const codec = /^(\S+)/.exec(codecPart)?.[1];
  if (!codec) return null;
  const profile = /^\S+ \(([^)]*)\)/.exec(codecPart)?.[1] ?? null;
  const size = parts.map((part) => /^(\d+)x(\d+)\b/.exec(part)).find((match) => match !== null);
  if (!size) return null;
  const pixelFormat = parts[1] && !/^\d+x\d+/.test(parts[1]) ? (/^([a-z0-9_]+)/.exec(parts[1])?.[1] ?? null) : null;
  const rate = (unit: string) => {
    const part = parts.find((candidate) => candidate.endsWith(` ${unit}`));
    return part ? parseRate(part.slice(0, -unit.length - 1)) : null;
  };
  const fps = rate("fps");
  const tbr = rate("tbr");
  const width = Number(size[1]);
  const height = Number(size[2]);
  return {
    codec,
    profile,
    pixelFormat,
    width,
    height,
    codedWidth: width,
    codedHeight: height,
    fps,
    tbr,
    rotation: 0,
    variableFrameRate: fps === null || (tbr !== null && Math.abs(fps - tbr) / tbr > 0.01),
  };
}

function applyRotation(video: ProbedVideoStream, degrees: number): void {
  const rotation = (((Math.round(degrees / 90) * 90) % 360) + 360) % 360;
  video.rotation = rotation;
  if (rotation === 90 || rotation === 270) {
    video.width = video.codedHeight;
    video.height = video.codedWidth;
  }
}

/** Splits on commas outside parentheses/brackets: "yuv420p(tv, bt709)" stays one part. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of text) {
    if (char === "(" || char === "[") depth += 1;
    if (char === ")" || char === "]") depth = Math.max(0, depth - 1);
    if (char === "," && depth === 0) {
      parts.push(current.trim());
      current = "";
    } else {
      current += char;
    }
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** ffmpeg prints rates as "30", "29.97", "1k" or "90k". */
function parseRate(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)(k?)$/.exec(text.trim());
  if (!match) return null;
  const value = Number(match[1]) * (match[2] ? 1000 : 1);
  return value > 0 ? value : null;
}

function normalizeContainer(demuxers: string, majorBrand: string | null, fileName: string): string {
  if (demuxers.startsWith("mov,mp4")) {
    if (majorBrand === null) return fileName.toLowerCase().endsWith(".mov") ? "mov" : "mp4";
    if (majorBrand === "qt") return "mov";
    if (majorBrand.startsWith("M4A")) return "m4a";
    if (majorBrand.startsWith("3g")) return "3gp";
    return "mp4";
  }
  // Matroska and WebM share a demuxer and ffmpeg 5.1 does not print the DocType.
  if (demuxers === "matroska,webm") return fileName.toLowerCase().endsWith(".webm") ? "webm" : "mkv";
  return demuxers.split(",")[0] ?? demuxers;
}

function hmsToSeconds(hours = "0", minutes = "0", seconds = "0"): number {
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

export interface FfmpegStats {
  frame: number | null;
  timeS: number | null;
}

/** Parses a progress line: "frame=   30 fps=0.0 q=-1.0 Lsize=N/A time=00:00:00.96 bitrate=N/A". */
export function parseFfmpegStats(line: string): FfmpegStats | null {
  const time = /\btime=(-?)(\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(line);
  const frame = /\bframe=\s*(\d+)/.exec(line);
  if (!time && !frame) return null;
  return {
    frame: frame ? Number(frame[1]) : null,
    timeS: time && !time[1] ? hmsToSeconds(time[2], time[3], time[4]) : null,
  };
}

/**
 * Rate and duration from the log of a counting pass (`-c copy -f null -`), for files whose header
 * has neither. The last `time=` is the last frame's start, so n frames span n - 1 intervals.
 */
export function frameCountFromStats(lines: string[]): { fps: number; durationS: number } | null {
  const last = lines
    .map(parseFfmpegStats)
    .filter((stats) => stats !== null && stats.frame !== null && stats.timeS !== null)
    .at(-1);
  if (!last?.frame || !last.timeS || last.frame < 2) return null;
  const fps = (last.frame - 1) / last.timeS;
  return { fps, durationS: last.frame / fps };
}
