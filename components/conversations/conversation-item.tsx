"use client";

import Link from "next/link";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";

import { PencilIcon, TrashIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";
import type { ConversationSummary } from "@/lib/conversations/schema";
import { formatRelativeTime } from "@/lib/conversations/time";

interface ConversationItemProps {
  conversation: ConversationSummary;
  active: boolean;
  now: number;
  onOpen: () => void;
  onRename: (title: string) => void;
  onDelete: () => void;
}

const actionButton = `grid size-7 shrink-0 place-items-center rounded-md text-fg-muted hover:bg-zinc-200 hover:text-fg-strong dark:hover:bg-zinc-700 ${focusRing}`;

/** One saved chat: a link, with rename (also F2 on the link) and delete beside it. */
export function ConversationItem({ conversation, active, now, onOpen, onRename, onDelete }: ConversationItemProps) {
  const [editing, setEditing] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const linkRef = useRef<HTMLAnchorElement>(null);
  // Enter ends the edit, and the input's blur as it unmounts must not end it a second time.
  const open = useRef(false);

  useEffect(() => {
    open.current = editing;
    if (editing) inputRef.current?.select();
  }, [editing]);

  function finish(save: boolean) {
    if (!open.current) return;
    open.current = false;
    const title = inputRef.current?.value.trim() ?? "";
    setEditing(false);
    if (save && title !== "" && title !== conversation.title) onRename(title);
    requestAnimationFrame(() => linkRef.current?.focus());
  }

  function onInputKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") finish(true);
    if (event.key === "Escape") {
      event.stopPropagation();
      finish(false);
    }
  }

  return (
    <li
      data-testid="conversation-item"
      data-id={conversation.id}
      data-active={active || undefined}
      className={`group relative flex items-center gap-1 rounded-lg pr-1 ${
        active ? "bg-zinc-200/70 dark:bg-zinc-800" : "hover:bg-zinc-100 dark:hover:bg-zinc-800/60"
      }`}
    >
      {editing ? (
        <input
          ref={inputRef}
          data-testid="conversation-rename-input"
          aria-label="Chat title"
          defaultValue={conversation.title}
          maxLength={200}
          onKeyDown={onInputKey}
          onBlur={() => finish(true)}
          className="m-1 min-w-0 flex-1 rounded-md border border-brand-500 bg-surface px-2 py-1.5 text-sm outline-none"
        />
      ) : (
        <Link
          ref={linkRef}
          href={`/?c=${conversation.id}`}
          prefetch={false}
          onClick={onOpen}
          onKeyDown={(event) => {
            if (event.key === "F2") {
              event.preventDefault();
              setEditing(true);
            }
          }}
          aria-current={active ? "page" : undefined}
          title={conversation.title}
          className={`min-w-0 flex-1 rounded-lg px-2.5 py-2 ${focusRing} focus-visible:ring-offset-0`}
        >
          <span data-testid="conversation-title" className="line-clamp-2 text-sm font-medium break-words text-zinc-800 dark:text-zinc-100">
            {conversation.title}
          </span>
          <span className="block text-xs text-fg-soft">{formatRelativeTime(conversation.updatedAt, now)}</span>
        </Link>
      )}
      {!editing && (
        <span
          className={`flex items-center ${active ? "" : "opacity-0 group-focus-within:opacity-100 group-hover:opacity-100 [@media(hover:none)]:opacity-100"}`}
        >
          <button
            type="button"
            data-testid="conversation-rename"
            aria-label={`Rename “${conversation.title}”`}
            title="Rename (F2)"
            onClick={() => setEditing(true)}
            className={actionButton}
          >
            <PencilIcon className="size-3.5" />
          </button>
          <button
            type="button"
            data-testid="conversation-delete"
            aria-label={`Delete “${conversation.title}”`}
            title="Delete"
            onClick={onDelete}
            className={actionButton}
          >
            <TrashIcon className="size-3.5" />
          </button>
        </span>
      )}
    </li>
  );
}
