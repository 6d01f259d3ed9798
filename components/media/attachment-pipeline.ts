import type { MediaFacts, PrepareOptions } from "@/lib/media/attachments";
import { readImageSize } from "@/lib/media/image-size";
import { probeMp4 } from "@/lib/media/mp4-probe";
import { SNIFF_BYTES, sniffMediaType, type MediaFormat, type SniffedType } from "@/lib/media/sniff";
import { probeWebm } from "@/lib/media/webm-probe";

// The browser-side steps before an upload: what a file is, what it measures, and the conversion
// the model server needs. The video tools (WebCodecs, else ffmpeg.wasm) are imported only here and
// only when a step needs them, so the page never downloads them for images or for H.264 MP4s.

export interface StepHooks {
  signal: AbortSignal;
  onPhase: (phase: "probing" | "converting", progress?: number | null) => void;
  onProgress: (fraction: number) => void;
  /** What the file being sent measures (after a conversion). */
  onFacts: (facts: Partial<MediaFacts>) => void;
  /** What the file as picked measures. */
  onSourceFacts: (facts: Partial<MediaFacts>) => void;
  onNote: (note: string) => void;
  /** Loads ffmpeg.wasm once for the page, showing its progress bar. */
  ensureVideoTools: () => Promise<void>;
}

const readSlice = async (file: Blob, offset: number, length: number) =>
  new Uint8Array(await file.slice(offset, offset + length).arrayBuffer());

export async function sniffFile(file: Blob): Promise<SniffedType | null> {
  return sniffMediaType(await readSlice(file, 0, SNIFF_BYTES));
}

const FORMAT_NAMES: Record<MediaFormat, string> = {
  jpeg: "JPEG",
  png: "PNG",
  webp: "WebP",
  gif: "GIF",
  mp4: "MP4",
  mov: "MOV",
  webm: "WebM",
  mkv: "MKV",
};

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new DOMException("Cancelled.", "AbortError");
}

export interface ImageTarget {
  /** The backend's cap on inline images (hosted endpoints); null when there is none. */
  maxBytes: number | null;
  /** Downscale so the longer side is at most this (the token advice). */
  maxEdge: number | null;
}

/** The image to upload: JPEG and PNG as they are, anything else re-encoded, shrunk to fit a cap. */
export async function prepareImage(file: Blob, format: MediaFormat, target: ImageTarget, hooks: StepHooks): Promise<Blob> {
  const convert = format !== "jpeg" && format !== "png";
  const tooLarge = target.maxBytes !== null && file.size > target.maxBytes;
  if (!convert && !tooLarge && target.maxEdge === null) {
    const size = readImageSize(await readSlice(file, 0, 512 * 1024));
    if (size) hooks.onSourceFacts(size);
    return file;
  }
  hooks.onPhase("converting", null);
  const { convertImageForUpload } = await import("@/lib/media/client/image-tools");
  const result = await convertImageForUpload(file, {
    ...(target.maxBytes !== null ? { maxBytes: target.maxBytes } : {}),
    ...(target.maxEdge !== null ? { maxEdge: target.maxEdge } : {}),
  });
  throwIfAborted(hooks.signal);
  hooks.onFacts({ width: result.width, height: result.height });
  if (result.blob === file) return file;
  const reasons = [
    convert ? `Converted from ${FORMAT_NAMES[format]}` : null,
    tooLarge && target.maxBytes !== null ? `re-encoded to fit this backend's ${formatBytes(target.maxBytes)} limit` : null,
    target.maxEdge !== null ? `downscaled to ${result.width}×${result.height}` : null,
  ].filter((r): r is string => r !== null);
  hooks.onNote(capitalise(reasons.join(", ")) + ".");
  return result.blob;
}

interface QuickProbe extends Partial<MediaFacts> {
  /** An upright H.264 MP4 that the model servers take as it is. */
  ready: boolean;
}

const H264 = new Set(["avc1", "avc3"]);

