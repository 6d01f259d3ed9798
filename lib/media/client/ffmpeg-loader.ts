import type { FFmpeg as FfmpegClass, LogEvent, ProgressEvent } from "@ffmpeg/ffmpeg";

// Loads ffmpeg.wasm once per page, from this app's origin (public/ffmpeg/, copied there on install).
// The ~32 MB core is fetched here rather than by the worker so the download can report progress,
// be cancelled, and be kept in the Cache API across reloads.

export type FfmpegLoadPhase = "download" | "init";

export interface LoadFfmpegOptions {
  onProgress?(fraction: number, phase: FfmpegLoadPhase): void;
  signal?: AbortSignal;
}

/** The part of @ffmpeg/ffmpeg's FFmpeg class this app uses. */
export interface FfmpegInstance {
  exec(args: string[], timeout?: number, options?: { signal?: AbortSignal }): Promise<number>;
  readFile(path: string): Promise<Uint8Array | string>;
  deleteFile(path: string): Promise<boolean>;
  createDir(path: string): Promise<boolean>;
  deleteDir(path: string): Promise<boolean>;
  /** Exposes blobs read-only in the worker, so large inputs are not copied into wasm memory. */
  mount(fsType: "WORKERFS", options: { blobs: { name: string; data: Blob }[] }, mountPoint: string): Promise<boolean>;
  unmount(mountPoint: string): Promise<boolean>;
  on(event: "log", callback: (event: LogEvent) => void): void;
  on(event: "progress", callback: (event: ProgressEvent) => void): void;
  off(event: "log", callback: (event: LogEvent) => void): void;
  off(event: "progress", callback: (event: ProgressEvent) => void): void;
  terminate(): void;
}

interface FfmpegManifest {
  coreVersion: string;
  wasmBytes: number;
}

type ProgressListener = (fraction: number, phase: FfmpegLoadPhase) => void;

interface LoadJob {
  promise: Promise<FfmpegInstance>;
  controller: AbortController;
  listeners: Set<ProgressListener>;
  waiters: number;
  last: [number, FfmpegLoadPhase];
}

const BASE = "/ffmpeg";
const CACHE_NAME = "ffmpeg-core";

let instance: FfmpegInstance | null = null;
let job: LoadJob | null = null;
// Kept after the first download so a reload after terminate() needs no network or cache read.
let wasmBlob: { version: string; blob: Blob } | null = null;

export const abortError = () => new DOMException("Cancelled.", "AbortError");

/**
 * The page's ffmpeg, loading it on first use. Concurrent callers share one load; a caller's signal
 * only stops its own wait, and the load itself stops when every waiting caller has given up.
 */
export async function loadFfmpeg({ onProgress, signal }: LoadFfmpegOptions = {}): Promise<FfmpegInstance> {
  if (signal?.aborted) throw abortError();
  if (instance) {
    onProgress?.(1, "init");
    return instance;
  }
  const current = job ?? (job = startLoad());
  current.waiters += 1;
  if (onProgress) {
    current.listeners.add(onProgress);
    onProgress(...current.last);
  }
  try {
    return await untilAborted(current.promise, signal);
  } finally {
    current.waiters -= 1;
    if (onProgress) current.listeners.delete(onProgress);
    if (current.waiters === 0 && job === current) {
      current.controller.abort();
      job = null;
    }
  }
}

/** Stops whatever ffmpeg is doing (the only way to cancel an exec) and forgets it; the next use reloads. */
export function terminateFfmpeg(): void {
  instance?.terminate();
  instance = null;
}

/** False once the instance was terminated: its worker and file system are gone. */
export function isCurrentFfmpeg(ffmpeg: FfmpegInstance): boolean {
  return ffmpeg === instance;
}

