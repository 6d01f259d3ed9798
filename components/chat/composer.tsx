"use client";

import { useSyncExternalStore, type ClipboardEvent, type FormEvent, type KeyboardEvent, type ReactNode, type RefObject } from "react";

import { Button } from "@/components/ui/button";
import { ArrowUpIcon, RefreshIcon, StopIcon, TrashIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";

interface ComposerProps {
  value: string;
  onChange: (value: string) => void;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  placeholder: string;
  streaming: boolean;
  /** No backend to send to yet. */
  disabled: boolean;
  /** Why sending is not possible right now (besides an empty message), or null. */
  blockedReason: string | null;
  canRegenerate: boolean;
  canClear: boolean;
  onSend: () => void;
  onStop: () => void;
  onRegenerate: () => void;
  onClear: () => void;
  /** Shown above the text: attachments, their progress and the token estimate. */
  attachments?: ReactNode;
  /** Shown at the start of the toolbar: the attach buttons. */
  attachControls?: ReactNode;
  /** Files pasted into the text field (images copied from elsewhere). */
  onPasteFiles?: (files: File[]) => void;
  /** Shown just before Send, e.g. "View code" of this message. */
  beforeSend?: ReactNode;
}

const noSubscribe = () => () => {};
const platformModKey = () => (/Mac|iPhone|iPad/.test(navigator.platform) ? "⌘" : "Ctrl");

export function Composer(props: ComposerProps) {
  const { value, onChange, inputRef, placeholder, streaming, blockedReason } = props;
  const modKey = useSyncExternalStore(noSubscribe, platformModKey, () => "Ctrl");
  const empty = value.trim() === "";
  const canSend = !streaming && !props.disabled && !empty && blockedReason === null;

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (canSend) props.onSend();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) submit(event);
  }

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const files = Array.from(event.clipboardData.files);
    if (files.length === 0 || !props.onPasteFiles) return;
    // Copying an image from a web page also puts its address on the clipboard as text: keep the file only.
    event.preventDefault();
    props.onPasteFiles(files);
  }

  return (
    <div className="mx-auto w-full max-w-3xl px-4 pb-4 sm:px-6">
      <form
        onSubmit={submit}
        aria-label="Message composer"
        className="@container rounded-2xl border border-zinc-200 bg-surface shadow-lg shadow-zinc-900/5 transition-colors focus-within:border-brand-500/70 dark:border-zinc-800 dark:shadow-black/30"
      >
        {props.attachments}
        <textarea
          ref={inputRef}
          data-testid="composer-input"
          aria-label="Message"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          placeholder={placeholder}
          rows={2}
          className="block max-h-64 min-h-16 w-full resize-none bg-transparent px-4 pt-3.5 pb-1 text-[15px] leading-6 outline-none [field-sizing:content] placeholder:text-zinc-400 dark:placeholder:text-zinc-500"
        />
        <div className="flex items-center gap-1 px-2 pb-2">
          {props.attachControls}
          {props.attachControls && <span aria-hidden="true" className="mx-0.5 h-5 w-px bg-zinc-200 dark:bg-zinc-800" />}
          <Button
            variant="ghost"
            size="sm"
            data-testid="regenerate-button"
            aria-label="Regenerate the last reply"
            disabled={!props.canRegenerate}
            onClick={props.onRegenerate}
          >
            <RefreshIcon className="size-3.5" />
            <span className="hidden @lg:inline">Regenerate</span>
          </Button>
          <Button
            variant="ghost"
            size="sm"
            data-testid="clear-button"
            aria-label="Clear the conversation"
            disabled={!props.canClear}
            onClick={props.onClear}
          >
            <TrashIcon className="size-3.5" />
            <span className="hidden @lg:inline">Clear</span>
          </Button>
          <span className="ml-auto hidden shrink-0 pr-2 text-xs whitespace-nowrap text-fg-muted @2xl:inline">
            {streaming ? (
              <>
                <Kbd>Esc</Kbd> to stop
              </>
            ) : (
              <>
                <Kbd>{modKey}</Kbd> <Kbd>Enter</Kbd> to send
              </>
            )}
          </span>
          {/* Where the hint is hidden (a narrow composer) this takes its auto margin, off the next button. */}
          {props.beforeSend && <span className="ml-auto flex @2xl:ml-0 [&+*]:ml-0">{props.beforeSend}</span>}
          {streaming ? (
            <Button
              variant="danger"
              data-testid="stop-button"
              aria-label="Stop generating"
              onClick={props.onStop}
              className="ml-auto @2xl:ml-0"
            >
              <StopIcon className="size-3.5" />
              Stop
            </Button>
          ) : (
            <button
              type="submit"
              data-testid="send-button"
              aria-label="Send message"
              disabled={!canSend}
              title={blockedReason ?? (empty ? "Type a message first" : `Send (${modKey}+Enter)`)}
              className={`ml-auto inline-flex h-9 items-center gap-1.5 rounded-lg bg-brand-500 px-3.5 text-sm font-semibold text-zinc-950 shadow-sm transition-colors hover:bg-brand-400 disabled:cursor-not-allowed disabled:bg-zinc-200 disabled:text-zinc-400 disabled:shadow-none @2xl:ml-0 dark:disabled:bg-zinc-800 dark:disabled:text-zinc-500 ${focusRing}`}
            >
              Send
              <ArrowUpIcon className="size-4" />
            </button>
          )}
        </div>
      </form>
      {blockedReason && !streaming && (
        <p role="status" data-testid="composer-blocked" className="mt-2 px-1 text-xs text-amber-700 dark:text-amber-400">
          {blockedReason}
        </p>
      )}
    </div>
  );
}

function Kbd({ children }: { children: string }) {
  return (
    <kbd className="rounded border border-line-strong bg-zinc-50 px-1 py-px font-sans text-[10px] font-medium text-fg-muted dark:bg-zinc-800">
      {children}
    </kbd>
  );
}
