"use client";

import { useCallback, useEffect, useRef } from "react";

import { useStoredState } from "@/components/generation/use-stored-state";
import type { CriticVerdict } from "@/lib/annotations/critic";
import type { BackendSummary } from "@/lib/backends/types";
import { runChatTurn } from "@/lib/chat/client/stream";
import { buildCritiqueRequest, critiqueVerdict } from "@/lib/generation/critique";
import type { GenerationJobView } from "@/lib/generation/schema";

// One critique per generated video, streamed from POST /api/chat. Finished critiques are kept in
// this browser (the jobs are on the server, the verdicts are not), so a reload keeps the badges.

export interface Critique {
  status: "running" | "done" | "error";
  backendId: string;
  backendLabel: string;
  reasoning: string;
  answer: string;
  verdict: CriticVerdict | null;
  error?: string;
}

export type Critiques = Record<string, Critique>;

const STORAGE_KEY = "nim-playground.generate.critiques";
const KEEP = 200;

/** Only finished critiques come back: a running one cannot be resumed after a reload. */
function readStored(stored: unknown): Critiques {
  if (typeof stored !== "object" || stored === null) return {};
  const entries = Object.entries(stored as Record<string, Partial<Critique>>).filter(
    ([, c]) => c && c.status === "done" && typeof c.answer === "string" && typeof c.backendLabel === "string",
  );
  return Object.fromEntries(entries.slice(-KEEP)) as Critiques;
}

const capped = (all: Critiques): Critiques => Object.fromEntries(Object.entries(all).slice(-KEEP));

export function useCritiques() {
  const [critiques, setCritiques, loaded] = useStoredState<Critiques>(STORAGE_KEY, {}, readStored);
  const controllers = useRef(new Map<string, AbortController>());

  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const controller of running.values()) controller.abort();
    };
  }, []);

  const update = useCallback(
    (jobId: string, change: (c: Critique) => Critique) =>
      setCritiques((all) => {
        const current = all[jobId];
        return current ? { ...all, [jobId]: change(current) } : all;
      }),
    [setCritiques],
  );

  const start = useCallback(
    async (job: GenerationJobView, backend: BackendSummary) => {
      if (!job.result || job.result.kind !== "video") return;
      controllers.current.get(job.id)?.abort();
      const controller = new AbortController();
      controllers.current.set(job.id, controller);
      setCritiques((all) => ({
        ...capped(all),
        [job.id]: { status: "running", backendId: backend.id, backendLabel: backend.label, reasoning: "", answer: "", verdict: null },
      }));
      await runChatTurn({
        body: buildCritiqueRequest(backend, job.result.mediaId, job.request.fps),
        signal: controller.signal,
        onEvent: (event) => {
          if (event.type === "reasoning") update(job.id, (c) => ({ ...c, reasoning: c.reasoning + event.text }));
          else if (event.type === "answer") update(job.id, (c) => ({ ...c, answer: c.answer + event.text }));
          else if (event.type === "done") {
            update(job.id, (c) => ({
              ...c,
              status: "done",
              reasoning: event.reasoning,
              answer: event.answer,
              verdict: critiqueVerdict(event.answer, backend.family),
            }));
          } else if (event.type === "error") update(job.id, (c) => ({ ...c, status: "error", error: event.message }));
        },
      });
      if (controllers.current.get(job.id) === controller) controllers.current.delete(job.id);
    },
    [setCritiques, update],
  );

  const stop = useCallback(
    (jobId: string) => {
      controllers.current.get(jobId)?.abort();
      controllers.current.delete(jobId);
      setCritiques((all) => Object.fromEntries(Object.entries(all).filter(([id]) => id !== jobId)));
    },
    [setCritiques],
  );

  return { critiques, loaded, start, stop };
}
