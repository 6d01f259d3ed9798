"use client";

import { useCallback, useEffect, useReducer, useRef, useState } from "react";

import type { StepHooks } from "@/components/media/attachment-pipeline";
import { useVideoTools } from "@/components/media/use-video-tools";
import type { Family } from "@/lib/backends/families";
import {
  admitAttachments,
  attachmentsReducer,
  createAttachmentId,
  newFileAttachment,
  newUrlAttachment,
  NO_PREPARE,
  toTurnMedia,
  type Attachment,
  type PrepareOptions,
  type TurnMedia,
} from "@/lib/media/attachments";
import { isAbortError, uploadMedia } from "@/lib/media/client/upload";
import { ACCEPTED_TYPES_SENTENCE, type MediaFormat, type MediaKind } from "@/lib/media/sniff";

// Sniffing, probing and converting files (MP4/WebM parsers, canvas resizing) load with the first file.
const loadPipeline = () => import("@/components/media/attachment-pipeline");

interface FileEntry {
  kind: MediaKind;
  original: File;
  format: MediaFormat;
  controller: AbortController | null;
  /** A copy of an image with numbered marks drawn on it: sent instead of the original, which is kept. */
  marked?: { file: File; originalUrl: string | null; originalName: string };
}

interface UseAttachmentsOptions {
  family: Family;
  /** The backend's cap on inline images, or null. */
  maxInlineImageBytes: number | null;
}

const messageOf = (error: unknown) =>
  error instanceof Error && error.message ? error.message : "Something went wrong while preparing this file.";

