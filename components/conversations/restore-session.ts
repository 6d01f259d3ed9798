import type { RestoredSession } from "@/components/conversations/use-playground-session";
import { NUMERIC_PARAMS, type NumericParam } from "@/lib/chat/params";
import type { ToolsDraft } from "@/lib/chat/tools-draft";
import type { MediaParamsDraft } from "@/lib/media/params";

interface RestoreTarget {
  append: (turns: RestoredSession["turns"]) => void;
  setChosenId: (id: string) => void;
  setSystemPrompt: (prompt: string) => void;
  setReasoningWanted: (on: boolean) => void;
  params: { edit: (key: NumericParam, value: string) => void; setStop: (stop: string[]) => void };
  setMediaDraft: (draft: MediaParamsDraft) => void;
  setToolsDraft: (draft: ToolsDraft) => void;
}

/** Puts a saved chat back into a fresh playground: turns, backend and every setting. */
export function applyRestoredSession(saved: RestoredSession, target: RestoreTarget): void {
  target.append(saved.turns);
  if (saved.backendId) target.setChosenId(saved.backendId);
  target.setSystemPrompt(saved.systemPrompt);
  target.setReasoningWanted(saved.reasoning);
  if (saved.params) {
    // Typed-in values come back as edits, so a backend's preset does not replace them.
    for (const key of NUMERIC_PARAMS) {
      const value = saved.params[key];
      if (value !== undefined) target.params.edit(key, String(value));
    }
    target.params.setStop(saved.params.stop ?? []);
  }
  if (saved.mediaDraft) target.setMediaDraft(saved.mediaDraft);
  if (saved.toolsDraft) target.setToolsDraft(saved.toolsDraft);
}
