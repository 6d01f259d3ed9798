"use client";

import { isValidElement, useRef, type ComponentProps } from "react";

import { CheckIcon, CopyIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";
import { useCopy } from "@/components/ui/use-copy";

function languageOf(children: ComponentProps<"pre">["children"]): string | null {
  if (!isValidElement<{ className?: string }>(children)) return null;
  return /language-([\w+-]+)/.exec(children.props.className ?? "")?.[1] ?? null;
}

/** A fenced code block from a model answer: language label, copy button, horizontal scroll. */
export function CodeBlock({ children }: ComponentProps<"pre">) {
  const codeRef = useRef<HTMLPreElement>(null);
  const [copied, copy] = useCopy();
  const language = languageOf(children);
  return (
    <div className="group my-3 overflow-hidden rounded-xl border border-line bg-zinc-50 dark:bg-zinc-900/70">
      <div className="flex items-center justify-between border-b border-line px-3 py-1">
        <span className="font-mono text-[11px] text-fg-muted">{language ?? "text"}</span>
        <button
          type="button"
          aria-label={copied ? "Copied" : "Copy code"}
          onClick={() => copy(codeRef.current?.innerText ?? "")}
          className={`inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-[11px] text-fg-muted hover:bg-zinc-200/70 hover:text-zinc-800 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 ${focusRing}`}
        >
          {copied ? <CheckIcon className="size-3.5" /> : <CopyIcon className="size-3.5" />}
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      {/* JSON (points, boxes, tool arguments) wraps so every value stays in view; other code scrolls. */}
      <pre
        ref={codeRef}
        data-testid="code-block"
        className={`overflow-x-auto p-3.5 font-mono text-[13px] leading-relaxed text-zinc-800 dark:text-zinc-200 ${
          language === "json" || language === "jsonc" ? "whitespace-pre-wrap [overflow-wrap:anywhere]" : ""
        }`}
      >
        {children}
      </pre>
    </div>
  );
}
