"use client";

import dynamic from "next/dynamic";
import { memo, useState } from "react";

import { EditMessage } from "@/components/chat/edit-message";
import { useTurnActions } from "@/components/chat/turn-actions-context";
import { TaskText } from "@/components/presets/task-text";
import { PencilIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";
import type { UserTurn as UserTurnData } from "@/lib/chat/conversation";

// Images and videos of a turn (players, lightbox, drawing) load with the first turn that has some.
const TurnMedia = dynamic(() => import("@/components/media/turn-media").then((module) => module.TurnMedia), { loading: () => null });

export const UserTurn = memo(function UserTurn({ turn }: { turn: UserTurnData }) {
  const actions = useTurnActions();
  const [editing, setEditing] = useState(false);
  const editable = actions !== null && actions.lastUserTurnId === turn.id;
  return (
    <div data-testid="user-turn" className="group/user flex animate-fade-in flex-col items-end gap-2">
      {turn.media.length > 0 && <TurnMedia media={turn.media} turnId={turn.id} />}
      {editing && editable ? (
        <EditMessage text={turn.text} actions={actions} onDone={() => setEditing(false)} />
      ) : (
        <div className="flex max-w-[85%] items-start gap-1.5">
          {editable && (
            <button
              type="button"
              data-testid="edit-message-button"
              aria-label="Edit and resend this message"
              title={actions.blockedReason ?? "Edit and resend"}
              disabled={actions.blockedReason !== null}
              onClick={() => setEditing(true)}
              className={`mt-1.5 grid size-7 shrink-0 place-items-center rounded-md text-zinc-400 opacity-100 transition-opacity hover:bg-surface-muted hover:text-zinc-800 disabled:opacity-40 sm:opacity-0 sm:group-hover/user:opacity-100 sm:focus-visible:opacity-100 dark:hover:text-zinc-100 ${focusRing}`}
            >
              <PencilIcon className="size-3.5" />
            </button>
          )}
          <div className="min-w-0 rounded-2xl rounded-br-md bg-zinc-900 px-4 py-2.5 text-[15px] leading-relaxed whitespace-pre-wrap text-white [overflow-wrap:anywhere] shadow-sm dark:bg-zinc-800 dark:text-zinc-100">
            {turn.task ? <TaskText task={turn.task} prompt={turn.text} /> : turn.text}
          </div>
        </div>
      )}
    </div>
  );
});