function startLoad(): LoadJob {
  const state: Omit<LoadJob, "promise"> = { controller: new AbortController(), listeners: new Set(), waiters: 0, last: [0, "download"] };
  const report = (fraction: number, phase: FfmpegLoadPhase) => {
    state.last = [fraction, phase];
    for (const listener of state.listeners) listener(fraction, phase);
  };
  const promise = createInstance(state.controller.signal, report).then((ffmpeg) => {
    if (job === current) job = null;
    instance = ffmpeg;
    return ffmpeg;
  });
  // Callers that already gave up are no longer listening; the rejection is theirs, not unhandled.
  promise.catch(() => undefined);
  const current: LoadJob = Object.assign(state, { promise });
  return current;
}

async function createInstance(signal: AbortSignal, report: ProgressListener): Promise<FfmpegInstance> {
  const manifest = await fetchManifest(signal);
  const wasm = await getWasm(manifest, signal, (fraction) => report(fraction, "download"));
  report(0, "init");
  // @ts-expect-error -- served from public/ffmpeg/ and imported by the browser; the package gives the types.
  const served: unknown = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ "/ffmpeg/ffmpeg/index.js");
  const { FFmpeg } = served as { FFmpeg: typeof FfmpegClass };
  if (signal.aborted) throw abortError();
  const ffmpeg = new FFmpeg();
  const wasmURL = URL.createObjectURL(wasm);
  try {
    await ffmpeg.load({ coreURL: new URL(`${BASE}/core/ffmpeg-core.js`, location.origin).href, wasmURL }, { signal });
  } catch (error) {
    ffmpeg.terminate();
    if (signal.aborted) throw abortError();
    // The worker reports failures as bare strings.
    throw new Error(`Could not start the video tools: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    URL.revokeObjectURL(wasmURL);
  }
  report(1, "init");
  return ffmpeg as unknown as FfmpegInstance;
}

async function fetchManifest(signal: AbortSignal): Promise<FfmpegManifest> {
  const response = await fetch(`${BASE}/manifest.json`, { cache: "no-cache", signal });
  if (!response.ok) {
    throw new Error(`The video tools are not installed on this server (${BASE}/manifest.json: ${response.status}); run npm install.`);
  }
  return (await response.json()) as FfmpegManifest;
}

async function getWasm(manifest: FfmpegManifest, signal: AbortSignal, onFraction: (fraction: number) => void): Promise<Blob> {
  if (wasmBlob?.version === manifest.coreVersion) {
    onFraction(1);
    return wasmBlob.blob;
  }
  const cacheKey = `${BASE}/core/ffmpeg-core.wasm?v=${encodeURIComponent(manifest.coreVersion)}`;
  const cache = await openCache();
  const cached = await cache?.match(cacheKey).catch(() => undefined);
  let blob = cached ? await cached.blob() : null;
  if (blob) {
    onFraction(1);
  } else {
    blob = await download(`${BASE}/core/ffmpeg-core.wasm`, manifest.wasmBytes, signal, onFraction);
    await storeInCache(cache, cacheKey, blob);
  }
  wasmBlob = { version: manifest.coreVersion, blob };
  return blob;
}

async function download(url: string, expectedBytes: number, signal: AbortSignal, onFraction: (fraction: number) => void): Promise<Blob> {
  const response = await fetch(url, { signal });
  if (!response.ok || !response.body) throw new Error(`Could not download the video tools (${url}: ${response.status}).`);
  const total = Number(response.headers.get("content-length")) || expectedBytes;
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  onFraction(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onFraction(Math.min(1, received / total));
  }
  // application/wasm lets the worker compile while streaming instead of buffering first.
  return new Blob(chunks, { type: "application/wasm" });
}

async function openCache(): Promise<Cache | null> {
  // The Cache API exists only in secure contexts (https, localhost); elsewhere the HTTP cache serves.
  if (typeof caches === "undefined") return null;
  return caches.open(CACHE_NAME).catch(() => null);
}

async function storeInCache(cache: Cache | null, key: string, blob: Blob): Promise<void> {
  if (!cache) return;
  try {
    for (const request of await cache.keys()) {
      if (!request.url.endsWith(key)) await cache.delete(request);
    }
    await cache.put(key, new Response(blob, { headers: { "content-type": "application/wasm" } }));
  } catch {
    // A full quota only costs the next page load a download.
  }
}

function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
