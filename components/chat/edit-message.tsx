"use client";

import { useState } from "react";

import type { TurnActions } from "@/components/chat/turn-actions-context";
import { Button } from "@/components/ui/button";
import { inputStyles } from "@/components/ui/styles";

interface EditMessageProps {
  text: string;
  actions: TurnActions;
  onDone: () => void;
}

/** The last message, rewritten in place; Send asks again and keeps the old reply as a version. */
export function EditMessage({ text, actions, onDone }: EditMessageProps) {
  const [draft, setDraft] = useState(text);
  const empty = draft.trim() === "";
  const blocked = actions.blockedReason ?? (empty ? "Write a message to send." : null);

  function send() {
    if (blocked) return;
    actions.editLast(draft.trim());
    onDone();
  }

  return (
    <div data-testid="edit-message" className="flex w-full max-w-[85%] flex-col gap-2">
      <label className="sr-only" htmlFor="edit-message-input">
        Edit your message
      </label>
      <textarea
        id="edit-message-input"
        data-testid="edit-input"
        autoFocus
        rows={Math.min(8, Math.max(2, draft.split("\n").length))}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.stopPropagation();
            onDone();
          }
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            send();
          }
        }}
        className={`${inputStyles} resize-y text-[15px] leading-relaxed`}
      />
      <div className="flex items-center justify-end gap-2">
        {blocked && <span className="mr-auto text-xs text-fg-muted">{blocked}</span>}
        <Button size="sm" variant="ghost" data-testid="edit-cancel" onClick={onDone}>
          Cancel
        </Button>
        <Button size="sm" variant="primary" data-testid="edit-send" disabled={blocked !== null} onClick={send}>
          Send
        </Button>
      </div>
    </div>
  );
}
