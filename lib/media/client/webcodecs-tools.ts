import {
  ALL_FORMATS,
  BlobSource,
  BufferTarget,
  canEncodeVideo,
  CanvasSink,
  Conversion,
  ConversionCanceledError,
  EncodedPacketSink,
  Input,
  Mp4OutputFormat,
  Output,
  type InputVideoTrack,
} from "mediabunny";

import type { ConvertOptions, VideoProbe } from "@/lib/media/client/video-args";
import { encodeDirect } from "@/lib/media/client/webcodecs-encode";
import { avcPixelFormat, buildWebCodecsPlan, codecName, containerName, isVariableFrameRate } from "@/lib/media/client/webcodecs-plan";

// Probe, convert and grab frames with the browser's own codecs (WebCodecs, through mediabunny):
// several times faster than ffmpeg.wasm and no 32 MB download. Only for inputs the browser can
// decode, with an H.264 encoder at hand; lib/media/client/video-engine.ts picks the path.

export interface VideoJobOptions {
  onProgress?(fraction: number): void;
  signal?: AbortSignal;
}

export interface WebCodecsVideo {
  probe: VideoProbe;
  convert(options: ConvertOptions, job?: VideoJobOptions): Promise<Blob>;
  extractFrame(atS: number, options?: { signal?: AbortSignal }): Promise<Blob>;
  dispose(): void;
}

export type OpenResult = { video: WebCodecsVideo } | { unsupported: string };

const abortError = () => new DOMException("Cancelled.", "AbortError");
// Enough packets to tell a steady rate from a recording's jitter without reading a long file twice.
const RATE_SAMPLE_PACKETS = 2000;

/** The file opened with WebCodecs, or the reason the browser's codecs cannot convert it. */
export async function openWithWebCodecs(file: Blob): Promise<OpenResult> {
  if (typeof VideoDecoder === "undefined" || typeof VideoEncoder === "undefined") return { unsupported: "this browser has no WebCodecs" };
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack().catch(() => null);
    if (!track) return close(input, "no video stream the browser can read");
    const codec = await track.getCodec();
    if (!codec) return close(input, "its codec is not one the browser knows");
    if (!(await track.canDecode())) return close(input, `no ${codecName(codec)} decoder`);
    const probe = await probeTrack(input, track);
    const size = buildWebCodecsPlan(probe, {});
    if (!(await canEncodeVideo("avc", { width: size.width, height: size.height }))) return close(input, "no H.264 encoder");
    return { video: openedVideo(input, track, probe) };
  } catch (error) {
    return close(input, error instanceof Error ? error.message : String(error));
  }
}

function close(input: Input, reason: string): OpenResult {
  input.dispose();
  return { unsupported: reason };
}

async function probeTrack(input: Input, track: InputVideoTrack): Promise<VideoProbe> {
  const timestamps: number[] = [];
  let count = 0;
  let endS = 0;
  for await (const packet of new EncodedPacketSink(track).packets(undefined, undefined, { metadataOnly: true })) {
    count += 1;
    endS = Math.max(endS, packet.timestamp + packet.duration);
    if (timestamps.length < RATE_SAMPLE_PACKETS) timestamps.push(packet.timestamp);
  }
  const startS = Math.max(0, await track.getFirstTimestamp());
  const durationS = endS - startS;
  if (count === 0 || durationS <= 0) throw new Error("Could not measure this video's duration or frame rate.");
  const codec = codecName(await track.getCodec());
  return {
    durationS,
    fps: count / durationS,
    width: await track.getDisplayWidth(),
    height: await track.getDisplayHeight(),
    codec,
    container: containerName((await input.getFormat()).mimeType),
    pixelFormat: codec === "h264" ? avcPixelFormat(await track.getCodecParameterString()) : null,
    rotation: await track.getRotation(),
    variableFrameRate: isVariableFrameRate(timestamps),
    hasAudio: (await input.getPrimaryAudioTrack()) !== null,
  };
}

