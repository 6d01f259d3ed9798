import {
  BufferTarget,
  EncodedPacket,
  EncodedVideoPacketSource,
  Mp4OutputFormat,
  Output,
  VideoSampleSink,
  type InputVideoTrack,
} from "mediabunny";

import type { WebCodecsPlan } from "@/lib/media/client/webcodecs-plan";

// Decoded frames go straight to an H.264 VideoEncoder configured at the output size: the browser's
// encoder scales each frame itself (libyuv), where drawing every frame on a canvas to resize it
// costs more than the encode. For upright video; a rotation needs the canvas path.

const abortError = () => new DOMException("Cancelled.", "AbortError");
// Frames waiting in the encoder before the decoder is paused: enough to keep both busy.
const MAX_QUEUE = 8;

/** High profile at the lowest level that holds the picture: 4.0 to 1080p, 5.1 to 4K, else 5.2. */
export function avcCodecString(width: number, height: number): string {
  const macroblocks = Math.ceil(width / 16) * Math.ceil(height / 16);
  return macroblocks <= 8192 ? "avc1.640028" : macroblocks <= 36864 ? "avc1.640033" : "avc1.640034";
}

/** About what ffmpeg's CRF 23 spends on camera footage, and never under 300 kbit/s. */
export function targetBitrate(width: number, height: number, fps: number): number {
  return Math.max(300_000, Math.round(width * height * fps * 0.07));
}

export interface EncodeJob {
  onProgress?(fraction: number): void;
  signal?: AbortSignal;
}

/** An H.264 MP4 of the track at the plan's size, constant rate and trim. */
export async function encodeDirect(track: InputVideoTrack, plan: WebCodecsPlan, { onProgress, signal }: EncodeJob): Promise<ArrayBuffer> {
  const fps = plan.frameRate ?? 30;
  const target = new BufferTarget();
  const output = new Output({ format: new Mp4OutputFormat({ fastStart: "in-memory" }), target });
  const source = new EncodedVideoPacketSource("avc");
  output.addVideoTrack(source, { frameRate: fps });
  await output.start();

  let failure: unknown = null;
  let muxing: Promise<void> = Promise.resolve();
  const encoder = new VideoEncoder({
    // Packets are added in order; the chain keeps them so.
    output: (chunk, meta) =>
      void (muxing = muxing.then(() => source.add(EncodedPacket.fromEncodedChunk(chunk), meta))).catch(
        (error: unknown) => (failure ??= error),
      ),
    error: (error) => (failure ??= error),
  });
  encoder.configure({
    codec: avcCodecString(plan.width, plan.height),
    width: plan.width,
    height: plan.height,
    bitrate: targetBitrate(plan.width, plan.height, fps),
    framerate: fps,
    avc: { format: "avc" },
  });
  const drained = () => new Promise<void>((resolve) => encoder.addEventListener("dequeue", () => resolve(), { once: true }));

  try {
    const firstS = Math.max(0, await track.getFirstTimestamp());
    const startS = firstS + plan.startS;
    const endS = firstS + plan.endS;
    const frames = Math.max(1, Math.round(plan.outputDurationS * fps));
    let next = 0;
    for await (const sample of new VideoSampleSink(track).samples(startS, endS)) {
      try {
        if (signal?.aborted) throw abortError();
        if (failure) throw failure;
        // Constant rate: each output instant shows the frame on screen then, as ffmpeg's fps filter.
        const until = sample.timestamp + sample.duration - startS;
        const frame = sample.toVideoFrame();
        try {
          while (next < frames && next / fps < until) {
            while (encoder.encodeQueueSize > MAX_QUEUE) await drained();
            const timed = new VideoFrame(frame, { timestamp: Math.round((next / fps) * 1e6), duration: Math.round(1e6 / fps) });
            encoder.encode(timed, { keyFrame: next % Math.round(fps * 5) === 0 });
            timed.close();
            next += 1;
          }
        } finally {
          frame.close();
        }
        onProgress?.(Math.min(1, next / frames));
      } finally {
        sample.close();
      }
    }
    if (next === 0) throw new Error("The video has no frames in that range.");
    await encoder.flush();
    await muxing;
    if (failure) throw failure;
    await output.finalize();
  } catch (error) {
    await output.cancel().catch(() => undefined);
    throw error;
  } finally {
    if (encoder.state !== "closed") encoder.close();
  }
  if (!target.buffer || target.buffer.byteLength === 0) throw new Error("The conversion produced an empty file.");
  return target.buffer;
}
