"use client";

import { useEffect, useRef, useState } from "react";

import { compactSelect } from "@/components/generation/field";
import { Button } from "@/components/ui/button";
import { AlertIcon, CheckIcon, SparkleIcon, SpinnerIcon, StopIcon, XIcon } from "@/components/ui/icons";
import { inputStyles } from "@/components/ui/styles";
import type { BackendSummary } from "@/lib/backends/types";
import { runChatTurn } from "@/lib/chat/client/stream";
import { buildUpsampleRequest, extractUpsampledPrompt } from "@/lib/generation/upsample";

interface PromptUpsamplerProps {
  prompt: string;
  chatBackends: BackendSummary[];
  /** Seconds of the clip asked for, put in the structured prompt. */
  durationS: number | null;
  onUse: (prompt: string) => void;
  onClose: () => void;
}

type Run = { phase: "idle" } | { phase: "streaming" } | { phase: "done" } | { phase: "error"; message: string };

/** Reasoners first: the Cosmos3 Reasoner is the documented upsampler, Reason2 the next best. */
function preferred(backends: BackendSummary[]): BackendSummary | undefined {
  const rank = (b: BackendSummary) => (b.family === "cosmos3-reasoner" ? 0 : b.family === "cosmos-reason2" ? 1 : 2);
  return [...backends].sort((a, b) => rank(a) - rank(b))[0];
}

/** Streams an upsampled prompt from a Reasoner into an editor; the person edits it, then uses it. */
export function PromptUpsampler({ prompt, chatBackends, durationS, onUse, onClose }: PromptUpsamplerProps) {
  const [backendId, setBackendId] = useState(() => preferred(chatBackends)?.id ?? "");
  const [text, setText] = useState("");
  const [run, setRun] = useState<Run>({ phase: "idle" });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  async function start() {
    controller.current?.abort();
    const next = new AbortController();
    controller.current = next;
    setText("");
    setRun({ phase: "streaming" });
    let streamed = "";
    const outcome = await runChatTurn({
      body: buildUpsampleRequest(backendId, prompt, durationS),
      signal: next.signal,
      onEvent: (event) => {
        if (event.type === "answer") setText((streamed += event.text));
        if (event.type === "done") setText(extractUpsampledPrompt(event.answer || streamed));
        if (event.type === "error") setRun({ phase: "error", message: event.message });
      },
    });
    if (outcome === "done") setRun({ phase: "done" });
    if (outcome === "stopped") setRun({ phase: "idle" });
  }

  const streaming = run.phase === "streaming";
  return (
    <div
      data-testid="upsampler"
      className="space-y-2 rounded-xl border border-brand-200 bg-brand-50/50 p-2.5 dark:border-brand-500/30 dark:bg-brand-500/5"
    >
      <div className="flex items-center gap-1.5">
        <select
          aria-label="Reasoner backend"
          data-testid="upsampler-backend"
          value={backendId}
          onChange={(e) => setBackendId(e.target.value)}
          disabled={streaming}
          className={`${compactSelect} min-w-0 flex-1 text-xs`}
        >
          {chatBackends.map((b) => (
            <option key={b.id} value={b.id}>
              {b.label}
            </option>
          ))}
        </select>
        {streaming ? (
          <Button size="sm" variant="secondary" data-testid="upsampler-stop" onClick={() => controller.current?.abort()}>
            <StopIcon className="size-3.5" /> Stop
          </Button>
        ) : (
          <Button
            size="sm"
            variant="primary"
            data-testid="upsampler-run"
            disabled={!backendId || !prompt.trim()}
            onClick={() => void start()}
          >
            <SparkleIcon className="size-3.5" /> {run.phase === "idle" ? "Upsample" : "Again"}
          </Button>
        )}
        <Button size="icon" variant="ghost" className="size-8" aria-label="Close the upsampler" onClick={onClose}>
          <XIcon className="size-3.5" />
        </Button>
      </div>
      {run.phase === "idle" && !text && (
        <p className="text-[11px] leading-snug text-fg-soft">
          {prompt.trim()
            ? "Expands the prompt into the structured scene description Cosmos3 is trained on (max 20000 tokens, temperature 0.7, top-p 0.8, top-k 20, presence 1.5, seed 3407)."
            : "Write a short prompt first."}
        </p>
      )}
      {(text || streaming) && (
        <textarea
          aria-label="Upsampled prompt"
          data-testid="upsampler-text"
          rows={6}
          value={text}
          readOnly={streaming}
          onChange={(e) => setText(e.target.value)}
          className={`${inputStyles} resize-y font-mono text-[11px] leading-4`}
        />
      )}
      {run.phase === "error" && (
        <p role="alert" className="flex gap-1.5 text-xs text-red-700 dark:text-red-300">
          <AlertIcon className="mt-px size-3.5 shrink-0" /> {run.message}
        </p>
      )}
      <div className="flex items-center gap-1.5">
        {streaming && (
          <span className="inline-flex items-center gap-1 text-[11px] text-zinc-500">
            <SpinnerIcon className="size-3" /> streaming…
          </span>
        )}
        {run.phase === "done" && text.trim() && (
          <Button size="sm" variant="primary" data-testid="upsampler-use" className="ml-auto" onClick={() => onUse(text.trim())}>
            <CheckIcon className="size-3.5" /> Use as prompt
          </Button>
        )}
      </div>
    </div>
  );
}
