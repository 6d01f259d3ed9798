import type { ReactNode } from "react";

import { AlertIcon } from "@/components/ui/icons";
import type { AssembledToolCall } from "@/lib/chat/tool-call-assembler";
import { formatArguments } from "@/lib/chat/tools";

interface ToolCallCardProps {
  call: AssembledToolCall;
  /** The result area: a field to answer with, or the result that was sent. */
  children?: ReactNode;
}

/** One call: the tool's name, its id, the arguments as formatted JSON (or exactly as they came when broken). */
export function ToolCallCard({ call, children }: ToolCallCardProps) {
  return (
    <div
      data-testid="tool-call-card"
      data-tool={call.name}
      className="overflow-hidden rounded-xl border border-line bg-white shadow-xs dark:bg-zinc-900/60"
    >
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 border-b border-line bg-zinc-50 px-3.5 py-2 dark:bg-zinc-900">
        <span className="inline-flex items-center rounded-md bg-brand-500/15 px-1.5 py-0.5 text-[11px] font-semibold tracking-wide text-brand-800 uppercase dark:text-brand-300">
          Tool call
        </span>
        <code className="font-mono text-sm font-semibold text-fg-strong">{call.name}</code>
        <code className="ml-auto truncate font-mono text-[11px] text-fg-muted" title="Call id">
          {call.id}
        </code>
      </div>
      {call.malformed && (
        <p
          data-testid="tool-call-malformed"
          className="flex gap-1.5 border-b border-amber-200 bg-amber-50 px-3.5 py-2 text-xs text-amber-800 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-300"
        >
          <AlertIcon className="mt-0.5 size-3.5 shrink-0" />
          {call.malformed} Shown exactly as it came.
        </p>
      )}
      <pre
        data-testid="tool-call-arguments"
        className="max-h-72 overflow-auto px-3.5 py-2.5 font-mono text-xs leading-relaxed text-zinc-800 dark:text-zinc-200"
      >
        {call.malformed ? call.arguments : formatArguments(call.arguments)}
      </pre>
      {children && <div className="border-t border-line px-3.5 py-2.5">{children}</div>}
    </div>
  );
}
