import { mediaEngine } from "@/lib/media/client/media-engine";
import type { ConvertOptions, VideoProbe } from "@/lib/media/client/video-args";

export { needsConversion } from "@/lib/media/client/video-args";

// One door to the video steps: WebCodecs when the browser can decode the input and encode H.264,
// else ffmpeg.wasm, whose 32 MB core is then fetched (and only then). Both give the same outputs:
// H.264 MP4, even sides, a constant frame rate, no audio.

export interface VideoJobOptions {
  onProgress?(fraction: number): void;
  signal?: AbortSignal;
}

export interface OpenedVideo {
  engine: "webcodecs" | "ffmpeg";
  probe: VideoProbe;
  convert(options: ConvertOptions, job: VideoJobOptions): Promise<Blob>;
  extractFrame(atS: number, options: { signal?: AbortSignal }): Promise<Blob>;
  dispose(): void;
}

export interface OpenVideoOptions {
  signal?: AbortSignal;
  /** Loads ffmpeg.wasm once for the page, showing its progress bar. */
  ensureFfmpeg(): Promise<void>;
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === "AbortError";

export async function openVideo(file: Blob, options: OpenVideoOptions): Promise<OpenedVideo> {
  const engine = mediaEngine();
  if (engine !== "ffmpeg") {
    const { openWithWebCodecs } = await import("@/lib/media/client/webcodecs-tools");
    const opened = await openWithWebCodecs(file);
    if ("video" in opened) {
      const { video } = opened;
      return {
        engine: "webcodecs",
        probe: video.probe,
        // Left to choose, an encoder that fails part-way hands the job to ffmpeg.wasm.
        convert: async (convertOptions, job) => {
          try {
            return await video.convert(convertOptions, job);
          } catch (error) {
            if (engine === "webcodecs" || isAbort(error)) throw error;
            return (await openFfmpeg(file, options)).convert(convertOptions, job);
          }
        },
        extractFrame: (atS, frameOptions) => video.extractFrame(atS, frameOptions),
        dispose: () => video.dispose(),
      };
    }
    if (engine === "webcodecs") throw new Error(`This browser's codecs cannot convert this video: ${opened.unsupported}.`);
  }
  return openFfmpeg(file, options);
}

async function openFfmpeg(file: Blob, { signal, ensureFfmpeg }: OpenVideoOptions): Promise<OpenedVideo> {
  await ensureFfmpeg();
  if (signal?.aborted) throw new DOMException("Cancelled.", "AbortError");
  const tools = await import("@/lib/media/client/video-tools");
  const probe = await tools.probeVideo(file, signal ? { signal } : {});
  return {
    engine: "ffmpeg",
    probe,
    convert: (convertOptions, job) => tools.convertToMp4(file, convertOptions, job),
    extractFrame: (atS, frameOptions) => tools.extractFrame(file, atS, frameOptions),
    dispose: () => undefined,
  };
}
