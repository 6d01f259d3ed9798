"use client";

import { useCallback, useEffect, useRef, useState } from "react";

import {
  extractVideoFrame,
  prepareImage,
  prepareVideo,
  sniffFile,
  uploadName,
  type StepHooks,
} from "@/components/media/attachment-pipeline";
import { useVideoTools } from "@/components/media/use-video-tools";
import { NO_PREPARE } from "@/lib/media/attachments";
import { isAbortError, uploadMedia } from "@/lib/media/client/upload";
import { mediaUrl } from "@/lib/media/media-url";
import { ACCEPTED_TYPES_SENTENCE, type MediaKind } from "@/lib/media/sniff";

// The one image or video an image/video-to-world job starts from: a file put through the chat's
// upload pipeline (probe, convert what the NIM cannot take, upload), media already on the server
// (a chat attachment or a generated clip), or a frame of a video taken with ffmpeg.wasm.

export interface StoredMedia {
  mediaId: string;
  kind: MediaKind;
  name: string;
  width?: number;
  height?: number;
  durationS?: number;
  fps?: number;
}

export type InputMedia =
  | { phase: "working"; kind: MediaKind | null; name: string; step: string; progress: number | null; previewUrl: string | null }
  | { phase: "ready"; media: StoredMedia; previewUrl: string }
  | { phase: "error"; name: string; message: string };

const messageOf = (error: unknown) => (error instanceof Error && error.message ? error.message : "Something went wrong with this file.");

export function useInputMedia() {
  const [input, setInput] = useState<InputMedia | null>(null);
  const tools = useVideoTools();
  const controller = useRef<AbortController | null>(null);
  // The file as picked, kept for frame extraction; stored media are fetched when a frame is asked for.
  const source = useRef<Blob | null>(null);
  const objectUrl = useRef<string | null>(null);

  const setPreview = (url: string | null) => {
    if (objectUrl.current) URL.revokeObjectURL(objectUrl.current);
    objectUrl.current = url;
  };

  useEffect(
    () => () => {
      controller.current?.abort();
      if (objectUrl.current) URL.revokeObjectURL(objectUrl.current);
    },
    [],
  );

  const begin = () => {
    controller.current?.abort();
    const next = new AbortController();
    controller.current = next;
    return next.signal;
  };

  const addFile = useCallback(
    async (file: File) => {
      const signal = begin();
      const name = file.name || "pasted file";
      try {
        const type = await sniffFile(file);
        if (!type) throw new Error(`'${name}' is not an image or video the playground takes: it accepts ${ACCEPTED_TYPES_SENTENCE}.`);
        const previewUrl = URL.createObjectURL(file);
        setPreview(previewUrl);
        source.current = type.kind === "video" ? file : null;
        const facts: Partial<StoredMedia> = {};
        const show = (step: string, progress: number | null) =>
          !signal.aborted && setInput({ phase: "working", kind: type.kind, name, step, progress, previewUrl });
        const hooks: StepHooks = {
          signal,
          onPhase: (phase, progress) => show(phase === "probing" ? "Reading" : "Converting", progress ?? null),
          onProgress: (fraction) => show("Working", fraction),
          onFacts: (f) => Object.assign(facts, f),
          onSourceFacts: (f) => Object.assign(facts, f),
          onNote: () => undefined,
          ensureVideoTools: () => tools.ensure(signal),
        };
        show("Reading", null);
        const blob =
          type.kind === "image"
            ? await prepareImage(file, type.format, { maxBytes: null, maxEdge: null }, hooks)
            : await prepareVideo(file, type.format, NO_PREPARE, hooks);
        show("Uploading", 0);
        const media = await uploadMedia(blob, uploadName(name, blob), { signal, onProgress: (f) => show("Uploading", f) });
        if (signal.aborted) return;
        const { id, kind, width, height, durationS, fps } = media;
        setInput({ phase: "ready", previewUrl, media: { ...facts, mediaId: id, kind, name, width, height, durationS, fps } });
      } catch (error) {
        if (signal.aborted || isAbortError(error)) return;
        setInput({ phase: "error", name, message: messageOf(error) });
      }
    },
    [tools],
  );

  /** Media the server already has: nothing to upload. */
  const pickStored = useCallback((media: StoredMedia) => {
    begin();
    setPreview(null);
    source.current = null;
    setInput({ phase: "ready", media, previewUrl: mediaUrl(media.mediaId) });
  }, []);

  /** Replaces a ready video with its frame at `atS`, uploaded as a PNG. */
  const takeFrame = useCallback(
    async (atS: number) => {
      if (input?.phase !== "ready" || input.media.kind !== "video") return;
      const { media, previewUrl } = input;
      const signal = begin();
      setInput({ phase: "working", kind: "image", name: media.name, step: "Extracting frame", progress: null, previewUrl: null });
      try {
        const blob = source.current ?? (await (await fetch(previewUrl, { signal })).blob());
        const frame = await extractVideoFrame(blob, media.name, atS, { signal, ensureVideoTools: () => tools.ensure(signal) });
        if (!signal.aborted) await addFile(frame);
      } catch (error) {
        if (signal.aborted || isAbortError(error)) return;
        setInput({ phase: "error", name: media.name, message: `Could not extract a frame: ${messageOf(error)}` });
      }
    },
    [addFile, input, tools],
  );

  const clear = useCallback(() => {
    begin();
    setPreview(null);
    source.current = null;
    setInput(null);
  }, []);

  return { input, addFile, pickStored, takeFrame, clear, videoTools: tools };
}