/** The attachments of the message being written and the browser work on each of them. */
export function useAttachments({ family, maxInlineImageBytes }: UseAttachmentsOptions) {
  const [items, dispatch] = useReducer(attachmentsReducer, []);
  const [notice, setNotice] = useState<string | null>(null);
  const { state: videoToolsState, ensure: ensureVideoTools, cancel: cancelVideoTools } = useVideoTools();
  const files = useRef(new Map<string, FileEntry>());
  const latest = useRef({ items, family, maxInlineImageBytes });
  useEffect(() => {
    latest.current = { items, family, maxInlineImageBytes };
  }, [items, family, maxInlineImageBytes]);

  // Leaving the page stops every conversion and upload and frees the previews.
  useEffect(() => {
    const entries = files.current;
    const state = latest;
    return () => {
      for (const entry of entries.values()) entry.controller?.abort();
      for (const attachment of state.current.items) if (attachment.previewUrl) URL.revokeObjectURL(attachment.previewUrl);
    };
  }, []);

  const run = useCallback(
    async (id: string, options: { prepare?: PrepareOptions; maxEdge?: number } = {}) => {
      const entry = files.current.get(id);
      if (!entry) return;
      entry.controller?.abort();
      const controller = new AbortController();
      entry.controller = controller;
      const { signal } = controller;
      const live =
        <A extends unknown[]>(fn: (...args: A) => void) =>
        (...args: A) => {
          if (!signal.aborted) fn(...args);
        };
      const hooks: StepHooks = {
        signal,
        onPhase: live((phase, progress) => dispatch({ type: "phase", id, phase, progress })),
        onProgress: live((progress) => dispatch({ type: "progress", id, progress })),
        onFacts: live((facts) => dispatch({ type: "facts", id, facts })),
        onSourceFacts: live((facts) => dispatch({ type: "source", id, facts })),
        onNote: live((note) => dispatch({ type: "note", id, note })),
        ensureVideoTools: () => ensureVideoTools(signal),
      };
      try {
        dispatch({ type: "note", id, note: null });
        const prepare = options.prepare ?? latest.current.items.find((a) => a.id === id)?.prepare ?? NO_PREPARE;
        const { prepareImage, prepareVideo, uploadName } = await loadPipeline();
        const sent = entry.marked?.file ?? entry.original;
        const blob =
          entry.kind === "image"
            ? await prepareImage(
                sent,
                entry.marked ? "png" : entry.format,
                { maxBytes: latest.current.maxInlineImageBytes, maxEdge: options.maxEdge ?? null },
                hooks,
              )
            : await prepareVideo(entry.original, entry.format, prepare, hooks);
        dispatch({ type: "phase", id, phase: "uploading", progress: 0 });
        const media = await uploadMedia(blob, uploadName(sent.name, blob), { signal, onProgress: hooks.onProgress });
        if (!signal.aborted) dispatch({ type: "uploaded", id, media });
      } catch (error) {
        if (entry.controller !== controller || !files.current.has(id)) return;
        const cancelled = signal.aborted || isAbortError(error);
        dispatch({ type: "failed", id, message: cancelled ? "Cancelled. Retry, or remove it." : messageOf(error) });
      } finally {
        if (entry.controller === controller) entry.controller = null;
      }
    },
    [ensureVideoTools],
  );

  const addFiles = useCallback(
    async (picked: readonly File[]) => {
      if (picked.length === 0) return;
      const { sniffFile } = await loadPipeline();
      const types = await Promise.all(picked.map((file) => sniffFile(file).catch(() => null)));
      const unsupported = picked.filter((_, i) => types[i] === null).map((file) => `'${file.name}'`);
      const candidates = picked.flatMap((file, i) => {
        const type = types[i];
        return type ? [{ file, type }] : [];
      });
      const { admitted, refusal } = admitAttachments(
        latest.current.family,
        latest.current.items,
        candidates.map((c) => c.type.kind),
      );
      const sentences = [
        unsupported.length > 0
          ? `${unsupported.join(", ")} ${unsupported.length === 1 ? "is not an image or video" : "are not images or videos"} the playground takes: it accepts ${ACCEPTED_TYPES_SENTENCE}.`
          : null,
        refusal,
      ].filter((s): s is string => s !== null);
      setNotice(sentences.length > 0 ? sentences.join(" ") : null);
      candidates.forEach(({ file, type }, i) => {
        if (!admitted[i]) return;
        const id = createAttachmentId();
        files.current.set(id, { kind: type.kind, original: file, format: type.format, controller: null });
        dispatch({ type: "add", attachment: newFileAttachment(id, type.kind, file.name || `pasted.${type.format}`) });
        dispatch({ type: "preview", id, previewUrl: URL.createObjectURL(file) });
        void run(id);
      });
    },
    [run],
  );

  const addUrl = useCallback((url: string, kind: MediaKind): boolean => {
    const { admitted, refusal } = admitAttachments(latest.current.family, latest.current.items, [kind]);
    setNotice(refusal);
    if (admitted[0]) dispatch({ type: "add", attachment: newUrlAttachment(createAttachmentId(), kind, url) });
    return admitted[0] === true;
  }, []);

  const forget = useCallback((id: string) => {
    const entry = files.current.get(id);
    entry?.controller?.abort();
    if (entry?.marked?.originalUrl) URL.revokeObjectURL(entry.marked.originalUrl);
    files.current.delete(id);
  }, []);

  /** Sends a copy with numbered marks in place of an image; the original stays, to draw on again. */
  const markSubjects = useCallback(
    (id: string, file: File, count: number) => {
      const entry = files.current.get(id);
      const attachment = latest.current.items.find((a) => a.id === id);
      if (!entry || entry.kind !== "image" || !attachment) return;
      const originalUrl = entry.marked ? entry.marked.originalUrl : attachment.previewUrl;
      const originalName = entry.marked ? entry.marked.originalName : attachment.name;
      if (entry.marked && attachment.previewUrl) URL.revokeObjectURL(attachment.previewUrl);
      entry.marked = { file, originalUrl, originalName };
      dispatch({ type: "preview", id, previewUrl: URL.createObjectURL(file) });
      // The copy goes by its own name in the chat, downloads and exports, so no one takes it for the original.
      dispatch({ type: "rename", id, name: file.name });
      const note = `${count} numbered ${count === 1 ? "mark" : "marks"} drawn on a copy, which is sent; the original is kept.`;
      void run(id).then(() => {
        if (files.current.get(id)?.marked?.file === file) dispatch({ type: "note", id, note });
      });
    },
    [run],
  );

  /** The image as picked, before any marks: what the drawing dialog draws on. */
  const originalPreview = useCallback(
    (attachment: Attachment): string | null => files.current.get(attachment.id)?.marked?.originalUrl ?? attachment.previewUrl,
    [],
  );
  const originalName = useCallback(
    (attachment: Attachment): string => files.current.get(attachment.id)?.marked?.originalName ?? attachment.name,
    [],
  );

  const remove = useCallback(
    (id: string) => {
      const attachment = latest.current.items.find((a) => a.id === id);
      if (attachment?.previewUrl) URL.revokeObjectURL(attachment.previewUrl);
      forget(id);
      dispatch({ type: "remove", id });
    },
    [forget],
  );

  const cancel = useCallback((id: string) => files.current.get(id)?.controller?.abort(), []);
  const retry = useCallback((id: string) => void run(id), [run]);

  const applyPrepare = useCallback(
    (id: string, prepare: PrepareOptions) => {
      dispatch({ type: "prepare", id, prepare });
      void run(id, { prepare });
    },
    [run],
  );

  /** The token advice: a smaller copy of an image, or a video converted again at a lower height. */
  const downscale = useCallback(
    (id: string, size: { width: number; height: number }) => {
      const attachment = latest.current.items.find((a) => a.id === id);
      if (!attachment) return;
      if (attachment.kind === "image") void run(id, { maxEdge: Math.max(size.width, size.height) });
      else applyPrepare(id, { ...attachment.prepare, maxHeight: size.height });
    },
    [run, applyPrepare],
  );

  const extractFrame = useCallback(
    async (id: string, atS: number) => {
      const entry = files.current.get(id);
      if (!entry) return;
      try {
        const signal = new AbortController().signal;
        const { extractVideoFrame } = await loadPipeline();
        await addFiles([
          await extractVideoFrame(entry.original, entry.original.name, atS, { signal, ensureVideoTools: () => ensureVideoTools(signal) }),
        ]);
      } catch (error) {
        setNotice(`Could not extract a frame: ${messageOf(error)}`);
      }
    },
    [addFiles, ensureVideoTools],
  );

  /** Hands the ready attachments to a sent turn and empties the composer; null while any is not ready. */
  const takeForSend = useCallback((): TurnMedia[] | null => {
    const media = toTurnMedia(latest.current.items);
    if (media === null) return null;
    for (const attachment of latest.current.items) {
      if (attachment.previewUrl) URL.revokeObjectURL(attachment.previewUrl);
      forget(attachment.id);
    }
    dispatch({ type: "clear" });
    setNotice(null);
    return media;
  }, [forget]);

  return {
    items,
    notice,
    dismissNotice: useCallback(() => setNotice(null), []),
    videoTools: videoToolsState,
    cancelVideoTools,
    addFiles,
    addUrl,
    remove,
    cancel,
    retry,
    applyPrepare,
    downscale,
    extractFrame,
    markSubjects,
    originalPreview,
    originalName,
    takeForSend,
  };
}

export type AttachmentsController = ReturnType<typeof useAttachments>;
export type { Attachment };
