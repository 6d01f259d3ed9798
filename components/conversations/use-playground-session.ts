"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";

import { useSessionShell } from "@/components/conversations/shell-context";
import { useToast } from "@/components/conversations/toast";
import type { Turn } from "@/lib/chat/conversation";
import type { SamplingParamsInput } from "@/lib/chat/schema";
import type { ToolsDraft } from "@/lib/chat/tools-draft";
import { createConversation, getConversation, saveConversation } from "@/lib/conversations/client/api";
import { Autosaver, type SaveStatus } from "@/lib/conversations/client/autosaver";
import { buildSessionData, sessionTitle, snapshotToTurns, withSavedVersions, type SessionState } from "@/lib/conversations/data";
import type { SnapshotData } from "@/lib/conversations/schema";
import { withSentRequests } from "@/lib/conversations/sent-requests";
import { queryKeys } from "@/lib/core/query-keys";
import type { MediaParamsDraft } from "@/lib/media/params";

/** What the playground puts back when a saved chat is opened. */
export interface RestoredSession {
  turns: Turn[];
  backendId: string | null;
  systemPrompt: string;
  reasoning: boolean;
  /** Only when the person had typed their own values; else the backend's preset applies. */
  params: SamplingParamsInput | null;
  mediaDraft: MediaParamsDraft | null;
  toolsDraft: ToolsDraft | null;
}

// Reading a saved chat back needs its schemas (zod): they load with the chat, not with the page.
const loadSessionReader = () => import("@/lib/conversations/read");

interface PlaygroundSessionInput extends SessionState {
  streaming: boolean;
  restore: (session: RestoredSession) => void;
}

/**
 * Opens the chat named in the URL and keeps it saved: the first turn creates it, later changes
 * are saved ~800 ms after they stop and at once when a reply starts or ends.
 */
