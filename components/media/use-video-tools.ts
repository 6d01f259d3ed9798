"use client";

import { useCallback, useMemo, useRef, useState } from "react";

// ffmpeg.wasm is loaded once per page, the first time a video needs it, with a progress bar that
// every waiting attachment shares. Cancelling the load fails the attachments that wait for it.

export interface VideoToolsState {
  status: "idle" | "loading" | "ready";
  fraction: number;
  phase: "download" | "init";
  /** Size of the wasm download, for "12 MB / 32 MB"; null until known. */
  totalBytes: number | null;
}

const IDLE: VideoToolsState = { status: "idle", fraction: 0, phase: "download", totalBytes: null };

async function downloadSize(): Promise<number | null> {
  try {
    const response = await fetch("/ffmpeg/manifest.json");
    const manifest = (await response.json()) as { wasmBytes?: unknown };
    return typeof manifest.wasmBytes === "number" ? manifest.wasmBytes : null;
  } catch {
    return null;
  }
}

/** Rejects when the signal fires, without stopping the shared work it waits for. */
function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DOMException("Cancelled.", "AbortError"));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

export function useVideoTools() {
  const [state, setState] = useState<VideoToolsState>(IDLE);
  const loading = useRef<{ promise: Promise<void>; controller: AbortController } | null>(null);

  const ensure = useCallback((signal?: AbortSignal): Promise<void> => {
    if (!loading.current) {
      const controller = new AbortController();
      setState({ ...IDLE, status: "loading" });
      void downloadSize().then((totalBytes) => setState((s) => (s.status === "loading" ? { ...s, totalBytes } : s)));
      const promise = import("@/lib/media/client/ffmpeg-loader")
        .then(({ loadFfmpeg }) =>
          loadFfmpeg({
            signal: controller.signal,
            onProgress: (fraction, phase) => setState((s) => ({ ...s, status: "loading", fraction, phase })),
          }),
        )
        .then(
          () => setState((s) => ({ ...s, status: "ready", fraction: 1 })),
          (error: unknown) => {
            loading.current = null;
            setState(IDLE);
            throw controller.signal.aborted ? new DOMException("Loading the video tools was cancelled.", "AbortError") : error;
          },
        );
      loading.current = { promise, controller };
    }
    return untilAborted(loading.current.promise, signal);
  }, []);

  const cancel = useCallback(() => loading.current?.controller.abort(), []);

  return useMemo(() => ({ state, ensure, cancel }), [state, ensure, cancel]);
}