/** What the file's own headers say, read without ffmpeg so the estimate shows at once. */
async function quickVideoProbe(file: Blob, format: MediaFormat): Promise<QuickProbe> {
  if (format === "webm" || format === "mkv") return { ...probeWebm(await readSlice(file, 0, 1024 * 1024)), ready: false };
  const info = await probeMp4((offset, length) => readSlice(file, offset, length), file.size);
  const { width, height, durationS, fps, codec } = info;
  const facts = Object.fromEntries(Object.entries({ width, height, durationS, fps, codec }).filter(([, v]) => v !== undefined));
  const ready = format === "mp4" && codec !== undefined && H264.has(codec) && width !== undefined && !info.rotated;
  return { ...facts, ready };
}

const hasPrepare = (p: PrepareOptions) => p.maxHeight !== null || p.startS !== null || p.endS !== null;

/**
 * The video to upload. An upright H.264 MP4 goes as it is; other codecs and containers, rotated
 * phone videos and Prepare go through the video tools, and ffmpeg.wasm (32 MB) is fetched only
 * when the browser's own codecs cannot do it.
 */
export async function prepareVideo(file: Blob, format: MediaFormat, prepare: PrepareOptions, hooks: StepHooks): Promise<Blob> {
  hooks.onPhase("probing");
  const { ready, ...quick } = await quickVideoProbe(file, format).catch((): QuickProbe => ({ ready: false }));
  hooks.onSourceFacts(quick);
  if (ready && !hasPrepare(prepare)) return file;

  const { openVideo, needsConversion } = await import("@/lib/media/client/video-engine");
  const video = await openVideo(file, { signal: hooks.signal, ensureFfmpeg: hooks.ensureVideoTools });
  try {
    throwIfAborted(hooks.signal);
    const { probe } = video;
    hooks.onSourceFacts({ width: probe.width, height: probe.height, durationS: probe.durationS, fps: probe.fps, codec: probe.codec });
    const convert = needsConversion(probe);
    if (!convert && !hasPrepare(prepare)) return file;

    hooks.onPhase("converting", 0);
    const output = await video.convert(
      {
        ...(prepare.maxHeight !== null ? { maxHeight: prepare.maxHeight } : {}),
        ...(prepare.startS !== null ? { startS: prepare.startS } : {}),
        ...(prepare.endS !== null ? { endS: prepare.endS } : {}),
      },
      { onProgress: hooks.onProgress, signal: hooks.signal },
    );
    throwIfAborted(hooks.signal);
    hooks.onNote(conversionNote(format, convert, prepare));
    return output;
  } finally {
    video.dispose();
  }
}

function conversionNote(format: MediaFormat, converted: boolean, prepare: PrepareOptions): string {
  const parts = [
    converted ? `Converted from ${FORMAT_NAMES[format]} to H.264 MP4` : null,
    prepare.maxHeight !== null ? `downscaled to ${prepare.maxHeight}p` : null,
    prepare.startS !== null || prepare.endS !== null ? "trimmed" : null,
  ].filter((p): p is string => p !== null);
  return capitalise(parts.join(", ")) + ".";
}

/** A frame of the video at a time, as a PNG file named after the video. */
export async function extractVideoFrame(
  file: Blob,
  name: string,
  atS: number,
  hooks: Pick<StepHooks, "ensureVideoTools" | "signal">,
): Promise<File> {
  const { openVideo } = await import("@/lib/media/client/video-engine");
  const video = await openVideo(file, { signal: hooks.signal, ensureFfmpeg: hooks.ensureVideoTools });
  let png: Blob;
  try {
    png = await video.extractFrame(atS, { signal: hooks.signal });
  } finally {
    video.dispose();
  }
  const base = name.replace(/\.[^.]+$/, "");
  return new File([png], `${base}-${atS.toFixed(1)}s.png`, { type: "image/png" });
}

/** The name sent with a converted file, so its extension says what it now is. */
export function uploadName(name: string, blob: Blob): string {
  const base = name.replace(/\.[^.]+$/, "");
  if (blob.type === "image/jpeg") return `${base}.jpg`;
  if (blob.type === "image/png") return `${base}.png`;
  if (blob.type === "video/mp4") return `${base}.mp4`;
  return name;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