export function usePlaygroundSession(input: PlaygroundSessionInput) {
  const shell = useSessionShell();
  const toast = useToast();
  const client = useQueryClient();
  const [openedId] = useState(() => shell?.conversationId ?? null);
  const [status, setStatus] = useState<{ status: SaveStatus; message?: string }>({ status: "idle" });
  const [ready, setReady] = useState(openedId === null);
  // An imported recording keeps where it came from through every later save.
  const [recording, setRecording] = useState<SnapshotData["recording"]>(undefined);
  const recordingRef = useRef(recording);
  const latest = useRef(input);
  const shellRef = useRef(shell);
  useEffect(() => {
    latest.current = input;
    shellRef.current = shell;
  });

  const loaded = useQuery({
    queryKey: queryKeys.conversation(openedId ?? ""),
    queryFn: async ({ signal }) => (await Promise.all([getConversation(openedId ?? "", signal), loadSessionReader()]))[0],
    enabled: openedId !== null,
    // Always read the saved copy fresh: a cached one could be older than what this tab saved.
    gcTime: 0,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: (count, error) => count < 2 && !("status" in error && error.status === 404),
  });

  // One saver per chat. After Clear the page is a new chat with a new saver; the one before only
  // finishes its last save, and of what it reports only the list refresh still concerns the page.
  const current = useRef<Autosaver | null>(null);
  const createSaver = (): Autosaver => {
    const isCurrent = (): boolean => current.current === saver;
    const saver: Autosaver = new Autosaver(
      { create: createConversation, save: saveConversation, get: getConversation },
      {
        status: (next, message) => isCurrent() && setStatus({ status: next, message }),
        created: (id) => isCurrent() && shellRef.current?.adopt(id),
        forked: (id, message) => {
          if (!isCurrent()) return;
          shellRef.current?.adopt(id);
          toast.show({ message, durationMs: 10_000 });
        },
        pull: (message) => {
          if (!isCurrent()) return;
          toast.show({ message, durationMs: 10_000 });
          shellRef.current?.reload();
        },
        notice: (message) => isCurrent() && toast.show({ message }),
        saved: () => void client.invalidateQueries({ queryKey: queryKeys.conversationLists }),
      },
      () => {
        const state = latest.current;
        return {
          title: sessionTitle(state.turns),
          backendId: state.backend?.id ?? null,
          data: { ...buildSessionData(state), ...(recordingRef.current ? { recording: recordingRef.current } : {}) },
          busy: state.streaming,
        };
      },
    );
    return saver;
  };
  const [saver, setSaver] = useState(createSaver);
  useEffect(() => {
    current.current = saver;
  }, [saver]);

  // Put the saved chat back once, then count what is shown as saved.
  const restored = useRef(false);
  useEffect(() => {
    if (!loaded.data || restored.current) return;
    restored.current = true;
    const saved = loaded.data;
    void loadSessionReader().then(({ readSessionData }) => {
      const data = readSessionData(saved.data);
      recordingRef.current = data?.recording;
      setRecording(data?.recording);
      if (!data) toast.show({ message: "This chat was saved by another version of the playground and cannot be shown.", tone: "error" });
      latest.current.restore({
        turns: data
          ? withSavedVersions(
              withSentRequests(snapshotToTurns(data.turns), data.playground?.requests ?? []),
              data.playground?.versions ?? [],
            )
          : [],
        backendId: data?.backend?.id ?? saved.backendId,
        systemPrompt: data?.systemPrompt ?? "",
        reasoning: data?.reasoning ?? false,
        params: data?.playground?.paramsEdited && data.params ? data.params : null,
        mediaDraft: data?.playground?.mediaDraft ?? null,
        toolsDraft: data?.playground?.tools ?? null,
      });
      setReady(true);
    });
  }, [loaded.data, toast]);

  // The restored state renders first; only then is it what "saved" means.
  const primed = useRef(false);
  const primedState = useRef<{ turns: readonly Turn[]; settingsKey: string; streaming: boolean } | null>(null);
  useEffect(() => {
    if (!ready || primed.current) return;
    primed.current = true;
    primedState.current = { turns: latest.current.turns, settingsKey: settingsKeyOf(latest.current), streaming: latest.current.streaming };
    saver.prime(loaded.data ? { id: loaded.data.id, revision: loaded.data.revision } : null);
    if (loaded.data) setStatus({ status: "saved" });
  }, [ready, loaded.data, saver]);

  useEffect(() => {
    if (!loaded.isError) return;
    toast.show({ message: `That saved chat could not be opened: ${loaded.error.message}`, tone: "error", durationMs: 10_000 });
    shellRef.current?.newChat();
  }, [loaded.isError, loaded.error, toast]);

  const { turns, streaming } = input;
  const settingsKey = settingsKeyOf(input);
  // What was just primed is saved already: comparing it again would only serialize a long chat twice more.
  const unchanged = (current: { turns?: readonly Turn[]; settingsKey?: string; streaming?: boolean }) => {
    const at = primedState.current;
    return (
      at !== null &&
      (current.turns ?? at.turns) === at.turns &&
      (current.settingsKey ?? at.settingsKey) === at.settingsKey &&
      (current.streaming ?? at.streaming) === at.streaming
    );
  };
  useEffect(() => {
    if (ready && primed.current && !unchanged({ turns, settingsKey })) saver.schedule();
  }, [ready, saver, turns, settingsKey]);

  // A reply starting or finishing is saved at once, so a reload or a crash never loses it.
  useEffect(() => {
    if (ready && primed.current && !unchanged({ streaming })) void saver.flush();
  }, [ready, saver, streaming]);

  useEffect(() => {
    const onHide = () => saver.flushOnExit();
    window.addEventListener("pagehide", onHide);
    return () => {
      window.removeEventListener("pagehide", onHide);
      // Switching chats unmounts this playground: what was not saved yet goes now.
      saver.flushOnExit();
    };
  }, [saver]);

  return {
    loading: openedId !== null && !ready,
    /** Room on the left for the saved-chats column, for the row under the header. */
    sidebarInset: shell?.sidebarColumn ? "xl:pl-64" : "",
    conversationId: shell?.conversationId ?? null,
    saveStatus: status.status,
    saveMessage: status.message,
    /** Where an imported recording came from; undefined for a chat made here. */
    recording,
    /** The session as a share or an export takes it. */
    snapshot: () => buildSessionData(latest.current),
    /** Call before the page empties: the saved chat keeps what it shows now; what follows is a new chat. */
    startNew: () => {
      const next = createSaver();
      current.current = next;
      void saver.finish();
      setSaver(next);
      setStatus({ status: "idle" });
      recordingRef.current = undefined;
      setRecording(undefined);
      shell?.adopt(null);
    },
  };
}

function settingsKeyOf({ backend, systemPrompt, reasoning, params, media, mediaDraft, toolsDraft }: PlaygroundSessionInput): string {
  return JSON.stringify([backend?.id, systemPrompt, reasoning, params, media, mediaDraft, toolsDraft]);
}
