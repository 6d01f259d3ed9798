"use client";

import { useState } from "react";

import { useToolAnswer, type ToolAnswerContextValue } from "@/components/tools/tool-answer-context";
import { ToolCallCard } from "@/components/tools/tool-call-card";
import { Button } from "@/components/ui/button";
import { ArrowUpIcon } from "@/components/ui/icons";
import { inputStyles } from "@/components/ui/styles";
import type { AssistantTurn } from "@/lib/chat/conversation";

/** The calls of a reply, each answered with the result that was sent, or, on the last reply, a field to answer it. */
export function ToolCalls({ turn }: { turn: AssistantTurn }) {
  const answer = useToolAnswer();
  const calls = turn.toolCalls ?? [];
  if (calls.length === 0) return null;
  const results = new Map((turn.toolResults ?? []).map((result) => [result.callId, result.content]));
  const answerable = answer !== null && answer.lastTurnId === turn.id && turn.state === "done" && results.size === 0;
  if (answerable) return <ToolAnswerForm turn={turn} answer={answer} />;
  return (
    <div className="flex flex-col gap-2.5" aria-label="Tool calls">
      {calls.map((call) => (
        <ToolCallCard key={call.index} call={call}>
          {results.has(call.id) ? (
            <SentResult content={results.get(call.id) ?? ""} />
          ) : turn.state === "done" ? (
            <p className="text-xs text-fg-muted">Not answered.</p>
          ) : null}
        </ToolCallCard>
      ))}
    </div>
  );
}

function SentResult({ content }: { content: string }) {
  return (
    <div data-testid="tool-result" className="space-y-1">
      <p className="text-[11px] font-semibold tracking-wide text-fg-muted uppercase">Result</p>
      <pre className="max-h-48 overflow-auto font-mono text-xs whitespace-pre-wrap text-zinc-800 dark:text-zinc-200">
        {content || "(empty)"}
      </pre>
    </div>
  );
}

function ToolAnswerForm({ turn, answer }: { turn: AssistantTurn; answer: ToolAnswerContextValue }) {
  const calls = turn.toolCalls ?? [];
  const [values, setValues] = useState<Record<string, string>>({});
  const missing = calls.filter((call) => (values[call.id] ?? "").trim() === "").length;
  const blocked =
    answer.blockedReason ??
    (missing > 0
      ? `Enter a result for ${missing === calls.length && calls.length > 1 ? "each call" : missing === 1 ? "the call" : `${missing} calls`} to continue.`
      : null);

  function submit() {
    if (blocked) return;
    for (const call of calls) answer.saveCanned(call.name, values[call.id] ?? "");
    answer.send(
      turn.id,
      calls.map((call) => ({ callId: call.id, content: values[call.id] ?? "" })),
    );
  }

  return (
    <form
      className="flex flex-col gap-2.5"
      aria-label="Answer the tool calls"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {calls.map((call, position) => {
        const canned = answer.canned[call.name] ?? [];
        const fieldId = `tool-result-${turn.id}-${call.index}`;
        return (
          <ToolCallCard key={call.index} call={call}>
            <div className="space-y-1.5">
              <div className="flex items-center justify-between gap-2">
                <label htmlFor={fieldId} className="text-xs font-medium text-fg-body">
                  Result of {call.name}
                </label>
                {canned.length > 0 && (
                  <select
                    aria-label={`Saved results for ${call.name}`}
                    className="max-w-48 truncate rounded-md border border-line-strong bg-surface px-1.5 py-0.5 text-xs"
                    value=""
                    onChange={(event) => setValues((current) => ({ ...current, [call.id]: event.target.value }))}
                  >
                    <option value="" disabled>
                      Saved results…
                    </option>
                    {canned.map((text) => (
                      <option key={text} value={text}>
                        {text.length > 60 ? `${text.slice(0, 59)}…` : text}
                      </option>
                    ))}
                  </select>
                )}
              </div>
              <textarea
                id={fieldId}
                data-testid="tool-result-input"
                autoFocus={position === 0}
                value={values[call.id] ?? ""}
                onChange={(event) => setValues((current) => ({ ...current, [call.id]: event.target.value }))}
                onKeyDown={(event) => {
                  if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
                    event.preventDefault();
                    submit();
                  }
                }}
                rows={2}
                placeholder='What the tool returned, e.g. {"position_m": [0.42, -0.13, 0.9], "yaw_deg": 12}'
                className={`${inputStyles} resize-y font-mono text-xs [field-sizing:content] max-h-60`}
              />
            </div>
          </ToolCallCard>
        );
      })}
      <div className="flex flex-wrap items-center justify-end gap-3">
        {blocked && <p className="text-xs text-fg-muted">{blocked}</p>}
        <Button type="submit" variant="primary" data-testid="send-tool-results" disabled={blocked !== null}>
          <ArrowUpIcon className="size-4" />
          Send {calls.length > 1 ? "results" : "result"}
        </Button>
      </div>
    </form>
  );
}