function openedVideo(input: Input, track: InputVideoTrack, probe: VideoProbe): WebCodecsVideo {
  return {
    probe,
    convert: (options, job) => convert(input, track, probe, options, job),
    extractFrame: (atS, options) => extractFrame(track, probe, atS, options?.signal),
    dispose: () => input.dispose(),
  };
}

async function convert(
  input: Input,
  track: InputVideoTrack,
  probe: VideoProbe,
  options: ConvertOptions,
  { onProgress, signal }: VideoJobOptions = {},
): Promise<Blob> {
  if (signal?.aborted) throw abortError();
  const plan = buildWebCodecsPlan(probe, options);
  if (!plan.remux && probe.rotation === 0) {
    onProgress?.(0);
    try {
      const buffer = await encodeDirect(track, plan, { ...(onProgress ? { onProgress } : {}), ...(signal ? { signal } : {}) });
      onProgress?.(1);
      return new Blob([buffer], { type: "video/mp4" });
    } catch (error) {
      if (signal?.aborted) throw abortError();
      throw error;
    }
  }
  // Remuxing, and rotation (drawn into the pixels), go through mediabunny's own conversion.
  const target = new BufferTarget();
  const output = new Output({ format: new Mp4OutputFormat({ fastStart: "in-memory" }), target });
  const trimmed = plan.startS > 0 || plan.endS < probe.durationS;
  const conversion = await Conversion.init({
    input,
    output,
    tracks: "primary",
    // The model ignores audio; dropping it also avoids codecs MP4 cannot hold.
    audio: { discard: true },
    video: plan.remux
      ? {}
      : {
          codec: "avc",
          width: plan.width,
          height: plan.height,
          fit: "fill",
          ...(plan.frameRate !== null ? { frameRate: plan.frameRate } : {}),
          forceTranscode: true,
          // Model servers ignore a rotation flag, so the rotation goes into the pixels.
          allowTransformationMetadata: false,
        },
    ...(trimmed ? { trim: { start: plan.startS, end: plan.endS } } : {}),
    showWarnings: false,
  });
  if (!conversion.isValid) {
    const reasons = conversion.discardedTracks.map((discarded) => discarded.reason).join(", ");
    throw new Error(`The browser's codecs cannot convert this video (${reasons || "no usable track"}).`);
  }
  conversion.onProgress = (fraction) => onProgress?.(Math.min(1, fraction));
  const onAbort = () => void conversion.cancel();
  signal?.addEventListener("abort", onAbort, { once: true });
  onProgress?.(0);
  try {
    await conversion.execute();
  } catch (error) {
    if (signal?.aborted || error instanceof ConversionCanceledError) throw abortError();
    throw error;
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
  if (!target.buffer || target.buffer.byteLength === 0) throw new Error("The conversion produced an empty file.");
  onProgress?.(1);
  return new Blob([target.buffer], { type: "video/mp4" });
}

/** The frame shown at `atS` (clamped into the video, as the ffmpeg path does), as a PNG at the display size. */
async function extractFrame(track: InputVideoTrack, probe: VideoProbe, atS: number, signal?: AbortSignal): Promise<Blob> {
  const firstS = Math.max(0, await track.getFirstTimestamp());
  const lastFrameS = Math.max(0, probe.durationS - 1 / Math.max(probe.fps, 1));
  const at = firstS + Math.min(Math.max(0, atS), lastFrameS);
  const sink = new CanvasSink(track, { width: probe.width, height: probe.height, fit: "fill" });
  const frame = (await sink.getCanvas(at)) ?? (await sink.getCanvas(firstS));
  if (signal?.aborted) throw abortError();
  if (!frame) throw new Error("The video has no frame at that time.");
  const canvas = frame.canvas;
  if ("convertToBlob" in canvas) return canvas.convertToBlob({ type: "image/png" });
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("The frame could not be encoded as PNG."))), "image/png"),
  );
}
