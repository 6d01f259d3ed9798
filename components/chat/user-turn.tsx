"use client";

import dynamic from "next/dynamic";
import { memo } from "react";

import { TaskText } from "@/components/presets/task-text";
import type { UserTurn as UserTurnData } from "@/lib/chat/conversation";

// Images and videos of a turn (players, lightbox, drawing) load with the first turn that has some.
const TurnMedia = dynamic(() => import("@/components/media/turn-media").then((module) => module.TurnMedia), { loading: () => null });

export const UserTurn = memo(function UserTurn({ turn }: { turn: UserTurnData }) {
  return (
    <div data-testid="user-turn" className="flex animate-fade-in flex-col items-end gap-2">
      {turn.media.length > 0 && <TurnMedia media={turn.media} turnId={turn.id} />}
      <div className="max-w-[85%] rounded-2xl rounded-br-md bg-zinc-900 px-4 py-2.5 text-[15px] leading-relaxed whitespace-pre-wrap text-white shadow-sm dark:bg-zinc-800 dark:text-zinc-100">
        {turn.task ? <TaskText task={turn.task} prompt={turn.text} /> : turn.text}
      </div>
    </div>
  );
});
