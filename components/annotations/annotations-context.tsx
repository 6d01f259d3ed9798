"use client";

import { createContext, use, useCallback, useMemo, useSyncExternalStore, type ReactNode } from "react";

import { coordinateConvention, type CoordinateConvention, type Point } from "@/lib/annotations/coordinates";
import type { Family } from "@/lib/backends/families";
import type { BackendSummary } from "@/lib/backends/types";
import type { AssistantTurn, Turn } from "@/lib/chat/conversation";

/** The reference paths people keep, per image (media id or URL); outlives the dialogs that draw them. */
class ReferenceStore {
  private paths = new Map<string, readonly Point[]>();
  private listeners = new Set<() => void>();

  get = (key: string): readonly Point[] => this.paths.get(key) ?? NO_POINTS;

  set(key: string, points: readonly Point[]): void {
    if (points.length === 0) this.paths.delete(key);
    else this.paths.set(key, points);
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

const NO_POINTS: readonly Point[] = [];

interface AnnotationsValue {
  turns: readonly Turn[];
  /** The family a reply came from: as sent when the turn kept it, else its backend's today. */
  familyOf: (turn: AssistantTurn) => Family;
  /** How a reply's points and boxes are read: its backend's setting, else its family's convention. */
  conventionOf: (turn: AssistantTurn) => CoordinateConvention;
  /** Null where there is no composer (a shared, read-only session). */
  insertIntoPrompt: ((text: string) => void) | null;
  references: ReferenceStore;
  /** The inline videos of user turns, by `${userTurnId}:${index}`, so answers can seek them. */
  videos: VideoRegistry;
}

const fallback: AnnotationsValue = {
  turns: [],
  familyOf: () => "generic",
  conventionOf: () => "normalized-1000",
  insertIntoPrompt: null,
  references: new ReferenceStore(),
  videos: new Map(),
};

/** A turn's video can be on screen twice (the conversation and presentation mode): the latest shown wins. */
type VideoRegistry = Map<string, HTMLVideoElement[]>;

export function registerVideo(videos: VideoRegistry, key: string, video: HTMLVideoElement): () => void {
  videos.set(key, [...(videos.get(key) ?? []), video]);
  return () => {
    const rest = (videos.get(key) ?? []).filter((v) => v !== video);
    if (rest.length > 0) videos.set(key, rest);
    else videos.delete(key);
  };
}

export function findVideo(videos: VideoRegistry, key: string): HTMLVideoElement | null {
  return (videos.get(key) ?? []).findLast((v) => v.isConnected) ?? null;
}

const AnnotationsContext = createContext<AnnotationsValue>(fallback);

interface AnnotationsProviderProps {
  turns: readonly Turn[];
  backends: readonly BackendSummary[];
  onInsertPrompt?: (text: string) => void;
  children: ReactNode;
}

export function AnnotationsProvider({ turns, backends, onInsertPrompt, children }: AnnotationsProviderProps) {
  const stable = useMemo(() => ({ references: new ReferenceStore(), videos: new Map<string, HTMLVideoElement[]>() }), []);
  const value = useMemo<AnnotationsValue>(() => {
    const byId = new Map(backends.map((b) => [b.id, b] as const));
    const familyOf = (turn: AssistantTurn): Family => turn.request?.family ?? byId.get(turn.backendId)?.family ?? "generic";
    const conventionOf = (turn: AssistantTurn) =>
      byId.get(turn.backendId)?.capabilities.coordinates ?? coordinateConvention(familyOf(turn));
    return { ...stable, turns, familyOf, conventionOf, insertIntoPrompt: onInsertPrompt ?? null };
  }, [stable, turns, backends, onInsertPrompt]);
  return <AnnotationsContext value={value}>{children}</AnnotationsContext>;
}

export function useAnnotations(): AnnotationsValue {
  return use(AnnotationsContext);
}

export function useReference(key: string | null): readonly Point[] {
  const { references } = useAnnotations();
  return useSyncExternalStore(
    references.subscribe,
    () => (key ? references.get(key) : NO_POINTS),
    () => NO_POINTS,
  );
}

export const videoKey = (userTurnId: string, index: number): string => `${userTurnId}:${index}`;

/** Seeks an inline video and plays it from there, bringing it into view. */
export async function seekVideo(video: HTMLVideoElement, seconds: number): Promise<"playing" | "paused"> {
  video.currentTime = seconds;
  video.scrollIntoView({ block: "nearest", behavior: "smooth" });
  try {
    await video.play();
    return "playing";
  } catch {
    // Refused for a video the browser cannot decode, or by autoplay rules: the seek stands.
    return "paused";
  }
}

/** Appends text to the message being written (after a space) and puts the cursor back in it. */
export function usePromptInsert(setDraft: (update: (draft: string) => string) => void, inputRef: { current: HTMLTextAreaElement | null }) {
  return useCallback(
    (text: string) => {
      setDraft((draft) => (draft.trim() === "" ? text : `${draft.trimEnd()} ${text}`));
      requestAnimationFrame(() => {
        const input = inputRef.current;
        if (!input) return;
        input.focus();
        input.setSelectionRange(input.value.length, input.value.length);
      });
    },
    [setDraft, inputRef],
  );
}
